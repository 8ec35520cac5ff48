public import GreenAllocCore

/// The files of one `solve --out DIR` run, ready for `OutputDirectory.write(files:to:)`:
/// `allocation.json`, `projects.csv` (UTF-8 with BOM), `report.md` in `language` and, when the language is
/// not English, `report.en.md`; `report.html` (and `report.en.html`) likewise, plus `run.json` when `run` is given, and `loans.csv` (the province's
/// project–bank matrix) when the loan stage ran. Bank lists (`bank-<id>.csv`) come from the loan writer and are
/// merged in by the caller.
public enum OutputFiles {
    public static func standard(
        for allocation: Allocation, run: RunInfo? = nil, language: ReportLanguage = .zh
    ) -> [String: [UInt8]] {
        let report = ReportHTML.pages(allocation, language: language)
        var files: [String: [UInt8]] = [
            "allocation.json": AllocationJSON.bytes(allocation, language: language),
            "projects.csv": ProjectsCSV.bytes(allocation, language: language),
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
