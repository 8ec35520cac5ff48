/// The scenario of `greenalloc init` (scenario.yaml): the bundled baseline's shape — budgets, eligibility, a
/// city-share limit, exclusions, weights, the naming award and a loan stage — over the example library, with
/// Chinese comments (English in parentheses). Valid and solvable as written.
enum StarterScenario {
    static let text = """
        # 示例情景：省级生态环境保护专项资金 2025—2026年分配（金额单位：万元）
        # (Example scenario: the provincial eco-environment special fund, 2025–2026; money in 万元.)
        #
        # 使用方法 (How to use):
        #   1. 在 Excel 或 WPS 中编辑 data/library.xlsx：城市、园区、项目、银行四张工作表，列名为中文。
        #      (Edit data/library.xlsx in Excel or WPS: sheets 城市, 园区, 项目, 银行 with Chinese column names.)
        #   2. 按本年度政策修改下面的预算、上限和权重。
        #      (Change the budgets, limits and weights below to this year's policy.)
        #   3. 运行 (run): greenalloc solve scenario.yaml --out out

        # 名称和原因可写成 {zh: 中文, en: English}：中文报告用 zh，英文报告用 en；只写一种文字时两种报告通用。
        # (Names and reasons may be {zh: …, en: …}: each report prints its language; a plain text serves both.)
        scenario: {zh: 示例情景 2025—2026年专项资金分配, en: "Example: special fund allocation 2025–2026"}
        as_of: 2025-03-31            # 园区状态的截止日期 (park statuses as of this date)
        years: [2025, 2026]          # 规划年度 (the years planned); 项目表需有对应的“2025年申请补助”等列

        tables:                      # 工作簿#工作表 (workbook#sheet)
          cities: data/library.xlsx#城市
          parks: data/library.xlsx#园区
          projects: data/library.xlsx#项目
          banks: data/library.xlsx#银行

        funds:
          # 省生态环境保护专项资金 (the provincial special fund)
          - id: prov-special
            name: {zh: 省生态环境保护专项资金, en: "Provincial eco-environment special fund"}
            budget: {2025: 2000, 2026: 1200}   # 各年度预算 (budget per year)
            # 只支持省级项目库内的项目 (only projects in the provincial project library)
            eligible: "project.provincial_library in ['in_library','supplementary','funded']"
            per_project: 1500            # 单个项目补助上限 (at most this much per project)
            share_of_investment: 0.5     # 补助不超过总投资的50% (at most half of the investment)

          # 生态工业园区命名奖补：每新命名一个园区奖补100万元 (an award for each newly named eco-industrial park)
          - id: naming-award
            name: {zh: 生态工业园区命名奖补, en: "Eco-industrial park naming award"}
            kind: naming_award
            award: 100
            budget: {2025: 100, 2026: 100}

        limits:
          # 各市每年所获专项资金不超过当年总额的70%（防止资金过度集中）
          # (No city receives more than 70% of a year's special-fund subsidies.)
          - name: {zh: 单市年度资金占比上限, en: "City share cap per year"}
            sum: subsidy
            fund: prov-special
            group_by: city
            per_year: true
            max_share: 0.7

        exclude:
          # 复查不合格、限期整改期间暂停支持 (no support while a park is rectifying)
          - name: {zh: 限期整改园区, en: "Park under rectification"}
            when: "park.status == 'rectifying'"
            reason: {zh: 园区复查不合格，正在限期整改, en: "the park failed its review and is rectifying"}
          # 撤销称号的园区不予支持 (no support for a park whose title was revoked)
          - name: {zh: 撤销称号园区, en: "Park title revoked"}
            when: "park.status == 'revoked'"
            reason: {zh: 园区生态工业园区称号已被撤销, en: "the park's eco-park title was revoked"}

        objective:
          maximize: benefit
          # 绩效目标加权（吨/年），列名与项目表中的绩效列一致
          # (Weights of the benefit columns of the 项目 sheet, tonnes a year.)
          weights: {co2_t: 1, cod_t: 20, vocs_t: 50}
          bonuses:
            # 条件成熟的项目优先 (mature projects come first)
            - name: {zh: 成熟项目优先, en: "Mature projects first"}
              when: "project.maturity >= 'ready_to_start'"
              factor: 1.1
          # 每新命名一个园区计5000分 (each newly named park is worth 5,000 points)
          naming_value: 5000

        loans:
          # 绿色信贷：绿色金融库内的项目由银行按名单放贷 (green loans for projects in the green-finance library)
          name: {zh: 绿色信贷项目对接, en: "Green loan matching"}
          eligible: "project.finance_tier in ['general','preferred']"

        solver: {time_limit: 60, mip_gap: 0}

        """
}
