public import GreenAllocCore

/// One bank's list as a document for `greenalloc rank`: Markdown (a table) or JSON
/// (`{"format": "greenalloc.bank/1", "scenario", "loan_stage", "bank", "list": [...]}`, list lines as in
/// bank-<id>.csv; `reason_code`/`reason` only on waitlist lines). With the nested view (`--nested K`) every
/// line adds `nested_step` (the first step, or null), the document `nested_steps` (K) and the table a column.
public enum BankListDocument {
    public static func json(_ allocation: Allocation, bank: String, language lang: ReportLanguage = .zh) -> String {
        let list = allocation.loanStage?.details?.bank(bank)
        let nested = allocation.loanStage?.details?.nested
        let termYears = allocation.loanStage?.details?.terms?.years
        func entry(_ line: BankCSV.Line) -> JSONValue {
            var fields: [(String, JSONValue)] = [
                ("rank", line.rank.map { .int($0) } ?? .null), ("status", .string(line.status)),
                ("project", .string(line.project)), ("name", .string(line.name)), ("park", .string(line.park)),
                ("city", .string(line.city)), ("loan_need", .money(line.loanNeed)), ("tier", .string(line.tier)),
                ("loan_score", .double(line.loanScore)), ("loan_bonuses", .array(line.bonuses.map { .string($0) })),
                ("subsidy_total", .money(line.subsidyTotal)),
            ]
            if let termYears { fields += termFields(line, years: termYears) }
            if line.rank == nil { fields += [("reason_code", .string(line.reasonCode)), ("reason", .string(line.reason))] }
            if nested != nil { fields.append(("nested_step", line.nestedStep.map { .int($0) } ?? .null)) }
            return .object(fields)
        }
        var members: [(String, JSONValue)] = [
            ("format", .string("greenalloc.bank/1")), ("scenario", .string(allocation.scenario)),
            ("loan_stage", .object([
                ("status", .string(allocation.loanStage?.status.rawValue ?? "")),
                ("objective", .double(allocation.loanStage?.objective)),
            ])),
            ("bank", .object([
                ("id", .string(bank)), ("name", .string(list?.name ?? "")), ("capacity", .money(list?.capacity ?? 0)),
                ("lent", .money(list?.lent ?? 0)),
            ])),
        ]
        if let nested { members.append(("nested_steps", .int(nested.steps))) }
        members.append(("list", .array(BankCSV.rows(allocation, bank: bank, language: lang).map(entry))))
        return JSONWriter.render(.object(members))
    }

    public static func markdown(_ allocation: Allocation, bank: String, language lang: ReportLanguage = .zh) -> String {
        let zh = lang == .zh
        let list = allocation.loanStage?.details?.bank(bank)
        let nested = allocation.loanStage?.details?.nested != nil
        let termYears = allocation.loanStage?.details?.terms?.years
        let names = LoanText(language: lang, allocation: allocation)
        var text = "# " + (zh ? "银行名单：" : "Bank list: ") + names.bank(bank) + "\n\n"
        text += (zh ? "额度 " : "Capacity ") + MoneyFormat.display(list?.capacity ?? 0)
            + (zh ? " 万元，已放贷 " : " 万元, lent ") + MoneyFormat.display(list?.lent ?? 0) + " 万元\n\n"
        let (owner, county) = (allocation.hasOwner, allocation.hasCounty)
        let extra = (owner ? 1 : 0) + (county ? 1 : 0)
        let head = zh ? ["排名", "状态", "项目", "名称"] : ["Rank", "Status", "Project", "Name"]
        let place = (owner ? [zh ? "项目单位" : "Owner"] : []) + [zh ? "城市" : "City"] + (county ? [zh ? "县（市、区）" : "County"] : [])
        let figures: [String] = zh ? ["贷款需求", "等级", "贷款得分", "补助", "原因"]
            : ["Loan need", "Tier", "Loan score", "Subsidy", "Reason"]
        let step: [String] = nested ? [zh ? "嵌套步" : "Nested step"] : []
        let header: [String] = head + place + figures + step + termHeader(years: termYears, zh: zh)
        var table = MarkdownTable(
            header: header,
            numeric: Set(([0, 5, 7, 8] + (nested ? [10] : [])).map { $0 == 0 ? 0 : $0 + extra }))
        let cityNames = Dictionary(allocation.cities.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for line in BankCSV.rows(allocation, bank: bank, language: lang) {
            // For people: the city's name (with its code) and the status in the report's language.
            let city = cityNames[line.city].map { name in
                name.isEmpty ? line.city : zh ? "\(name)（\(line.city)）" : "\(name) (\(line.city))"
            } ?? line.city
            let status = line.status == "assigned" ? (zh ? "放贷" : "assigned") : (zh ? "候补" : "waitlist")
            let cells = [line.rank.map(String.init) ?? "", status, line.project, line.name]
                + (owner ? [line.owner ?? ""] : []) + [city] + (county ? [line.county ?? ""] : [])
            let amounts: [String] = [
                MoneyFormat.display(line.loanNeed), line.tier, Self.readable(line.loanScore),
                MoneyFormat.display(line.subsidyTotal), line.reason,
            ]
            let stepCell: [String] = nested ? [line.nestedStep.map(String.init) ?? ""] : []
            let termCells: [String] = termYears.map(line.termCells) ?? []
            table.add(cells + amounts + stepCell + termCells)
        }
        return text + table.render()
    }

    /// A score for people: 10 significant digits, so binary noise (44438.159999999996) reads 44438.16. The
    /// CSV and JSON keep the full-precision form (scenario-format §13).
    static func readable(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return formatNumber(value) }
        let digits = 9 - Int((abs(value).log10Floor))
        guard digits > 0 else { return formatNumber(value) }
        var scale = 1.0
        for _ in 0..<Swift.min(digits, 15) { scale *= 10 }
        return formatNumber((value * scale).rounded() / scale)
    }
}

extension Double {
    /// ⌊log10(self)⌋ for a positive finite value, without Foundation.
    fileprivate var log10Floor: Double {
        var exponent = 0.0
        var value = self
        while value >= 10 { value /= 10; exponent += 1 }
        while value < 1 { value *= 10; exponent -= 1 }
        return exponent
    }
}
