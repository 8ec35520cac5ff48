import Foundation
import GreenAllocCore
@testable import GreenAllocReports
import Testing

/// report.html in a real browser: Debian's headless Chromium renders it to PNG and PDF without errors, the
/// screenshot is not blank (far larger than the same browser's shot of an empty page), and the PDF's text
/// layer (read with poppler's pdftotext) holds the Chinese chapter and chart headings.
@Suite(.enabled(if: Browser.chromium != nil, "Chromium is not installed (.ci/run installs chromium, fonts-noto-cjk and poppler-utils)"))
struct ReportBrowserTests {
    @Test func chromiumRendersTheChineseReportToPNGAndPDF() throws {
        let chromium = try #require(Browser.chromium)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("greenalloc-browser-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        try Data(ReportHTML.bytes(ReportHTMLTests.withOutcomes, language: .zh)).write(to: page)
        let empty = folder.appendingPathComponent("empty.html")
        try Data("<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>x</title></head><body></body></html>".utf8)
            .write(to: empty)

        let shot = folder.appendingPathComponent("report.png"), emptyShot = folder.appendingPathComponent("empty.png")
        let pdf = folder.appendingPathComponent("report.pdf")
        try Browser.run(chromium, ["--screenshot=" + shot.path, "--window-size=1000,1400", page.absoluteString], in: folder)
        try Browser.run(chromium, ["--screenshot=" + emptyShot.path, "--window-size=1000,1400", empty.absoluteString], in: folder)
        try Browser.run(chromium, ["--no-pdf-header-footer", "--print-to-pdf=" + pdf.path, page.absoluteString], in: folder)

        let png = try Data(contentsOf: shot), blank = try Data(contentsOf: emptyShot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 8 * blank.count, "the screenshot (\(png.count) bytes) is hardly larger than an empty page's (\(blank.count))")
        let document = try Data(contentsOf: pdf)
        #expect(document.starts(with: Array("%PDF".utf8)))

        let pdftotext = try #require(Browser.find("pdftotext"), "pdftotext (poppler-utils) is needed to read the PDF's text layer")
        let text = try Browser.output(pdftotext, [pdf.path, "-"])
        for heading in ["资金分配报告", "资金使用情况", "分市下达表", "各资金分年度预算使用", "公平性：洛伦兹曲线与基尼系数", "生态工业园区数与目标"] {
            #expect(text.contains(heading), "the PDF's text lacks \(heading)")
        }
    }
}

/// Finding and running the browser and poppler's tools.
enum Browser {
    static let chromium: String? = find("chromium") ?? find("chromium-browser")

    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { String($0) + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    struct Failed: Error, CustomStringConvertible { let description: String }

    /// Runs headless Chromium with `arguments` and its own profile folder; throws on a non-zero exit.
    static func run(_ chromium: String, _ arguments: [String], in folder: URL) throws {
        let profile = folder.appendingPathComponent("profile-" + UUID().uuidString).path
        _ = try output(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=" + profile]
            + arguments)
    }

    static func output(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failed(description: "\(executable) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
