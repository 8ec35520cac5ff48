/// Project kinds by category: a Chinese name, whether the name is prefixed by the park (park-wide works) or by an
/// enterprise, and the reduction rates that turn investment into plausible performance targets.
enum ProjectCatalogue {
    /// Benefit rates in t/a per 万元 invested, by benefit column (see `ProjectRecord.benefitColumns`).
    struct Template {
        var name: String
        var parkWide: Bool
        var rates: [String: Double]
    }

    struct Category {
        var id: String
        var weight: Double
        var templates: [Template]
    }

    static let categories: [Category] = [
        Category(id: "air", weight: 0.28, templates: [
            Template(name: "VOCs综合治理工程", parkWide: false, rates: ["vocs_t": 0.030]),
            Template(name: "燃煤锅炉超低排放改造", parkWide: false, rates: ["so2_t": 0.035, "nox_t": 0.045]),
            Template(name: "工业窑炉深度治理工程", parkWide: false, rates: ["so2_t": 0.030, "nox_t": 0.050]),
            Template(name: "LDAR泄漏检测与修复及VOCs治理", parkWide: false, rates: ["vocs_t": 0.040]),
            Template(name: "焦炉烟气脱硫脱硝改造", parkWide: false, rates: ["so2_t": 0.040, "nox_t": 0.040]),
            Template(name: "储罐区油气回收项目", parkWide: false, rates: ["vocs_t": 0.025]),
            Template(name: "烧结机烟气超低排放改造", parkWide: false, rates: ["so2_t": 0.045, "nox_t": 0.035]),
        ]),
        Category(id: "water", weight: 0.27, templates: [
            Template(name: "污水处理厂提标改造工程", parkWide: true, rates: ["cod_t": 0.080, "nh3n_t": 0.008]),
            Template(name: "工业废水集中处理设施建设", parkWide: true, rates: ["cod_t": 0.090, "nh3n_t": 0.007]),
            Template(name: "雨污分流管网改造工程", parkWide: true, rates: ["cod_t": 0.050, "nh3n_t": 0.006]),
            Template(name: "中水回用工程", parkWide: false, rates: ["cod_t": 0.040, "nh3n_t": 0.004]),
            Template(name: "入河排污口规范化整治", parkWide: true, rates: ["cod_t": 0.030, "nh3n_t": 0.003]),
            Template(name: "高盐废水零排放项目", parkWide: false, rates: ["cod_t": 0.060]),
        ]),
        Category(id: "soil", weight: 0.10, templates: [
            Template(name: "污染地块土壤修复工程", parkWide: false, rates: ["cod_t": 0.004]),
            Template(name: "地下水污染防控工程", parkWide: true, rates: ["cod_t": 0.010, "nh3n_t": 0.002]),
            Template(name: "土壤污染隐患排查整治项目", parkWide: false, rates: ["cod_t": 0.003]),
        ]),
        Category(id: "solid_waste", weight: 0.15, templates: [
            Template(name: "一般工业固废综合利用项目", parkWide: false, rates: ["co2_t": 0.30]),
            Template(name: "危险废物集中处置中心", parkWide: true, rates: ["co2_t": 0.15]),
            Template(name: "磷石膏综合利用项目", parkWide: false, rates: ["co2_t": 0.50]),
            Template(name: "污泥无害化处置项目", parkWide: true, rates: ["co2_t": 0.20, "cod_t": 0.010]),
        ]),
        Category(id: "carbon", weight: 0.15, templates: [
            Template(name: "余热余压综合利用项目", parkWide: false, rates: ["co2_t": 2.2]),
            Template(name: "分布式光伏发电项目", parkWide: false, rates: ["co2_t": 1.6]),
            Template(name: "集中供热替代分散燃煤锅炉项目", parkWide: true, rates: ["co2_t": 1.8, "so2_t": 0.010]),
            Template(name: "二氧化碳捕集利用示范工程", parkWide: false, rates: ["co2_t": 2.8]),
            Template(name: "能源管理中心建设", parkWide: false, rates: ["co2_t": 1.2]),
        ]),
        Category(id: "capacity", weight: 0.05, templates: [
            Template(name: "环境监测监控能力建设", parkWide: true, rates: [:]),
            Template(name: "智慧环保监管平台建设", parkWide: true, rates: [:]),
            Template(name: "环境应急能力建设", parkWide: true, rates: [:]),
            Template(name: "有毒有害气体环境风险预警体系建设", parkWide: true, rates: ["vocs_t": 0.002]),
        ]),
    ]

    /// Park-wide works that make up a naming package (the park's prerequisites for eco-park naming).
    static let prerequisites: [(category: String, template: Template)] = [
        ("water", Template(name: "污水处理厂提标改造工程", parkWide: true, rates: ["cod_t": 0.080, "nh3n_t": 0.008])),
        ("carbon", Template(name: "循环化改造工程", parkWide: true, rates: ["co2_t": 1.4])),
        ("solid_waste", Template(name: "固体废物集中收集贮存设施", parkWide: true, rates: ["co2_t": 0.15])),
        ("carbon", Template(name: "集中供热替代分散燃煤锅炉项目", parkWide: true, rates: ["co2_t": 1.8, "so2_t": 0.010])),
        ("air", Template(name: "挥发性有机物监测与集中治理设施", parkWide: true, rates: ["vocs_t": 0.020])),
        ("water", Template(name: "中水回用及再生水管网工程", parkWide: true, rates: ["cod_t": 0.040, "nh3n_t": 0.004])),
    ]

    /// Trade-name syllables and industries for synthetic enterprise names.
    static let tradeFirst = ["鑫", "瑞", "恒", "宏", "泰", "德", "汇", "丰", "源", "润", "晟", "嘉", "和", "远", "金", "凯"]
    static let tradeSecond = ["盛", "达", "源", "润", "昌", "通", "科", "信", "宇", "航", "洋", "宁", "安", "邦", "隆", "诚"]
    static let industries = ["化工", "新材料", "热电", "钢铁", "造纸", "纺织", "食品", "医药", "建材", "能源", "环保科技", "橡胶", "石化"]
}
