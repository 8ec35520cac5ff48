internal import GreenAllocCore
import Spreadsheet

/// The library workbook of `greenalloc init` (data/library.xlsx): sheets 城市, 园区, 项目 and 银行 with the
/// documented Chinese column names, a few example rows that refer to each other, and drop-down lists for the
/// columns whose values come from a fixed list (园区状态, 园区命名必需, 前期工作阶段, 省级项目库,
/// 绿色金融库等级, 最低融资等级).
enum StarterLibrary {
    /// The drop-down lists cover the data rows up to this sheet row (0-based), room for a province's library.
    static let lastListRow = 2000

    static func workbook() -> Workbook {
        Workbook(sheets: [cities(), parks(), projects(), banks()], title: "项目库")
    }

    static func cities() -> Sheet {
        Sheet(
            name: "城市", header: headers(.cities, ["id", "name", "region"]),
            rows: [
                [.text("370100"), .text("济南市"), .text("central")],
                [.text("370200"), .text("青岛市"), .text("east")],
                [.text("370300"), .text("淄博市"), .text("central")],
            ], autoFilter: true)
    }

    static func parks() -> Sheet {
        let columns = ["id", "name", "city", "status", "barred_until", "naming_year"]
        let rows: [[Cell]] = [
            [.text("K01"), .text("济南示范生态工业园区"), .text("370100"), .text("named_provincial"), .empty, .empty],
            [.text("K02"), .text("青岛示范化工产业园区"), .text("370200"), .text("under_construction"), .empty, .empty],
            [.text("K03"), .text("淄博示范经济开发区"), .text("370300"), .text("none"), .empty, .empty],
            [.text("K04"), .text("淄博示范高新技术产业开发区"), .text("370300"), .text("rectifying"), .empty, .empty],
        ]
        return Sheet(
            name: "园区", header: headers(.parks, columns), rows: rows, autoFilter: true,
            validations: [list(columns, "status", ParkStatus.allCases.map(\.rawValue))])
    }

    /// The project columns: the format's, then three benefit columns (t/a) the scenario's weights read.
    static let projectColumns = [
        "id", "name", "park", "fund", "owner", "county", "category", "investment", "request_2025", "request_2026",
        "min_share", "naming_prerequisite", "loan_need", "maturity", "provincial_library", "finance_tier",
        "co2_t", "cod_t", "vocs_t",
    ]

    static func projects() -> Sheet {
        typealias Example = (
            id: String, name: String, park: String, owner: String, county: String, category: String,
            investment: Double, requests: (Double?, Double?), prerequisite: Bool, loan: Double?, maturity: String,
            library: String, tier: String, benefit: (Double?, Double?, Double?)
        )
        let examples: [Example] = [
            ("P001", "济南示范热电有限公司锅炉烟气超低排放改造", "K01", "济南示范热电有限公司", "历城区", "air", 2000,
             (600, nil), false, nil, "ready_to_start", "in_library", "general", (1200, nil, 120)),
            ("P002", "济南示范园区污水处理厂提标改造", "K01", "济南示范水务有限公司", "历城区", "water", 1500,
             (500, nil), false, nil, "fs_approved", "in_library", "none", (nil, 300, nil)),
            ("P003", "青岛示范化工园区循环化改造工程", "K02", "青岛示范化工园区管委会", "黄岛区", "carbon", 3000,
             (800, 400), true, 1200, "design_approved", "in_library", "preferred", (15000, nil, nil)),
            ("P004", "青岛示范化工园区污水集中处理设施", "K02", "青岛示范化工园区管委会", "黄岛区", "water", 1200,
             (nil, 350), true, nil, "ready_to_start", "supplementary", "general", (nil, 200, nil)),
            ("P005", "淄博示范固废综合利用项目", "K03", "淄博示范环保科技有限公司", "张店区", "solid_waste", 800,
             (300, nil), false, nil, "proposal", "submitted", "none", (2000, nil, nil)),
            ("P006", "淄博示范石化有限公司VOCs深度治理", "K03", "淄博示范石化有限公司", "临淄区", "air", 2500,
             (700, 300), false, 1500, "under_construction", "in_library", "general", (3000, nil, 200)),
            ("P007", "淄博示范高新区雨污分流改造", "K04", "淄博示范高新区建设局", "张店区", "water", 1000,
             (400, nil), false, nil, "eia_approved", "in_library", "none", (nil, 150, nil)),
            ("P008", "济南示范园区能源管理中心建设", "K01", "济南示范生态工业园区管委会", "历城区", "carbon", 900,
             (nil, 400), false, nil, "ready_to_start", "funded", "none", (4000, nil, nil)),
        ]
        let number = { (value: Double?) -> Cell in value.map { .number($0, .plain) } ?? .empty }
        let money = { (value: Double?) -> Cell in value.map { .money($0) } ?? .empty }
        let rows = examples.map { row -> [Cell] in
            [
                .text(row.id), .text(row.name), .text(row.park), .text("prov-special"), .text(row.owner),
                .text(row.county), .text(row.category), .money(row.investment), money(row.requests.0),
                money(row.requests.1), .empty, row.prerequisite ? .text("是") : .empty, money(row.loan),
                .text(row.maturity), .text(row.library), .text(row.tier), number(row.benefit.0),
                number(row.benefit.1), number(row.benefit.2),
            ]
        }
        return Sheet(
            name: "项目", header: headers(.projects, projectColumns), rows: rows, autoFilter: true,
            validations: [
                list(projectColumns, "naming_prerequisite", ["是", "否"]),
                list(projectColumns, "maturity", maturityOrder),
                list(projectColumns, "provincial_library", libraryStatuses),
                list(projectColumns, "finance_tier", FinanceTier.allCases.map(\.text)),
            ])
    }

    static func banks() -> Sheet {
        let columns = ["id", "name", "capacity", "max_per_project", "min_tier", "cities"]
        let rows: [[Cell]] = [
            [.text("B01"), .text("示范银行济南分行"), .money(2000), .money(1000), .text("general"), .text("370100;370300")],
            [.text("B02"), .text("示范银行青岛分行"), .money(1500), .empty, .empty, .empty],
        ]
        let tiers = FinanceTier.allCases.filter { $0 != .none }.map(\.text)
        return Sheet(
            name: "银行", header: headers(.banks, columns), rows: rows, autoFilter: true,
            validations: [list(columns, "min_tier", tiers)])
    }

    /// The Chinese header of each column: its documented name, `<year>年申请补助` for a request column, the
    /// column's own name for a free column.
    static func headers(_ kind: TableKind, _ columns: [String]) -> [String] {
        columns.map { column in
            if let found = kind.chineseColumnNames.first(where: { $0.column == column }) { return found.chinese }
            if column.hasPrefix("request_") { return column.dropFirst(8) + "年申请补助" }
            return column
        }
    }

    static func list(_ columns: [String], _ column: String, _ values: [String]) -> DataValidationList {
        DataValidationList(column: columns.firstIndex(of: column) ?? 0, rows: 1...lastListRow, values: values)
    }
}
