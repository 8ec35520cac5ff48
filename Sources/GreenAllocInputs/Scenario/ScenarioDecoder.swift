internal import GreenAllocCore

/// Turns a merged scenario tree into a typed `Scenario` (scenario-format §3, §3–§6 schema), collecting every error with
/// its location. Unknown keys are errors that list the allowed keys.
struct ScenarioDecoder {
    let file: String
    let files: [String]
    var errors: [Diagnostic] = []
    var warnings: [Diagnostic] = []

    init(file: String, files: [String]) {
        self.file = file
        self.files = files
    }

    static let topKeys = [
        "scenario", "as_of", "years", "extends", "tables", "funds", "limits", "exclude", "objective", "targets",
        "loans", "solver", "indicators", "factors", "review", "deferral", "robustness",
    ]

    mutating func decode(_ root: YAMLNode) -> Scenario? {
        checkKeys(root, allowed: Self.topKeys, section: "the scenario")
        let name = requiredLocalText(root, "scenario", section: "the scenario") ?? LocalText("")
        let asOf = requiredNode(root, "as_of", section: "the scenario").flatMap { date($0, what: "as_of") }
        let years = requiredNode(root, "years", section: "the scenario").flatMap { yearList($0) } ?? []
        let tables = requiredNode(root, "tables", section: "the scenario").flatMap { decodeTables($0) }
        let funds = list(root["funds"], what: "funds", required: true, at: root.location) { decoder, node, index in
            decoder.decodeFund(node, index: index, years: years)
        }
        let limits = list(root["limits"], what: "limits") { decoder, node, index in decoder.decodeLimit(node, index: index) }
        let exclude = list(root["exclude"], what: "exclude") { decoder, node, index in
            decoder.decodeExclusion(node, index: index)
        }
        let objective = requiredNode(root, "objective", section: "the scenario").flatMap { decodeObjective($0) }
        let targets = list(root["targets"], what: "targets") { decoder, node, index in decoder.decodeTarget(node, index: index) }
        let loans = root["loans"].flatMap { $0.isNull ? nil : decodeLoans($0) }
        let solver = root["solver"].flatMap { $0.isNull ? nil : decodeSolver($0) } ?? SolverSpec()
        let indicators = root["indicators"].map { $0.isNull ? [] : decodeIndicators($0) } ?? []
        let factors = list(root["factors"], what: "factors") { decoder, node, index in decoder.decodeFactor(node, index: index) }
        let review = root["review"].flatMap { $0.isNull ? nil : decodeReview($0) }
        let deferral = root["deferral"].flatMap { $0.isNull ? nil : decodeDeferral($0) }

        checkUnique(funds.map { ($0.id, $0.location) }, what: "fund id")
        checkUnique(limits.map { ($0.name, $0.location) }, what: "limit name")
        checkUnique(exclude.map { ($0.name, $0.location) }, what: "exclusion rule name")
        checkUnique(targets.map { ($0.name, $0.location) }, what: "target name")
        if let objective { checkUnique(objective.bonuses.map { ($0.name, $0.location) }, what: "bonus name") }
        let fundIDs = Set(funds.map(\.id))
        checkFactors(factors, funds: funds)
        for limit in limits {
            if let fund = limit.fund, !fundIDs.contains(fund) {
                errors.append(.error(limit.location, "limit '\(limit.name)': unknown fund '\(fund)' (funds: \(funds.map(\.id).joined(separator: ", ")))"))
            }
        }
        let namingAwards = funds.filter { $0.kind == .namingAward }
        if namingAwards.count > 1 {
            errors.append(
                .error(
                    namingAwards[1].location ?? root["funds"]?.location,
                    "at most one fund may be of kind naming_award ('\(namingAwards[0].id)' is one already)"))
        }
        for target in targets where target.metric.isEcoPark {
            if let year = target.year, let last = years.max(), year < (years.min() ?? year) || year > last + 100 {
                errors.append(.error(target.location, "target '\(target.name)': year \(year) is before the horizon"))
            }
        }
        guard errors.isEmpty, let asOf, let tables, let objective else { return nil }
        var scenario = Scenario(
            name: name.zh, asOf: asOf, years: years, tables: tables, funds: funds, limits: limits, exclude: exclude,
            objective: objective, targets: targets, loans: loans, solver: solver, file: file, files: files)
        scenario.englishName = name.en
        scenario.indicators = indicators
        scenario.factors = factors
        scenario.review = review
        scenario.deferral = deferral
        scenario.robustness = root["robustness"].flatMap { $0.isNull ? nil : decodeRobustness($0) }
        return scenario
    }

    // MARK: sections

    mutating func decodeTables(_ node: YAMLNode) -> TablePaths? {
        guard checkMapping(node, what: "tables") else { return nil }
        checkKeys(node, allowed: ["cities", "parks", "projects", "banks"], section: "tables")
        func path(_ key: String, required: Bool) -> String? {
            guard let value = node[key], !value.isNull else {
                if required { errors.append(.error(node.location, "tables: missing '\(key)' (the path of \(key).csv)")) }
                return nil
            }
            guard value.scalar != nil else {
                errors.append(.error(value.location, "tables.\(key) must be a file path"))
                return nil
            }
            return value.resolvedPath ?? value.scalar
        }
        let cities = path("cities", required: true)
        let parks = path("parks", required: true)
        let projects = path("projects", required: true)
        let banks = path("banks", required: false)
        guard let cities, let parks, let projects else { return nil }
        return TablePaths(cities: cities, parks: parks, projects: projects, banks: banks)
    }

    mutating func decodeSolver(_ node: YAMLNode) -> SolverSpec? {
        guard checkMapping(node, what: "solver") else { return nil }
        checkKeys(node, allowed: ["time_limit", "mip_gap", "tiebreak", "backend"], section: "solver")
        var spec = SolverSpec()
        if let value = node["time_limit"].flatMap({ number($0, what: "solver.time_limit") }) {
            if value <= 0 { errors.append(.error(node["time_limit"]?.location, "solver.time_limit must be positive (seconds)")) }
            spec.timeLimit = value
        }
        if let value = node["mip_gap"].flatMap({ number($0, what: "solver.mip_gap") }) {
            if value < 0 || value >= 1 { errors.append(.error(node["mip_gap"]?.location, "solver.mip_gap must lie in [0, 1)")) }
            spec.mipGap = value
        }
        if let value = node["tiebreak"].flatMap({ boolean($0, what: "solver.tiebreak") }) { spec.tiebreak = value }
        if let value = node["backend"] {
            let allowed = SolverBackend.allCases.map(\.rawValue)
            if let text = value.scalar, let backend = SolverBackend(rawValue: text) {
                spec.backend = backend
            } else {
                errors.append(
                    .error(
                        value.location,
                        "solver.backend: '\(value.scalar ?? value.kindName)' is not one of \(allowed.joined(separator: ", "))"))
            }
        }
        return spec
    }

}
