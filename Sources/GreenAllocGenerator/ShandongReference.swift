/// Public facts the synthetic province rests on (docs/DOMAIN.md): the 16 prefecture cities with their codes,
/// regions and approximate 2022 GDP, the real parks named in public notices, the county-level places used for
/// synthetic park names, and the banks active in Shandong green lending.
enum ShandongReference {
    struct City {
        var code: String
        var name: String
        var pinyin: String
        var region: String
        /// 亿元, approximate except 济南 and 青岛.
        var gdp: Int
        /// County-level places for synthetic park names.
        var places: [String]
    }

    static let cities: [City] = [
        City(code: "370100", name: "济南", pinyin: "Jinan", region: "east", gdp: 12_028,
             places: ["章丘", "平阴", "商河", "济阳", "长清", "莱芜", "钢城", "历城"]),
        City(code: "370200", name: "青岛", pinyin: "Qingdao", region: "east", gdp: 14_921,
             places: ["平度", "莱西", "即墨", "黄岛", "城阳"]),
        City(code: "370300", name: "淄博", pinyin: "Zibo", region: "east", gdp: 4_400,
             places: ["桓台", "高青", "沂源", "博山", "周村", "淄川", "张店"]),
        City(code: "370400", name: "枣庄", pinyin: "Zaozhuang", region: "west", gdp: 2_000,
             places: ["山亭", "台儿庄", "薛城", "市中"]),
        City(code: "370500", name: "东营", pinyin: "Dongying", region: "east", gdp: 3_600,
             places: ["广饶", "利津", "垦利", "河口"]),
        City(code: "370600", name: "烟台", pinyin: "Yantai", region: "east", gdp: 9_500,
             places: ["龙口", "莱阳", "海阳", "蓬莱", "栖霞", "福山", "牟平", "莱州"]),
        City(code: "370700", name: "潍坊", pinyin: "Weifang", region: "central", gdp: 7_300,
             places: ["寿光", "青州", "诸城", "高密", "昌邑", "安丘", "临朐", "昌乐"]),
        City(code: "370800", name: "济宁", pinyin: "Jining", region: "central", gdp: 5_300,
             places: ["曲阜", "兖州", "泗水", "微山", "鱼台", "金乡", "汶上", "嘉祥"]),
        City(code: "370900", name: "泰安", pinyin: "Tai'an", region: "central", gdp: 3_200,
             places: ["新泰", "肥城", "宁阳", "东平"]),
        City(code: "371000", name: "威海", pinyin: "Weihai", region: "east", gdp: 3_400,
             places: ["荣成", "文登", "环翠"]),
        City(code: "371100", name: "日照", pinyin: "Rizhao", region: "central", gdp: 2_300,
             places: ["五莲", "莒县", "岚山"]),
        City(code: "371300", name: "临沂", pinyin: "Linyi", region: "west", gdp: 5_800,
             places: ["沂水", "兰陵", "郯城", "沂南", "平邑", "莒南", "蒙阴", "临沭"]),
        City(code: "371400", name: "德州", pinyin: "Dezhou", region: "west", gdp: 3_600,
             places: ["齐河", "禹城", "乐陵", "平原", "夏津", "武城", "临邑", "陵城"]),
        City(code: "371500", name: "聊城", pinyin: "Liaocheng", region: "west", gdp: 2_800,
             places: ["临清", "莘县", "东阿", "冠县", "高唐", "茌平"]),
        City(code: "371600", name: "滨州", pinyin: "Binzhou", region: "west", gdp: 3_000,
             places: ["惠民", "阳信", "无棣", "博兴", "沾化"]),
        City(code: "371700", name: "菏泽", pinyin: "Heze", region: "west", gdp: 4_300,
             places: ["曹县", "单县", "成武", "巨野", "郓城", "鄄城", "东明", "定陶"]),
    ]

    struct Park {
        var name: String
        var city: String
        var level: ParkLevel
        var type: ParkType
        var chemical: Bool
        /// The seven national eco-industrial parks keep `named_national`; every other status is synthetic.
        var nationalEcoPark: Bool = false
    }

    /// Real parks, national eco-industrial parks first (their order fixes the first park ids).
    static let parks: [Park] = [
        Park(name: "烟台经济技术开发区", city: "370600", level: .nationalETDZ, type: .comprehensive, chemical: false, nationalEcoPark: true),
        Park(name: "日照经济技术开发区", city: "371100", level: .nationalETDZ, type: .comprehensive, chemical: false, nationalEcoPark: true),
        Park(name: "潍坊滨海经济技术开发区", city: "370700", level: .nationalETDZ, type: .comprehensive, chemical: false, nationalEcoPark: true),
        Park(name: "青岛高新技术产业开发区", city: "370200", level: .nationalHighTech, type: .comprehensive, chemical: false, nationalEcoPark: true),
        Park(name: "潍坊经济开发区", city: "370700", level: .provincial, type: .comprehensive, chemical: false, nationalEcoPark: true),
        Park(name: "山东鲁北企业集团", city: "371600", level: .chemical, type: .sector, chemical: true, nationalEcoPark: true),
        Park(name: "青岛经济技术开发区", city: "370200", level: .nationalETDZ, type: .comprehensive, chemical: false, nationalEcoPark: true),
        // construction plans reviewed in 2011
        Park(name: "临沂经济技术开发区", city: "371300", level: .nationalETDZ, type: .comprehensive, chemical: false),
        Park(name: "阳谷祥光工业园", city: "371500", level: .provincial, type: .sector, chemical: false),
        // national economic-technological development zones
        Park(name: "东营经济技术开发区", city: "370500", level: .nationalETDZ, type: .comprehensive, chemical: false),
        Park(name: "滨州经济技术开发区", city: "371600", level: .nationalETDZ, type: .comprehensive, chemical: false),
        Park(name: "德州经济技术开发区", city: "371400", level: .nationalETDZ, type: .comprehensive, chemical: false),
        Park(name: "胶州经济技术开发区", city: "370200", level: .nationalETDZ, type: .comprehensive, chemical: false),
        Park(name: "聊城经济技术开发区", city: "371500", level: .nationalETDZ, type: .comprehensive, chemical: false),
        Park(name: "明水经济技术开发区", city: "370100", level: .nationalETDZ, type: .comprehensive, chemical: false),
        Park(name: "威海经济技术开发区", city: "371000", level: .nationalETDZ, type: .comprehensive, chemical: false),
        Park(name: "威海临港经济技术开发区", city: "371000", level: .nationalETDZ, type: .comprehensive, chemical: false),
        Park(name: "招远经济技术开发区", city: "370600", level: .nationalETDZ, type: .comprehensive, chemical: false),
        Park(name: "邹平经济技术开发区", city: "371600", level: .nationalETDZ, type: .comprehensive, chemical: false),
        Park(name: "滕州经济技术开发区", city: "370400", level: .nationalETDZ, type: .comprehensive, chemical: false),
        // near-zero-carbon pilot parks (2023)
        Park(name: "济钢空天信息产业园", city: "370100", level: .provincial, type: .sector, chemical: false),
        Park(name: "临淄经济开发区", city: "370300", level: .provincial, type: .comprehensive, chemical: false),
        Park(name: "峡山生态经济开发区", city: "370700", level: .provincial, type: .comprehensive, chemical: false),
        Park(name: "济宁高新技术产业开发区", city: "370800", level: .nationalHighTech, type: .comprehensive, chemical: false),
        Park(name: "梁山县经济开发区", city: "370800", level: .provincial, type: .comprehensive, chemical: false),
        Park(name: "乳山经济开发区", city: "371000", level: .provincial, type: .comprehensive, chemical: false),
        Park(name: "庆云经济开发区", city: "371400", level: .provincial, type: .comprehensive, chemical: false),
        Park(name: "宁津经济开发区", city: "371400", level: .provincial, type: .comprehensive, chemical: false),
        Park(name: "北海经济开发区", city: "371600", level: .provincial, type: .comprehensive, chemical: false),
        // chemical parks
        Park(name: "淄博齐鲁化学工业区", city: "370300", level: .chemical, type: .sector, chemical: true),
        Park(name: "淄博东岳经济开发区", city: "370300", level: .chemical, type: .sector, chemical: true),
        Park(name: "东营港经济开发区", city: "370500", level: .chemical, type: .sector, chemical: true),
        Park(name: "东营区化工产业园", city: "370500", level: .chemical, type: .sector, chemical: true),
        Park(name: "烟台化工产业园", city: "370600", level: .chemical, type: .sector, chemical: true),
        Park(name: "莱州银海化工产业园", city: "370600", level: .chemical, type: .sector, chemical: true),
        Park(name: "济宁新材料产业园区", city: "370800", level: .chemical, type: .sector, chemical: true),
        Park(name: "汶上精细化工区", city: "370800", level: .chemical, type: .sector, chemical: true),
        Park(name: "嘉祥化工产业园", city: "370800", level: .chemical, type: .sector, chemical: true),
        Park(name: "邹城化工产业园", city: "370800", level: .chemical, type: .sector, chemical: true),
        Park(name: "聊城化工产业园", city: "371500", level: .chemical, type: .sector, chemical: true),
        Park(name: "青岛董家口化工产业园", city: "370200", level: .chemical, type: .sector, chemical: true),
        Park(name: "枣庄峄城化工产业园", city: "370400", level: .chemical, type: .sector, chemical: true),
        Park(name: "费县粘合剂化工产业园", city: "371300", level: .chemical, type: .sector, chemical: true),
        // high-tech zones
        Park(name: "济南高新技术产业开发区", city: "370100", level: .nationalHighTech, type: .comprehensive, chemical: false),
        Park(name: "淄博高新技术产业开发区", city: "370300", level: .nationalHighTech, type: .comprehensive, chemical: false),
        Park(name: "潍坊高新技术产业开发区", city: "370700", level: .nationalHighTech, type: .comprehensive, chemical: false),
        Park(name: "泰安高新技术产业开发区", city: "370900", level: .nationalHighTech, type: .comprehensive, chemical: false),
        Park(name: "德州高新技术产业开发区", city: "371400", level: .nationalHighTech, type: .comprehensive, chemical: false),
        Park(name: "威海火炬高技术产业开发区", city: "371000", level: .nationalHighTech, type: .comprehensive, chemical: false),
        Park(name: "烟台高新技术产业开发区", city: "370600", level: .nationalHighTech, type: .comprehensive, chemical: false),
        Park(name: "临沂高新技术产业开发区", city: "371300", level: .nationalHighTech, type: .comprehensive, chemical: false),
        Park(name: "枣庄高新技术产业开发区", city: "370400", level: .nationalHighTech, type: .comprehensive, chemical: false),
    ]

    /// Suffixes of synthetic park names, with the level, type and chemical flag they imply and a weight.
    struct ParkKind {
        var suffix: String
        var level: ParkLevel
        var type: ParkType
        var chemical: Bool
        var weight: Double
    }

    static let syntheticParkKinds: [ParkKind] = [
        ParkKind(suffix: "经济开发区", level: .provincial, type: .comprehensive, chemical: false, weight: 0.46),
        ParkKind(suffix: "化工产业园", level: .chemical, type: .sector, chemical: true, weight: 0.20),
        ParkKind(suffix: "高新技术产业开发区", level: .provincial, type: .comprehensive, chemical: false, weight: 0.08),
        ParkKind(suffix: "工业园区", level: .provincial, type: .sector, chemical: false, weight: 0.12),
        ParkKind(suffix: "循环经济产业园", level: .provincial, type: .recycling, chemical: false, weight: 0.08),
        ParkKind(suffix: "静脉产业园", level: .provincial, type: .recycling, chemical: false, weight: 0.06),
    ]

    struct Bank {
        var name: String
        /// Share of the round's total lending capacity.
        var capacityShare: Double
        var maxPerProject: Double
        var minTier: String?
        var cities: [String]
    }

    static let banks: [Bank] = [
        Bank(name: "国家开发银行山东省分行", capacityShare: 0.22, maxPerProject: 150_000, minTier: nil, cities: []),
        Bank(name: "中国农业发展银行山东省分行", capacityShare: 0.08, maxPerProject: 80_000, minTier: nil, cities: []),
        Bank(name: "中国银行山东省分行", capacityShare: 0.09, maxPerProject: 60_000, minTier: nil, cities: []),
        Bank(name: "工商银行山东省分行", capacityShare: 0.11, maxPerProject: 60_000, minTier: nil, cities: []),
        Bank(name: "农业银行山东省分行", capacityShare: 0.10, maxPerProject: 60_000, minTier: nil, cities: []),
        Bank(name: "建设银行山东省分行", capacityShare: 0.11, maxPerProject: 60_000, minTier: nil, cities: []),
        Bank(name: "兴业银行济南分行", capacityShare: 0.08, maxPerProject: 50_000, minTier: "preferred", cities: []),
        Bank(name: "华夏银行济南分行", capacityShare: 0.05, maxPerProject: 30_000, minTier: nil, cities: []),
        Bank(name: "齐鲁银行", capacityShare: 0.05, maxPerProject: 20_000, minTier: nil,
             cities: ["370100", "370300", "370900", "371400", "371500"]),
        Bank(name: "青岛银行", capacityShare: 0.05, maxPerProject: 20_000, minTier: nil,
             cities: ["370200", "370600", "370700", "371000"]),
        Bank(name: "威海银行", capacityShare: 0.03, maxPerProject: 15_000, minTier: nil, cities: ["371000", "370600"]),
        Bank(name: "日照银行", capacityShare: 0.03, maxPerProject: 15_000, minTier: nil, cities: ["371100", "371300"]),
    ]
}
