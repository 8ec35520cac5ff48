import Foundation
import GreenAllocService
import GreenAllocWorkspace
import Hummingbird
import HummingbirdTesting
import Spreadsheet
import Testing
import WorkspaceTestSupport

/// The upload form (multipart/form-data): a CSV table or a library workbook replaces the scenario's table only
/// when the scenario validates against it; errors name the file, line and column, or the sheet and cell.
@Suite struct UploadFormRouteTests {
    @Test func aBrokenCSVIsRefusedWithItsCellAndNothingIsReplaced() async throws {
        let space = try LoanWorkspace()
        defer { space.remove() }
        try await OfficeClient.with(folder: space.folder) { office, _ in
            let form = try await office.get("/office/scenarios/loans.yaml/upload?lang=en")
            #expect(form.status == .ok && String(buffer: form.body).contains("enctype=\"multipart/form-data\""))
            #expect(try await office.get("/office/scenarios/..%2Floans.yaml/upload").status == .notFound)
            let original = try Data(contentsOf: space.url.appendingPathComponent("projects.csv"))
            let broken = TableUploadRouteTests.goodProjects.replacingOccurrences(of: "L2,二号,K1,f1,air,100,30", with: "L2,二号,K1,f1,air,1x0,30")
            let file = (name: "projects.csv", bytes: Data(broken.utf8))
            let uri = "/office/scenarios/loans.yaml/upload"
            let forged = try await office.upload(uri, fields: [("csrf", "forged"), ("table", "projects")], file: file)
            #expect(forged.status == .forbidden)
            let missing = try await office.upload(uri, fields: [("table", "projects")], file: file)
            #expect(missing.status == .forbidden)
            let refused = try await office.upload(uri, fields: [("csrf", office.office.csrf), ("table", "projects")], file: file)
            let page = String(buffer: refused.body)
            #expect(refused.status == .unprocessableContent, "\(page)")
            #expect(page.contains("projects.csv not replaced:\nprojects.csv:3:6: error: &apos;1x0&apos; is not a number (investment)"), "\(page)")
            let renamed = try await office.upload(uri, fields: [("csrf", office.office.csrf), ("table", "projects")], file: (name: "projects.xlsx", bytes: file.bytes))
            #expect(renamed.status == .unprocessableContent && String(buffer: renamed.body).contains("the table is read from a .csv file; projects.xlsx is not one"))
            let unknown = try await office.upload(uri, fields: [("csrf", office.office.csrf), ("table", "../secrets")], file: file)
            #expect(unknown.status == .notFound)
            let plain = try await office.post(uri, "table=projects")
            #expect(plain.status == .unprocessableContent)
            #expect(try Data(contentsOf: space.url.appendingPathComponent("projects.csv")) == original)
            let names = try FileManager.default.contentsOfDirectory(atPath: space.folder)
            #expect(!names.contains { $0.hasPrefix(".upload-") || $0.contains(".bak-") }, "\(names)")

            let good = (name: "projects.csv", bytes: Data(TableUploadRouteTests.goodProjects.utf8))
            let replaced = try await office.upload(uri, fields: [("csrf", office.office.csrf), ("table", "projects")], file: good)
            #expect(replaced.status == .ok && String(buffer: replaced.body).contains("replaced projects.csv"), "\(String(buffer: replaced.body))")
            #expect(try String(contentsOfFile: space.path("projects.csv"), encoding: .utf8) == TableUploadRouteTests.goodProjects)
        }
    }

    /// The starter workspace's library workbook as sheets of text and number cells, `edit` applied to each sheet.
    static func library(_ path: String, edit: (inout Sheet) -> Void) throws -> Data {
        let reader = try WorkbookReader(path: path)
        var sheets: [Sheet] = []
        for name in reader.sheetNames {
            guard let table = try reader.table(sheet: name) else { continue }
            var sheet = Sheet(name: name, header: table.header, rows: table.rows.map { $0.map { Double($0).map { Cell.number($0, .plain) } ?? .text($0) } })
            edit(&sheet)
            sheets.append(sheet)
        }
        return Data(try Workbook(sheets: sheets).bytes())
    }

    @Test func brokenWorkbooksAreRefusedWithTheirSheetAndCell() async throws {
        let space = try LoanWorkspace()
        defer { space.remove() }
        let folder = space.path("office")
        let made = space.run(["init", folder])
        #expect(made.code == 0, "\(made.error)")
        let library = folder + "/data/library.xlsx"
        let original = try Data(contentsOf: URL(fileURLWithPath: library))
        let badCell = try Self.library(library) { sheet in
            if sheet.name == "项目" { sheet.rows[0][7] = .text("lots") }
        }
        let same = try Self.library(library) { _ in }
        try await OfficeClient.with(folder: folder) { office, _ in
            let uri = "/office/scenarios/scenario.yaml/upload"
            let fields = [("csrf", office.office.csrf), ("table", "projects")]
            for (bytes, message) in [
                (badCell, "data/library.xlsx not replaced:\ndata/library.xlsx[项目]!H2: error: &apos;lots&apos; is not a number (investment)\n1 input error; nothing was solved or written."),
                (Data("not a workbook".utf8), "data/library.xlsx not replaced:\ndata/library.xlsx:1:1: error: this is not an .xlsx workbook, or it is truncated or damaged (its zip directory cannot be read)\n"),
            ] {
                let refused = try await office.upload(uri, fields: fields, file: (name: "library.xlsx", bytes: bytes))
                let page = String(buffer: refused.body)
                #expect(refused.status == .unprocessableContent && page.contains(message), "\(page)")
                #expect(try Data(contentsOf: URL(fileURLWithPath: library)) == original)
            }
            let replaced = try await office.upload(uri, fields: fields, file: (name: "library.xlsx", bytes: same))
            #expect(replaced.status == .ok, "\(String(buffer: replaced.body))")
            #expect(try Data(contentsOf: URL(fileURLWithPath: library)) == same)
        }
    }
}
