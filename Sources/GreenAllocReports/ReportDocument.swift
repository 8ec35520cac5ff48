/// The report as a sequence of blocks, built once by `ReportMarkdown.Report` and rendered either as
/// Markdown (report.md, `markdown()`) or as HTML (report.html, `ReportHTML`). A line keeps Markdown's own
/// spelling (`- ` items, `1. ` items, `> ` quotes, `**bold**`, `` `code` ``), which the HTML writer reads
/// back; charts are drawn in the HTML only.
struct ReportDocument {
    enum Block {
        /// The document's title (`# …`).
        case title(String)
        /// A chapter (`## …`).
        case heading(String)
        /// A section inside a chapter (`### …`).
        case subheading(String)
        /// One line of text as Markdown writes it.
        case line(String)
        /// An empty line (Markdown's paragraph break).
        case blank
        case table(MarkdownTable)
        /// A chart of the HTML report, placed here.
        case chart(ReportChartKind)
        /// A chart already drawn (e.g. sweep.html's), shown in the HTML only.
        case figure(ReportFigure)
    }

    var blocks: [Block] = []

    /// The Markdown text: each block's spelling, in order.
    func markdown() -> String {
        var text = ""
        for block in blocks {
            switch block {
            case .title(let title): text += "# " + title + "\n\n"
            case .heading(let heading): text += "\n## " + heading + "\n\n"
            case .subheading(let heading): text += "### " + heading + "\n\n"
            case .line(let line): text += line + "\n"
            case .blank: text += "\n"
            case .table(let table): text += table.render()
            case .chart, .figure: break
            }
        }
        return text
    }
}

/// The charts of the HTML report, each placed after the section it illustrates.
enum ReportChartKind: Sendable {
    /// Budget used and remaining by fund and year.
    case funds
    /// Each city's money against its cap (when a limit caps cities), and the fairness panel.
    case cities
    /// Money requested and granted by category, and the outcomes (tonnes) by pollutant and city.
    case categories
    /// Eco parks over the years against the park targets.
    case parks
}
