import GreenAllocCore
import Spreadsheet

/// allocation.xlsx's sheets for the policy instruments (scenario-format §15), each only when the scenario uses
/// the instrument: 园区复查 (the parks failing the review), 资金结转 (carry-over per fund and year) and 因素法分市额度
/// (the envelope, allocation and deviation per city). The same figures as the report's sections.
extension WorkbookText {
    func policySheets() -> [Sheet] {
        [reviewSheet(), carrySheet(), envelopesSheet()].compactMap { $0 }
    }

    func reviewSheet() -> Sheet? {
        guard let review = allocation.policy?.review, !review.parks.isEmpty else { return nil }
        let header = [pick("园区", "Park"), pick("城市", "City"), pick("原状态", "Status before"), pick("按复查结果", "Status after"),
            pick("禁申截止日期", "Barred until"), pick("处理方式", "Treatment")]
        let treatment = review.treatment == .revoke ? pick("撤销称号", "title revoked") : pick("限期整改", "rectifying")
        let rows: [[Cell]] = review.parks.map { park in
            [.text(labeled(park.name, park.id)), .text(city(park.city)), .text(status(park.statusBefore)),
                .text(status(park.statusAfter)), .text(park.barredUntil?.description ?? "—"), .text(treatment)]
        }
        return Sheet(name: pick("园区复查", "Park review"), header: header, rows: rows)
    }

    func status(_ status: ParkStatus) -> String { RuleVocabulary.statusWord(status, language) }

    func carrySheet() -> Sheet? {
        guard let carry = allocation.policy?.carry, !carry.isEmpty else { return nil }
        let header = [pick("资金", "Fund"), pick("年度", "Year"), pick("预算", "Budget"), pick("期初结余", "Opening balance"),
            pick("上年结转", "Carried in"), pick("可用", "Available"), pick("已用", "Used"), pick("结余", "Left"),
            pick("结转下年", "Carried out")]
        let names = Dictionary(allocation.funds.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let rows: [[Cell]] = carry.flatMap { fund in
            fund.years.map { year in
                [.text(labeled(names[fund.fund], fund.fund)), .integer(year.year), money(year.budget), money(year.opening),
                    money(year.carriedIn), money(year.available), money(year.spent), money(year.unspent), money(year.carriedOut)]
            }
        }
        return Sheet(name: pick("资金结转", "Carry-over"), header: header, rows: rows)
    }

    func envelopesSheet() -> Sheet? {
        guard let envelopes = allocation.policy?.envelopes, !envelopes.isEmpty else { return nil }
        let header = [pick("分配规则", "Envelope rule"), pick("城市", "City"), pick("年度", "Year"), pick("权重份额", "Weighted share"),
            pick("额度", "Envelope"), pick("安排", "Allocated"), pick("偏差", "Deviation"), pick("偏差率", "Deviation %")]
        let rows: [[Cell]] = envelopes.map { row in
            [.text(allocation.localized(row.name, in: language)), .text(city(row.city)),
                row.year.map(Cell.integer) ?? .text(pick("规划期合计", "horizon")), .number(MoneyFormat.rounded(row.share), .share),
                money(row.envelope), money(row.allocation), money(row.deviation),
                row.envelope > 0 ? .number(MoneyFormat.rounded(row.deviation / row.envelope), .share) : .text("—")]
        }
        return Sheet(name: pick("因素法分市额度", "Factor envelopes"), header: header, rows: rows)
    }
}
