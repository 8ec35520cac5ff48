public import GreenAllocCore
internal import MILP

/// The files of one `solve --out DIR` run, ready for `OutputDirectory.write(files:to:)`:
/// `allocation.json`, `projects.csv` (UTF-8 with BOM), `report.md` in `language` and, when the language is
/// not English, `report.en.md`, plus `run.json` when `run` is given, and `loans.csv` (the province's
/// project–bank matrix) when the loan stage ran. Bank lists (`bank-<id>.csv`) come from the loan writer and are
/// merged in by the caller. The files are rendered side by side, one thread each (`SolverThread.all`): each
/// writer reads the allocation only, so the bytes do not depend on the order in which they finish.
public enum OutputFiles {
    public static func standard(
        for allocation: Allocation, run: RunInfo? = nil, language: ReportLanguage = .zh
    ) -> [String: [UInt8]] {
        var writers: [@Sendable () -> (String, [UInt8])?] = [
            { ("allocation.json", AllocationJSON.bytes(allocation, language: language)) },
            { ("projects.csv", ProjectsCSV.bytes(allocation, language: language)) },
            { ("report.md", Array(ReportMarkdown.render(allocation, language: language).utf8)) },
            { LoansCSV.bytes(allocation).map { (LoansCSV.fileName, $0) } },
        ]
        if language != .en {
            writers.append { ("report.en.md", Array(ReportMarkdown.render(allocation, language: .en).utf8)) }
        }
        let rendered = SolverThread.all(writers.count) { [writers] in writers[$0]() }
        var files: [String: [UInt8]] = [:]
        for case let (name, bytes)? in rendered { files[name] = bytes }
        if let run { files["run.json"] = RunJSON.bytes(run) }
        return files
    }
}
