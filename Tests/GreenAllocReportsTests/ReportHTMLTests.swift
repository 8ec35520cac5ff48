import Foundation
import GreenAllocCore
@testable import GreenAllocReports
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// report.html: golden files, XML well-formedness, and the figures against allocation.json's.
@Suite struct ReportHTMLTests {
    /// The feasible fixture with what the HTML draws besides the Markdown: outcome columns and city figures.
    static var withOutcomes: Allocation {
        var allocation = OutputFixtures.feasible
        allocation.outcomeColumns = ["co2_t", "cod_t"]
        let values: [String: [Double]] = ["P001": [120, 0], "P002": [40, 8.5], "P003": [0, 2.25], "P010": [5, 1]]
        for index in allocation.projects.indices {
            allocation.projects[index].outcomeValues = values[allocation.projects[index].id] ?? [0, 0]
        }
        let gdp: [String: Double] = ["370100": 12028, "370200": 14921, "370700": 7306]
        for index in allocation.cities.indices {
            allocation.cities[index].figures = ["gdp_2022": gdp[allocation.cities[index].id] ?? 0]
        }
        return allocation
    }

    static let cases: [(String, Allocation)] = [("feasible", withOutcomes), ("infeasible", OutputFixtures.infeasible)]

    @Test(arguments: ["feasible", "infeasible"])
    func golden(_ name: String) throws {
        let allocation = try #require(Self.cases.first { $0.0 == name }?.1)
        try Golden.check(ReportHTML.render(allocation, language: .zh), named: "\(name).report.zh.html")
        try Golden.check(ReportHTML.render(allocation, language: .en), named: "\(name).report.en.html")
    }

    @Test func sameAllocationSameBytes() {
        for (_, allocation) in Self.cases {
            for language in ReportLanguage.allCases {
                #expect(ReportHTML.render(allocation, language: language) == ReportHTML.render(allocation, language: language))
            }
        }
    }

    /// Every page parses as XML, also with names full of markup and control characters.
    @Test func everyPageIsWellFormed() throws {
        var hostile = Self.withOutcomes
        hostile.scenario = "<script>alert(\"&\")</script>]]>"
        hostile.projects[0].name = "A & B <b>\u{1}\u{FFFE} **x** `y"
        hostile.cities[0].name = "济南\"<>"
        for allocation in Self.cases.map(\.1) + [hostile] {
            for language in ReportLanguage.allCases {
                let page = try HTMLPage(ReportHTML.render(allocation, language: language))
                #expect(!page.tables.isEmpty)
                #expect(page.svgCount >= (allocation.status == .infeasible ? 0 : 5))
            }
        }
        let page = ReportHTML.render(hostile, language: .zh)
        #expect(!page.contains("<script>") && !page.contains("<b>"))
    }

    /// The city table's figures equal allocation.json's: each city's project subsidies and the totals.
    @Test(arguments: ReportLanguage.allCases)
    func cityTotalsEqualAllocationJSON(_ language: ReportLanguage) throws {
        let allocation = Self.withOutcomes
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(AllocationJSON.bytes(allocation, language: language))) as? [String: Any])
        let projects = try #require(json["projects"] as? [[String: Any]])
        let parks = try #require(json["parks"] as? [[String: Any]])
        var subsidyByCity: [String: Double] = [:]
        for project in projects {
            subsidyByCity[project["city"] as? String ?? "", default: 0] += project["subsidy_total"] as? Double ?? 0
        }
        let awards = parks.reduce(0.0) { $0 + ($1["award"] as? Double ?? 0) }
        let page = try HTMLPage(ReportHTML.render(allocation, language: language))
        let table = try #require(page.tables.first { $0.first?.contains(language == .zh ? "下达合计" : "Total") == true && $0.first?.first == (language == .zh ? "城市代码" : "City code") })
        let header = try #require(table.first)
        let subsidyColumn = try #require(header.firstIndex(of: language == .zh ? "项目补助合计" : "Project subsidies"))
        let awardColumn = try #require(header.firstIndex(of: language == .zh ? "命名奖补" : "Naming awards"))
        for city in allocation.cities {
            let row = try #require(table.first { $0.first == city.id })
            #expect(row[subsidyColumn] == MoneyFormat.display(subsidyByCity[city.id] ?? 0))
        }
        let total = try #require(table.last)
        #expect(total[subsidyColumn] == MoneyFormat.display(subsidyByCity.values.reduce(0, +)))
        #expect(total[awardColumn] == MoneyFormat.display(awards))
    }

    /// The Markdown renders from the same document: every chapter heading of report.md is a heading of the page.
    @Test(arguments: ReportLanguage.allCases)
    func sameChaptersAsTheMarkdown(_ language: ReportLanguage) throws {
        let markdown = ReportMarkdown.render(Self.withOutcomes, language: language)
        let chapters = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
        let page = try HTMLPage(ReportHTML.render(Self.withOutcomes, language: language))
        #expect(page.headings == chapters)
    }
}

/// A page read back with Foundation's XML parser: the chapter headings (`h2`), each table's rows of cell
/// texts (header first) and how many SVG charts it holds. Throws when the page is not well-formed.
final class HTMLPage: NSObject, XMLParserDelegate {
    private(set) var headings: [String] = []
    private(set) var tables: [[[String]]] = []
    private(set) var svgCount = 0
    private var text = ""
    private var row: [String] = []
    private var capturing = false

    struct Malformed: Error { let description: String }

    init(_ html: String) throws {
        super.init()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = self
        guard parser.parse() else {
            throw Malformed(description: "\(parser.parserError.map(String.init(describing:)) ?? "?") at line \(parser.lineNumber)")
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]) {
        switch name {
        case "table": tables.append([])
        case "tr": row = []
        case "td", "th", "h2":
            text = ""
            capturing = true
        case "svg": svgCount += 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "td", "th":
            row.append(text)
            capturing = false
        case "h2":
            headings.append(text)
            capturing = false
        case "tr": if !tables.isEmpty { tables[tables.count - 1].append(row) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing { text += string }
    }
}
