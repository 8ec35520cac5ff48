internal import Charts
internal import Foundation
internal import GreenAllocWorkspace

/// The bank page: the same list as the API's JSON, as a plain HTML table (no script), in Chinese or English.
struct BankPage {
    let english: Bool

    func pick(_ zh: String, _ en: String) -> String { english ? en : zh }

    /// Text for HTML: the charts' XML escaping (`&`, `<`, `>`, quotes; no control characters).
    static func escape(_ text: String) -> String { SVGCanvas.escaped(text) }

    func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(english ? "en" : "zh-CN")"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Self.escape(title))</title>
        <style>body{font-family:sans-serif;margin:2em;max-width:72em}table{border-collapse:collapse}
        th,td{border:1px solid #999;padding:.25em .5em}td.n{text-align:right}</style>
        </head><body>
        \(body)
        </body></html>

        """
    }

    /// The list of a published run (the API's JSON document) as a page.
    func list(_ json: Data, bank: String) -> String {
        let parsed = (try? JSONSerialization.jsonObject(with: json)) as? [String: Any] ?? [:]
        let lines = parsed["list"] as? [[String: Any]] ?? []
        let run = (parsed["run"] as? Int).map(String.init) ?? ""
        let columns: [(String, String, Bool)] = [
            ("rank", pick("排名", "Rank"), true), ("status", pick("状态", "Status"), false),
            ("project", pick("项目编号", "Project ID"), false), ("name", pick("项目名称", "Project"), false),
            ("city", pick("城市", "City"), false), ("loan_need", pick("贷款需求（万元）", "Loan need (万元)"), true),
            ("tier", pick("融资等级", "Tier"), false), ("loan_score", pick("贷款得分", "Loan score"), true),
            ("reason", pick("原因", "Reason"), false),
        ]
        var table = "<table><thead><tr>" + columns.map { "<th>\(Self.escape($0.1))</th>" }.joined() + "</tr></thead><tbody>\n"
        for line in lines {
            table += "<tr>" + columns.map { column in
                let text = Self.cell(line[column.0], status: column.0 == "status", english: english)
                return column.2 ? "<td class=\"n\">\(Self.escape(text))</td>" : "<td>\(Self.escape(text))</td>"
            }.joined() + "</tr>\n"
        }
        table += "</tbody></table>"
        let title = pick("银行名单：", "Bank list: ") + bank
        let formats = ["csv", "xlsx", "json"].map { "<a href=\"/banks/\(Self.escape(bank))?run=\(run)&amp;format=\($0)\">\($0)</a>" }
        let body = "<h1>\(Self.escape(title))</h1>\n<p>" + pick("发布的运行 ", "Published run ") + Self.escape(run) + "</p>\n"
            + table + "\n<p>" + pick("下载：", "Download: ") + formats.joined(separator: " · ") + "</p>"
        return document(title: title, body: body)
    }

    static func cell(_ value: Any?, status: Bool, english: Bool) -> String {
        switch value {
        case let text as String where status: english ? text : text == "assigned" ? "放贷" : "候补"
        case let text as String: text
        case let number as Int: String(number)
        case let number as Double: String(number)
        default: ""
        }
    }

    /// The page of a refusal: the same for another bank's list and a list that does not exist.
    func message(_ text: String) -> String {
        document(title: "greenalloc", body: "<p>\(Self.escape(text))</p>")
    }
}
