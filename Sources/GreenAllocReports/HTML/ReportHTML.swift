public import GreenAllocCore

/// report.html (and report.en.html): report.md's content as one self-contained, print-ready page, with
/// the charts the Markdown cannot show. Inline CSS and SVG, no script, no network; A4 pages with a page
/// break before each chapter and table headers repeated on every page. The markup is XHTML-compatible
/// (every element closed, only XML's five entities), so an XML parser reads the whole file. Same allocation,
/// same bytes.
public enum ReportHTML {
    public static func render(_ allocation: Allocation, language: ReportLanguage = .zh) -> String {
        var report = ReportMarkdown.Report(allocation: allocation, language: language)
        report.build()
        return render(report)
    }

    public static func bytes(_ allocation: Allocation, language: ReportLanguage = .zh) -> [UInt8] {
        Array(render(allocation, language: language).utf8)
    }

    /// report.md and report.html in `language` from one build of the report.
    public static func pages(_ allocation: Allocation, language: ReportLanguage) -> (markdown: [UInt8], html: [UInt8]) {
        var report = ReportMarkdown.Report(allocation: allocation, language: language)
        report.build()
        return (Array(report.document.markdown().utf8), Array(render(report).utf8))
    }

    static func render(_ report: ReportMarkdown.Report) -> String {
        let allocation = report.allocation, language = report.language
        var writer = HTMLWriter(charts: ReportCharts(report: report))
        writer.page(report.document, title: allocation.scenario + report.pick("：资金分配报告", ": allocation report"),
            language: language)
        return writer.html
    }

    /// The page's style: A4 print layout, CJK fonts first (Debian's fonts-noto-cjk provides Noto Sans CJK SC),
    /// then those of Windows and macOS.
    static let style = """
        @page { size: A4; margin: 16mm 14mm 18mm 14mm; }
        html { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", \
        "WenQuanYi Micro Hei", sans-serif; font-size: 10pt; color: #222222; background: #ffffff; }
        body { margin: 0 auto; max-width: 182mm; line-height: 1.5; }
        h1 { font-size: 17pt; margin: 0 0 8pt; border-bottom: 2pt solid #1f5f8b; padding-bottom: 4pt; }
        h2 { font-size: 13.5pt; margin: 0 0 6pt; color: #1f5f8b; }
        h3 { font-size: 11pt; margin: 10pt 0 4pt; }
        p, ul, ol { margin: 4pt 0; }
        section.chapter { margin-top: 14pt; }
        div.page-break { break-before: page; page-break-before: always; }
        table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 6pt 0; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        th, td { border: 0.5pt solid #b8c2cc; padding: 1.5pt 4pt; vertical-align: top; text-align: left; }
        th { background: #e8eef3; font-weight: bold; }
        td:not(.num), th:not(.num) { min-width: 4.5em; }
        .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        tr.total td { font-weight: bold; background: #f4f6f8; }
        code { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; font-size: 0.9em; word-break: break-all; }
        blockquote { margin: 6pt 0; padding: 2pt 10pt; border-left: 3pt solid #8fb3cc; color: #444444; }
        figure.chart { margin: 10pt 0; break-inside: avoid; page-break-inside: avoid; }
        figure.chart svg { display: block; max-width: 100%; height: auto; }
        figcaption { font-size: 9.5pt; color: #333333; margin-top: 3pt; }
        @media screen { body { padding: 12px 16px; } }
        """
}
