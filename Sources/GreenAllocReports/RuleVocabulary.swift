import GreenAllocCore

/// The words for the names and code values rules use: a column in the reader's language (the Chinese
/// column names of the format, readable English names), and the labels of the format's code lists (park
/// status, maturity, library status, finance tier, category, lock, fund kind). A name or value it does
/// not know is shown readably as written.
struct RuleVocabulary {
    let language: ReportLanguage

    func pick(_ chinese: String, _ english: String) -> String { language.pick(chinese, english) }

    /// `park.status` → 所属园区的状态 / its park's status.
    func subject(entity: String, column: String) -> String {
        let name = columnName(entity: entity, column: column)
        switch entity {
        case "project": return pick(name, "the project's " + name)
        case "park": return pick("所属园区的", "its park's ") + name
        case "city": return pick("所属城市的", "its city's ") + name
        case "fund": return pick("所申报资金的", "its fund's ") + name
        default: return pick(entity + "的", entity + "'s ") + name
        }
    }

    /// A column's name: the words below, else the format's Chinese name (without the table's own word,
    /// 园区状态 → 状态); any other column as written, underscores read as spaces in English.
    func columnName(entity: String, column: String) -> String {
        if let words = Self.columnWords[column] ?? (entity == "fund" ? Self.fundWords[column] : nil) {
            return pick(words.0, words.1)
        }
        if language == .zh, let kind = Self.table[entity],
            let chinese = kind.chineseColumnNames.first(where: { $0.column == column })?.chinese
        {
            let prefix = Self.tableWord[entity] ?? ""
            return chinese.hasPrefix(prefix) && chinese.count > prefix.count ? String(chinese.dropFirst(prefix.count)) : chinese
        }
        return pick(column, String(column.map { $0 == "_" ? " " : $0 }))
    }

    /// The label of a code value of `column` (`named_provincial` → 省级生态工业园区), nil when the column has
    /// no code list or the value is not on it.
    func valueLabel(_ value: String, column: String) -> String? {
        if column == "category" {
            let names = language == .zh ? CategorySummary.chineseNames : CategorySummary.englishNames
            return names[value]
        }
        guard let labels = Self.codeLabels[column], let words = labels[value] else { return nil }
        return pick(words.0, words.1)
    }

    /// Whether `column` compares by the order of its code list (`maturity`, `finance_tier`).
    static func isOrdered(_ column: String) -> Bool { column == "maturity" || column == "finance_tier" }

    /// A park status in words (its `codeLabels` entry), the code itself for a status without one.
    static func statusWord(_ status: ParkStatus, _ language: ReportLanguage) -> String {
        guard let label = codeLabels["status"]?[status.rawValue] else { return status.rawValue }
        return language.pick(label.0, label.1)
    }

    static let table: [String: TableKind] = ["project": .projects, "park": .parks, "city": .cities]
    static let tableWord = ["park": "园区", "city": "城市"]
    static let fundWords: [String: (String, String)] = ["id": ("编号", "id"), "name": ("名称", "name")]

    static let columnWords: [String: (String, String)] = [
        "provincial_library": ("省级项目库状态", "provincial library status"),
        "central_library": ("中央项目库状态", "central library status"), "finance_tier": ("绿色金融库等级", "green-finance tier"),
        "maturity": ("前期工作阶段", "maturity"), "category": ("项目类别", "category"), "investment": ("总投资", "investment"),
        "barred_until": ("禁申截止日期", "bar end date"), "naming_year": ("可命名年度", "naming year"),
        "naming_prerequisite": ("园区命名必需项目标记", "naming prerequisite mark"), "loan_need": ("融资需求", "loan need"),
        "min_share": ("最低补助比例", "minimum share"), "funded": ("是否获补", "funded"),
        "subsidy_total": ("补助合计", "subsidy in total"), "kind": ("类型", "kind"), "region": ("所属区域", "region"),
        "owner": ("项目单位", "owner"), "county": ("所属县区", "county"), "lock": ("锁定", "lock"),
    ]

    static let codeLabels: [String: [String: (String, String)]] = [
        "status": [
            "none": ("未创建", "not started"), "applying": ("申报中", "applying"),
            "under_construction": ("创建中", "under construction"),
            "named_provincial": ("省级生态工业园区", "provincial eco-industrial park"),
            "named_national": ("国家生态工业园区", "national eco-industrial park"),
            "rectifying": ("限期整改", "rectifying"), "revoked": ("称号已撤销", "title revoked"),
            "barred": ("禁申期内", "barred"),
        ],
        "maturity": [
            "concept": ("项目构想", "concept"), "proposal": ("项目建议书", "proposal"),
            "fs_approved": ("可研已批复", "feasibility study approved"), "eia_approved": ("环评已批复", "EIA approved"),
            "design_approved": ("初步设计已批复", "design approved"), "ready_to_start": ("具备开工条件", "ready to start"),
            "under_construction": ("在建", "under construction"),
        ],
        "provincial_library": libraryLabels, "central_library": libraryLabels,
        "finance_tier": ["none": ("未入库", "none"), "general": ("一般", "general"), "preferred": ("优选", "preferred")],
        "lock": ["in": ("锁定补助", "locked in"), "out": ("锁定不补助", "locked out")],
        "kind": ["project_subsidy": ("项目补助", "project subsidy"), "naming_award": ("命名奖补", "naming award")],
    ]

    static let libraryLabels: [String: (String, String)] = [
        "not_submitted": ("未申报", "not submitted"), "submitted": ("已申报", "submitted"),
        "in_library": ("已入库", "in the library"), "supplementary": ("补充入库", "added later"),
        "rejected": ("未通过", "rejected"), "funded": ("已获支持", "funded"),
    ]
}
