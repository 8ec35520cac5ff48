import ExternalProgram
import Foundation
import GreenAllocCLI
import Testing

/// `--pdf`: these tests set `GREENALLOC_CHROMIUM` or print through Chromium, and the environment is the
/// process's, so they run one after another.
@Suite(.serialized) struct PDFTests {
    @Test func pdfWithoutChromiumWritesTheRestAndExits69() throws {
        let fixture = try SweepPageTests.fixture()
        setenv("GREENALLOC_CHROMIUM", fixture.path("no-such-chromium"), 1)
        defer { unsetenv("GREENALLOC_CHROMIUM") }
        let out = fixture.path("out")
        let result = fixture.run(["sweep", fixture.scenarioPath] + SweepPageTests.arguments + ["--out", out, "--pdf"])
        #expect(result.code == 69)
        #expect(result.error.contains("apt-get install chromium"), "\(result.error)")
        #expect(FileManager.default.fileExists(atPath: out + "/sweep.html"))
        #expect(!FileManager.default.fileExists(atPath: out + "/sweep.pdf"))
        let solve = fixture.run(["solve", fixture.scenarioPath, "--out", fixture.path("solved"), "--pdf"])
        #expect(solve.code == 69)
        #expect(FileManager.default.fileExists(atPath: fixture.path("solved") + "/report.html"))
        #expect(fixture.run(["sweep", fixture.scenarioPath] + SweepPageTests.arguments + ["--pdf"]).code == 64)
        #expect(fixture.run(["solve", fixture.scenarioPath, "--pdf"]).code == 64)
    }
}

extension PDFTests {
    /// sweep.html and `--pdf` in a real browser: Debian's headless Chromium renders sweep.html to PNG without
    /// errors and not blank, `sweep --pdf` and `solve --pdf` write PDFs whose text layer (poppler's pdftotext)
    /// holds the Chinese headings and title.
    @Suite(.enabled(if: ProgramRun.find("chromium") != nil, "Chromium is not installed (.ci/run installs chromium, fonts-noto-cjk and poppler-utils)"))
    struct SweepBrowserTests {
        /// The text of a PDF, read with pdftotext.
        static func text(ofPDF path: String) throws -> String {
            let pdftotext = try #require(ProgramRun.find("pdftotext"), "pdftotext (poppler-utils) reads the PDF's text layer")
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("greenalloc-pdftext-" + UUID().uuidString)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let output = folder.appendingPathComponent("text.txt")
            let run = ProgramRun(executable: pdftotext, arguments: [path, output.path], logFile: folder.appendingPathComponent("log"))
            #expect(try run.run(until: ContinuousClock.now + .seconds(60)) == .exited(0))
            return try String(contentsOf: output, encoding: .utf8)
        }

        /// A PNG screenshot of a page, its size in bytes.
        static func screenshot(_ page: String, in folder: String) throws -> Int {
            let chromium = try #require(ProgramRun.find("chromium"))
            let shot = folder + "/shot-" + UUID().uuidString + ".png"
            let run = ProgramRun(
                executable: chromium,
                arguments: ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=" + folder + "/profile-" + UUID().uuidString,
                    "--screenshot=" + shot, "--window-size=900,1600", URL(fileURLWithPath: page).absoluteString],
                logFile: URL(fileURLWithPath: folder + "/chromium.log"))
            #expect(try run.run(until: ContinuousClock.now + .seconds(120)) == .exited(0))
            let png = try Data(contentsOf: URL(fileURLWithPath: shot))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            return png.count
        }

        @Test func sweepPagePrintsWithItsChineseHeadings() throws {
            let fixture = try SweepPageTests.fixture()
            let out = fixture.path("out")
            let result = fixture.run(["sweep", fixture.scenarioPath] + SweepPageTests.arguments + ["--out", out, "--pdf"])
            #expect(result.code == 0, "\(result.error)")
            let pdf = try Data(contentsOf: URL(fileURLWithPath: out + "/sweep.pdf"))
            #expect(pdf.starts(with: Array("%PDF".utf8)))
            let text = try Self.text(ofPDF: out + "/sweep.pdf")
            for heading in ["预算敏感性分析", "主要结论", "目标值与边际收益", "目标值与预算", "每万元边际收益", "园区命名与目标", "各测算点", "随预算增加退出的项目"] {
                #expect(text.contains(heading), "the PDF's text lacks \(heading)")
            }
            // The screenshot is far larger than the same browser's shot of an empty page: the charts and tables are drawn.
            try Data("<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>x</title></head><body></body></html>".utf8)
                .write(to: URL(fileURLWithPath: fixture.path("empty.html")))
            let page = try Self.screenshot(out + "/sweep.html", in: fixture.path("."))
            let blank = try Self.screenshot(fixture.path("empty.html"), in: fixture.path("."))
            #expect(page > 8 * blank, "the screenshot (\(page) bytes) is hardly larger than an empty page's (\(blank))")
        }

        @Test func solvePDFHoldsTheReportsChineseTitle() throws {
            let fixture = try SweepPageTests.fixture()
            let out = fixture.path("out")
            let result = fixture.run(["solve", fixture.scenarioPath, "--out", out, "--pdf"])
            #expect(result.code == 0, "\(result.error)")
            let text = try Self.text(ofPDF: out + "/report.pdf")
            #expect(text.contains("资金分配报告"), "\(text.prefix(300))")
            #expect(FileManager.default.fileExists(atPath: out + "/report.html"))
        }
    }
}
