/// The Chinese names a table's header may use for the columns of the format (scenario-format §3): `项目编号` is `id` in
/// projects, `2022年申请补助` is `request_2022`. One list for CSV files and workbooks alike; any other header
/// stays as written (a free column).
extension TableKind {
    /// The Chinese names of this table's columns, with the column each stands for, in the order documented.
    public var chineseColumnNames: [(chinese: String, column: String)] {
        let own: [(String, String)] =
            switch self {
            case .cities: [("城市编号", "id"), ("城市名称", "name"), ("所属区域", "region")]
            case .parks:
                [
                    ("园区编号", "id"), ("园区名称", "name"), ("所属城市", "city"), ("园区状态", "status"),
                    ("禁申截止日期", "barred_until"), ("可命名年度", "naming_year"),
                ]
            case .projects:
                [
                    ("项目编号", "id"), ("项目名称", "name"), ("所属园区", "park"), ("资金渠道", "fund"),
                    ("项目单位", "owner"), ("所属县区", "county"), ("项目类别", "category"), ("总投资", "investment"),
                    ("申请补助", "request"), ("申请年度", "year"), ("最低补助比例", "min_share"), ("锁定", "lock"),
                    ("前置项目", "requires"), ("互斥组", "exclusive_group"), ("园区命名必需", "naming_prerequisite"),
                    ("融资需求", "loan_need"), ("前期工作阶段", "maturity"), ("中央项目库", "central_library"),
                    ("省级项目库", "provincial_library"), ("绿色金融库等级", "finance_tier"),
                ]
            case .banks:
                [
                    ("银行编号", "id"), ("银行名称", "name"), ("可贷额度", "capacity"),
                    ("单笔贷款上限", "max_per_project"), ("最低融资等级", "min_tier"), ("服务城市", "cities"),
                ]
            }
        return own.map { (chinese: $0.0, column: $0.1) }
    }

    /// The column a header name stands for: the format's column for one of ``chineseColumnNames`` or, in
    /// projects, `<year>年申请补助` (`request_<year>`); the name itself otherwise.
    public func columnName(forHeader header: String) -> String {
        if let found = chineseNameIndex[self]?[header] { return found }
        if self == .projects, header.hasSuffix("年申请补助") {
            let year = header.dropLast(5)
            if !year.isEmpty, year.utf8.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) { return "request_" + year }
        }
        return header
    }
}

private let chineseNameIndex: [TableKind: [String: String]] = Dictionary(
    uniqueKeysWithValues: TableKind.allCases.map { kind in
        (kind, Dictionary(kind.chineseColumnNames.map { ($0.chinese, $0.column) }, uniquingKeysWith: { first, _ in first }))
    })
