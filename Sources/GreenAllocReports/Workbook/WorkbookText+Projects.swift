import GreenAllocCore
import Spreadsheet

/// allocation.xlsx: the project lists (获补项目, 公示名单, 未获补项目及原因).
extension WorkbookText {
    /// The place columns' headers and cells: city, and county when the projects table has one.
    private var placeHeader: [String] {
        [pick("城市", "City")] + (details.hasCounty ? [pick("县（市、区）", "County")] : [])
    }

    private func place(_ project: ProjectOutcome) -> [Cell] {
        [.text(city(project.city))] + (details.hasCounty ? [.text(county(project))] : [])
    }

    /// 项目单位, only when the projects table has an `owner` column.
    private var ownerHeader: [String] { details.hasOwner ? [pick("项目单位", "Owner")] : [] }

    func fundedSheet() -> Sheet {
        var header = [pick("项目编号", "Project ID"), pick("项目名称", "Project")] + ownerHeader
            + [pick("所属园区", "Park")] + placeHeader
        let firstMoney = header.count
        header += allocation.years.map { pick("\($0)年补助", "Subsidy \($0)") }
        header += [pick("补助合计", "Total subsidy"), pick("补助比例", "Share of request")]
            + (allocation.deferralInUse ? [pick("开工年度", "Start year")] : []) + [pick("获补理由", "Reasons")]
        let rows: [[Cell]] = funded.map { project in
            let perYear = allocation.years.indices.map { MoneyFormat.rounded(yearValue(project.subsidy, $0)) }
            return [.text(project.id), .text(project.name)] + (details.hasOwner ? [.text(owner(project))] : [])
                + [.text(park(project.park))]
                + place(project) + perYear.map(Cell.money)
                + [money(project.subsidyTotal), .share(project.share)]
                + (allocation.deferralInUse ? [project.startYear.map(Cell.integer) ?? .empty] : []) + [.text(reasons(project))]
        }
        let sums = Array(firstMoney...(firstMoney + allocation.years.count))
        return Sheet(name: pick("获补项目", "Funded projects"), header: header, rows: rows,
            total: total(rows, label: pick("合计", "Total"), sums: sums, width: header.count), autoFilter: true)
    }

    /// 公示名单: the list published before the money is released.
    func publicListSheet() -> Sheet {
        let header = [pick("序号", "No."), pick("项目编号", "Project ID"), pick("项目名称", "Project"),
            details.hasOwner ? pick("项目单位", "Owner") : pick("所属园区", "Park")] + placeHeader + [pick("补助金额", "Subsidy")]
        let rows: [[Cell]] = funded.enumerated().map { index, project in
            [.integer(index + 1), .text(project.id), .text(project.name), .text(owner(project))] + place(project)
                + [money(project.subsidyTotal)]
        }
        return Sheet(name: pick("公示名单", "Public list"), header: header, rows: rows,
            total: total(rows, label: pick("合计", "Total"), sums: [header.count - 1], width: header.count))
    }

    func unfundedSheet() -> Sheet {
        let header = [pick("项目编号", "Project ID"), pick("项目名称", "Project"), pick("城市", "City"),
            pick("申请补助", "Requested"), pick("未获补原因", "Why not funded"), pick("说明", "Details")]
        let rows: [[Cell]] = allocation.projects.filter { !$0.funded }.map { project in
            [.text(project.id), .text(project.name), .text(city(project.city)), money(project.requestTotal),
                .text(words.label(project.why)), .text(reasons(project))]
        }
        return Sheet(name: pick("未获补项目及原因", "Not funded"), header: header, rows: rows,
            total: total(rows, label: pick("合计", "Total"), sums: [3], width: header.count), autoFilter: true)
    }
}
