public import GreenAllocCore
import Dispatch
import Synchronization

/// The files of one `solve --out DIR` run, ready for `OutputDirectory.write(files:to:)`:
/// `allocation.json`, `projects.csv` (UTF-8 with BOM), `report.md` in `language` and, when the language is
/// not English, `report.en.md`; `report.html` (and `report.en.html`) likewise, plus `run.json` when `run` is given, and `loans.csv` (the province's
/// project–bank matrix) when the loan stage ran. Bank lists (`bank-<id>.csv`) come from the loan writer and are
/// merged in by the caller.
public enum OutputFiles {
    public static func standard(
        for allocation: Allocation, run: RunInfo? = nil, language: ReportLanguage = .zh,
        csvHeader: ReportLanguage = .en
    ) -> [String: [UInt8]] {
        let report = ReportHTML.pages(allocation, language: language)
        var files: [String: [UInt8]] = [
            "allocation.json": AllocationJSON.bytes(allocation, language: language),
            "projects.csv": ProjectsCSV.bytes(allocation, language: language, header: csvHeader),
            "report.md": report.markdown,
            "report.html": report.html,
        ]
        if language != .en {
            let english = ReportHTML.pages(allocation, language: .en)
            files["report.en.md"] = english.markdown
            files["report.en.html"] = english.html
        }
        if let run { files["run.json"] = RunJSON.bytes(run) }
        if let loans = LoansCSV.bytes(allocation) { files[LoansCSV.fileName] = loans }
        return files
    }
}

extension OutputFiles {
    /// The workbooks of a run: `allocation.xlsx`, and `bank-<id>.xlsx` for each bank when the loan stage ran.
    public static func workbooks(
        for allocation: Allocation, details: ProjectDetails = ProjectDetails(), language: ReportLanguage = .zh
    ) throws -> [String: [UInt8]] {
        var files = try BankWorkbook.files(allocation, details: details, language: language)
        files[AllocationWorkbook.fileName] = try AllocationWorkbook.bytes(allocation, details: details, language: language)
        return files
    }
}

extension OutputFiles {
    /// Runs `background` on another thread while `foreground` runs on this one, and returns both results once
    /// both are done (the workbooks are made while the other files are: on two cores they add little to a run).
    /// `background`'s error, if any, is thrown after `foreground` has finished.
    public static func concurrently<Background: Sendable, Foreground>(
        _ background: @escaping @Sendable () throws -> Background, while foreground: () throws -> Foreground
    ) throws -> (Background, Foreground) {
        let slot = ResultSlot<Background>()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            slot.set(Result { try background() })
            done.signal()
        }
        let front = Result { try foreground() }
        done.wait()
        return (try slot.get().get(), try front.get())
    }
}

/// One result handed from a background thread to the thread that waits for it.
private final class ResultSlot<Value: Sendable>: Sendable {
    private struct NotYetSet: Error {}
    private let value = Mutex<Result<Value, any Error>>(.failure(NotYetSet()))
    func set(_ result: Result<Value, any Error>) { value.withLock { $0 = result } }
    func get() -> Result<Value, any Error> { value.withLock { $0 } }
}
