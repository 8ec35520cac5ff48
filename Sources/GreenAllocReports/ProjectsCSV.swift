public import GreenAllocCore

/// projects.csv: one row per project, in the allocation's order.
///
/// Header names are machine-readable English by default (`header: .zh`, the CLI's `--csv-header zh`, names the
/// same columns in Chinese) (`id,name,park,city,fund,category,investment,request_<year>…,
/// funded,share,subsidy_<year>…,subsidy_total,score,why,excluded_by,reasons`), the same in every language,
/// so scripts and VLOOKUPs do not depend on the report language; cell contents (names, reasons) are Chinese
/// by default. Every horizon year gets a `request_`/`subsidy_` column (the table stays rectangular).
/// Money is rounded to 0.0001 万元 (at most 4 decimals, no binary noise: 2872.7999999999997 is `2872.8`), never an
/// exponent; `share` and `score` at full precision.
/// When the projects table has an `owner` or `county` column, `owner` follows `name` and `county` follows
/// `city` (项目单位, 县（市、区）); without them the file is as before.
/// `excluded_by` joins rule names with `;`, `reasons` joins sentences with `；`. Quoting per RFC 4180
/// (cells with `,` `"` CR or LF are quoted, quotes doubled); lines end with LF. Write `bytes(_:language:)`
/// (UTF-8 with a BOM) so that Excel opens the Chinese text correctly.
public enum ProjectsCSV {
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public static func render(
        _ allocation: Allocation, language: ReportLanguage = .zh, header headerLanguage: ReportLanguage = .en
    ) -> String {
        String(decoding: bytes(allocation, language: language, header: headerLanguage).dropFirst(byteOrderMark.count), as: UTF8.self)
    }

    /// The header row: machine-readable English, or with `.zh` the same columns named in Chinese
    /// (`--csv-header zh`: 项目编号, 项目名称, …, `2022年申请补助`, …, 补助合计).
    public static func header(
        years: [Int], language: ReportLanguage = .en, owner: Bool = false, county: Bool = false, deferral: Bool = false
    ) -> [String] {
        let zh = language == .zh
        let place = (zh ? ["项目编号", "项目名称"] : ["id", "name"]) + (owner ? [zh ? "项目单位" : "owner"] : [])
            + (zh ? ["所属园区", "城市"] : ["park", "city"]) + (county ? [zh ? "县（市、区）" : "county"] : [])
        guard zh else {
            return place + ["fund", "category", "investment"] + years.map { "request_\($0)" }
                + ["funded", "share"] + years.map { "subsidy_\($0)" }
                + ["subsidy_total"] + (deferral ? ["start_year", "deferred_years"] : [])
                + ["score", "why", "excluded_by", "reasons"]
        }
        return place + ["资金", "类别", "总投资"] + years.map { "\($0)年申请补助" }
            + ["是否获补", "补助比例"] + years.map { "\($0)年补助" }
            + ["补助合计"] + (deferral ? ["开工年度", "延期年数"] : []) + ["得分", "原因代码", "排除规则", "原因说明"]
    }

    /// The file's bytes: a UTF-8 BOM followed by `render`.
    public static func bytes(
        _ allocation: Allocation, language: ReportLanguage = .zh, header headerLanguage: ReportLanguage = .en
    ) -> [UInt8] {
        let words = ReasonText(language: language, allocation: allocation)
        let header = header(
            years: allocation.years, language: headerLanguage, owner: allocation.hasOwner, county: allocation.hasCounty,
            deferral: allocation.deferralInUse)
        var bytes = byteOrderMark
        bytes.reserveCapacity(allocation.projects.count * 256)
        CSVRecord.append(header, to: &bytes)
        for project in allocation.projects {
            var cells = [project.id, project.name] + (allocation.hasOwner ? [project.owner ?? ""] : [])
                + [project.park, project.city] + (allocation.hasCounty ? [project.county ?? ""] : [])
            cells += [project.fund ?? "", project.category, MoneyFormat.plain(project.investment)]
            cells += allocation.years.indices.map { MoneyFormat.plain(value(project.request, at: $0)) }
            cells += [project.funded ? "true" : "false", formatNumber(project.share)]
            cells += allocation.years.indices.map { MoneyFormat.plain(value(project.subsidy, at: $0)) }
            cells.append(MoneyFormat.plain(project.subsidyTotal))
            if allocation.deferralInUse { cells += [project.startYear.map(String.init) ?? "", String(project.deferredYears)] }
            cells += [
                formatNumber(project.score), project.why.rawValue,
                project.excludedBy.map(\.rule).joined(separator: ";"),
                project.reasons.map(words.text).joined(separator: "；"),
            ]
            CSVRecord.append(cells, to: &bytes)
        }
        return bytes
    }

    public static func withByteOrderMark(_ text: String) -> [UInt8] {
        byteOrderMark + Array(text.utf8)
    }

    private static func value(_ values: [Double], at index: Int) -> Double {
        index < values.count ? values[index] : 0
    }
}
