import Foundation
import GreenAllocHistory
import GreenAllocWorkspace
import Testing
import WorkspaceTestSupport

/// `greenalloc publish`, `bank-token` and `user` on a small loan scenario.
@Suite struct PublishTests {
    @Test func publishingAScenarioSolvesRecordsAndKeepsEachBanksOwnList() throws {
        let fixture = try LoanWorkspace()
        defer { fixture.remove() }
        let workspace = try fixture.published()
        let runs = try workspace.database.runs()
        #expect(runs.map(\.command) == ["solve"])
        let publications = try workspace.publications()
        #expect(publications.map(\.runID) == [runs[0].id])
        let json = try #require(try workspace.publishedList(bank: "B1", run: nil, format: .json))
        let document = try #require(try JSONSerialization.jsonObject(with: json.bytes) as? [String: Any])
        #expect(document["bank"] as? String == "B1" && document["run"] as? Int == Int(runs[0].id))
        let list = try #require(document["list"] as? [[String: Any]])
        #expect(list.filter { $0["status"] as? String == "assigned" }.map { $0["project"] as? String } == ["L2"])
        #expect(list.first?["rank"] as? Int == 1 && list.first?["loan_need"] as? Int == 60)
        let csv = try #require(try workspace.publishedList(bank: "B2", run: nil, format: .csv))
        let text = String(decoding: csv.bytes, as: UTF8.self)
        #expect(text.contains("L1") && text.contains("L3"))
        // No bank's list, in any format, names another bank.
        for (bank, other) in [("B1", "B2"), ("B2", "B1")] {
            for format in BankListFormat.allCases {
                let bytes = try #require(try workspace.publishedList(bank: bank, run: nil, format: format)).bytes
                if format != .xlsx {
                    let text = String(decoding: bytes, as: UTF8.self)
                    #expect(!text.contains(other) && !text.contains(other == "B1" ? "甲银行" : "乙银行"), "\(bank) \(format)")
                } else {
                    #expect(bytes.prefix(2) == Data("PK".utf8))
                }
            }
        }
        #expect(try workspace.publishedList(bank: "B3", run: nil, format: .json) == nil)
        #expect(try workspace.publishedList(bank: "B1", run: runs[0].id + 1, format: .json) == nil)
    }

    @Test func publishingARunRendersItAgainAndRecordsWhoPublished() throws {
        let fixture = try LoanWorkspace()
        defer { fixture.remove() }
        let workspace = try fixture.published()
        let first = try #require(try workspace.publishedList(bank: "B2", run: nil, format: .csv))
        try workspace.createUser(name: "zhang", role: .planner, password: "0123456789ab")
        let again = fixture.run(["publish", "1", "--workspace", fixture.folder, "--as", "zhang"])
        #expect(again.code == 0, "\(again.error)")
        let publications = try workspace.publications()
        #expect(publications.map(\.runID) == [1, 1] && publications.first?.publishedBy == "zhang")
        #expect(try workspace.publishedList(bank: "B2", run: 1, format: .csv)?.bytes == first.bytes)
        #expect(fixture.run(["publish", "7", "--workspace", fixture.folder]).code == 64)
        #expect(fixture.run(["publish", "1", "--workspace", fixture.folder, "--as", "nobody"]).code == 64)
        #expect(fixture.run(["publish", fixture.path("missing.yaml"), "--workspace", fixture.folder]).code == 65)
        #expect(try workspace.publications().count == 2)
    }

    @Test func bankTokenCreatePrintsTheTokenAloneOnItsLastLine() throws {
        let fixture = try LoanWorkspace()
        defer { fixture.remove() }
        let created = fixture.run(["bank-token", "create", "B1", "--workspace", fixture.folder])
        #expect(created.code == 0)
        let token = try #require(created.out.split(separator: "\n").last.map(String.init))
        #expect(created.out == token + "\n" && !created.error.contains(token))
        #expect(try Workspace(folder: fixture.folder).bank(forToken: token)?.bank == "B1")
        #expect(fixture.run(["bank-token", "revoke", "B1", "--workspace", fixture.folder]).code == 0)
        #expect(try Workspace(folder: fixture.folder).bank(forToken: token) == nil)
        #expect(fixture.run(["bank-token", "revoke", "B1", "--workspace", fixture.folder]).code == 64)
        #expect(fixture.run(["bank-token", "create", "../x", "--workspace", fixture.folder]).code == 64)
        #expect(fixture.run(["bank-token", "create", "B1", "--workspace", fixture.path("none")]).code == 64)
    }
}
