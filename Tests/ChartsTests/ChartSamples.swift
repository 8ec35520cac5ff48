import Charts

/// Small charts of the kinds the reports draw, on hand-made figures (万元, tonnes, parks).
enum ChartSamples {
    static let cities = ["济南市", "青岛市", "淄博市", "黄河三角洲生态保护示范区", "烟台市", "潍坊市"]

    /// Budget use by fund and year: used and remaining stacked.
    static var budgetUse: BarChart {
        BarChart(
            categories: ["省级专项 2023", "省级专项 2024", "中央转移支付 2023", "中央转移支付 2024"],
            series: [
                BarSeries(name: "已使用", values: [4_800, 5_000, 2_999.5, 3_100]),
                BarSeries(name: "剩余", values: [200, 0, 0.5, 900]),
            ],
            valueAxis: Axis(title: "预算（万元）", format: .wan), layout: .stacked,
            size: ChartSize(width: 560, height: 320))
    }

    /// Allocation per city against its cap, horizontal bars for long names.
    static var cityCaps: BarChart {
        BarChart(
            categories: cities,
            series: [BarSeries(name: "", values: [1_490.25, 1_200, 860.4, 1_499.9, 420, 0])],
            valueAxis: Axis(title: "分配资金（万元）", format: .wan), orientation: .horizontal,
            references: [1_500, 1_500, 1_000, 1_500, nil, 800], referenceLabel: "上限",
            size: ChartSize(width: 560, height: 300))
    }

    /// Outcomes by city and pollutant, grouped; the long city name turns the labels.
    static var outcomes: BarChart {
        BarChart(
            categories: cities,
            series: [
                BarSeries(name: "化学需氧量 COD", values: [120.5, 98, 45.25, 210, 33, 0]),
                BarSeries(name: "氨氮 NH₃-N", values: [12.1, 9.8, 4.5, 25, 3.3, 0.4]),
                BarSeries(name: "二氧化硫 SO₂", values: [80, 150.75, 60, 20, 41, 7]),
            ],
            valueAxis: Axis(title: "减排量（t/a）", format: .tonnesPerYear),
            size: ChartSize(width: 560, height: 340))
    }

    /// Eco parks over the years against the targets of 30 parks and 50% of 142.
    static var parks: LineChart {
        LineChart(
            series: [
                LineSeries(name: "生态园区数", points: [
                    LinePoint(x: 2021, y: 11), LinePoint(x: 2022, y: 23, note: "新命名：东营港园区、滨州北海园区"),
                    LinePoint(x: 2023, y: 41), LinePoint(x: 2024, y: 56), LinePoint(x: 2025, y: 66, note: "命名预算上限"),
                ])
            ],
            xAxis: Axis(title: "年份", format: ValueFormat(grouping: false), includeZero: false, tickCount: 4, startNote: "（不从零开始）"),
            yAxis: Axis(title: "园区数（个）"),
            references: [ReferenceLine(.horizontal, at: 30, label: "目标：30 个"), ReferenceLine(.horizontal, at: 71, label: "50%（71 个）")],
            size: ChartSize(width: 560, height: 320))
    }

    /// The sweep: the objective against the budget, and the marginal value per 万元 as steps (English).
    static var sweep: ChartPanels {
        let budgets = [102_500.0, 307_500, 512_500, 717_500, 922_500, 1_082_238]
        let objectives = [410_250.0, 1_180_000, 1_760_500, 2_050_000, .nan, 2_120_300]
        var marginal: [LinePoint] = []
        for index in 1..<budgets.count where objectives[index].isFinite && objectives[index - 1].isFinite {
            marginal.append(LinePoint(x: budgets[index], y: (objectives[index] - objectives[index - 1]) / (budgets[index] - budgets[index - 1])))
        }
        let money = Axis(title: "budget over the horizon (10k yuan)", format: .wan)
        return ChartPanels(LineChart.aligned([
            LineChart(
                series: [LineSeries(name: "objective", points: zip(budgets, objectives).map { LinePoint(x: $0, y: $1, note: "scale \($0 / 205_000)") })],
                xAxis: money, yAxis: Axis(title: "objective"), references: [ReferenceLine(.vertical, at: 205_000, label: "base budget")],
                heading: "Objective against the budget", size: ChartSize(width: 640, height: 320)),
            LineChart(
                series: [LineSeries(name: "marginal value", points: marginal, interpolation: .stepBefore, firstStepFrom: budgets[0])],
                xAxis: money, yAxis: Axis(title: "per 10k yuan", format: ValueFormat(decimals: 2)),
                heading: "Marginal value per 10k yuan", size: ChartSize(width: 640, height: 240)),
        ]))
    }

    /// Fairness: money against population, six cities.
    static var lorenz: LorenzChart? {
        guard let curve = LorenzCurve(amounts: [1_490.25, 1_200, 860.4, 1_499.9, 420, 30], weights: [941, 1_034, 470, 390, 710, 938]) else {
            return nil
        }
        return LorenzChart(
            curve: curve, unitNames: cities, xTitle: "人口累计占比", yTitle: "资金累计占比", curveLabel: "资金分布",
            equalityLabel: "完全均等", giniLabel: "基尼系数", size: ChartSize(width: 420, height: 460))
    }
}
