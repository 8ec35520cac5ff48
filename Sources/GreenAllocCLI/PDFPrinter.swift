internal import ExternalProgram
internal import Foundation
internal import MILP

/// A program the command needs is not installed (exit 69, sysexits' EX_UNAVAILABLE): what is missing and
/// which Debian package provides it.
struct ToolUnavailable: Error, CustomStringConvertible {
    var description: String
}

/// A program ran and failed to give what was asked of it (exit 1).
struct ToolFailed: Error, CustomStringConvertible {
    var description: String
}

/// `--pdf`: prints a self-contained HTML page (report.html, sweep.html) to PDF with headless Chromium
/// (Debian's `chromium`), the program `GREENALLOC_CHROMIUM` names or the first `chromium` or
/// `chromium-browser` on PATH. The page is copied into a private temporary directory and printed from there
/// on A4 as its `@page` rule asks, without the browser's header and footer; Chromium gets its own profile
/// directory and at most `timeout` seconds. The PDF comes back as bytes, so that the caller writes it
/// together with the other outputs.
struct PDFPrinter {
    static let package = "chromium"
    static let timeout = 120

    let chromium: String

    /// The printer, or `ToolUnavailable` naming the package to install.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PDFPrinter {
        if let given = environment["GREENALLOC_CHROMIUM"], !given.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: given) else {
                throw ToolUnavailable(description: "--pdf: Chromium was not found at \(given) (GREENALLOC_CHROMIUM); "
                    + "install it (Debian/Ubuntu: apt-get install \(package)) or leave out --pdf")
            }
            return PDFPrinter(chromium: given)
        }
        guard let found = ProgramRun.find("chromium", environment: environment)
            ?? ProgramRun.find("chromium-browser", environment: environment)
        else {
            throw ToolUnavailable(description: "--pdf needs headless Chromium, which is not installed: install it "
                + "(Debian/Ubuntu: apt-get install \(package)) or leave out --pdf; the other outputs were written")
        }
        return PDFPrinter(chromium: found)
    }

    /// The PDF of `html` (a page that needs no other file), or `ToolFailed` when Chromium fails, overruns
    /// its time or is stopped by `shouldStop`.
    func pdf(ofPage html: [UInt8], name: String, shouldStop: () -> Bool = { false }) throws -> [UInt8] {
        let directory = try ProgramRun.temporaryDirectory(purpose: "pdf")
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent(name)
        let output = directory.appendingPathComponent("page.pdf")
        try Data(html).write(to: page)
        let run = ProgramRun(
            executable: chromium,
            arguments: [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer",
                "--user-data-dir=" + directory.appendingPathComponent("profile").path,
                "--print-to-pdf=" + output.path, page.absoluteString,
            ],
            logFile: directory.appendingPathComponent("chromium.log"))
        let ending = try run.run(until: ContinuousClock.now + .seconds(Self.timeout), shouldStop: shouldStop)
        let bytes = (try? Data(contentsOf: output)).map { [UInt8]($0) } ?? []
        switch ending {
        case .exited(0) where bytes.starts(with: Array("%PDF".utf8)): return bytes
        case .overran: throw ToolFailed(description: "--pdf: Chromium (\(chromium)) did not finish within \(Self.timeout) s")
        case .cancelled: throw ToolFailed(description: "--pdf: printing was interrupted")
        case .exited(let status):
            throw ToolFailed(description: "--pdf: Chromium (\(chromium)) exited with \(status) without a PDF:\n"
                + String(run.log().suffix(1000)))
        }
    }

    /// Adds `pdfName`, the PDF of `files[pageName]`, to `files`; returns the error that prevented it (a
    /// missing Chromium, a failed print), leaving the other files to be written all the same.
    static func add(_ pdfName: String, printing pageName: String, to files: inout [String: [UInt8]], console: Console) -> (any Error)? {
        do {
            guard let html = files[pageName] else { throw ToolFailed(description: "--pdf: no \(pageName) to print") }
            files[pdfName] = try locate().pdf(ofPage: html, name: pageName) { console.interruption.isCancelled }
            return nil
        } catch {
            return error
        }
    }
}
