internal import GreenAllocCore

/// Turns a merged scenario tree into a typed `Scenario` (SPEC §1, §3–§6 schema), collecting every error with
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
        "loans", "solver",
    ]

    mutating func decode(_ root: YAMLNode) -> Scenario? {
        checkKeys(root, allowed: Self.topKeys, section: "the scenario")
        let name = requiredText(root, "scenario", section: "the scenario") ?? ""
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

        checkUnique(funds.map { ($0.id, $0.location) }, what: "fund id")
        checkUnique(limits.map { ($0.name, $0.location) }, what: "limit name")
        checkUnique(exclude.map { ($0.name, $0.location) }, what: "exclusion rule name")
        checkUnique(targets.map { ($0.name, $0.location) }, what: "target name")
        if let objective { checkUnique(objective.bonuses.map { ($0.name, $0.location) }, what: "bonus name") }
        let fundIDs = Set(funds.map(\.id))
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
        return Scenario(
            name: name, asOf: asOf, years: years, tables: tables, funds: funds, limits: limits, exclude: exclude,
            objective: objective, targets: targets, loans: loans, solver: solver, file: file, files: files)
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

    mutating func decodeFund(_ node: YAMLNode, index: Int, years: [Int]) -> FundSpec? {
        guard checkMapping(node, what: "funds[\(index)]") else { return nil }
        let section = "funds[\(index)]"
        checkKeys(
            node, allowed: ["id", "name", "kind", "budget", "eligible", "per_project", "share_of_investment", "award", "remove"],
            section: section)
        guard let id = requiredText(node, "id", section: section) else { return nil }
        let label = "fund '\(id)'"
        let name = optionalText(node, "name") ?? id
        var kind = FundKind.projectSubsidy
        if let kindNode = node["kind"], let text = kindNode.scalar {
            if let parsed = FundKind(rawValue: text) {
                kind = parsed
            } else {
                errors.append(.error(kindNode.location, "\(label): kind '\(text)' is not one of project_subsidy, naming_award"))
            }
        }
        var budget: [Int: Double] = [:]
        if let budgetNode = node["budget"], !budgetNode.isNull {
            if let entries = budgetNode.entries {
                for entry in entries {
                    guard let year = Int(entry.key), (1900...2200).contains(year) else {
                        errors.append(.error(entry.keyLocation, "\(label): budget key '\(entry.key)' is not a year"))
                        continue
                    }
                    if let amount = money(entry.value, what: "\(label) budget \(year)") { budget[year] = amount }
                    if !years.isEmpty, !years.contains(year) {
                        warnings.append(.warning(entry.keyLocation, "\(label): budget for \(year), outside the horizon \(years.map(String.init).joined(separator: ", ")), is not used"))
                    }
                }
            } else if let amount = money(budgetNode, what: "\(label) budget") {
                for year in years { budget[year] = amount }
            }
        } else {
            errors.append(.error(node.location, "\(label): missing 'budget' (万元 per year, or one number for every year)"))
        }
        let eligible = rule(node["eligible"])
        let perProject = node["per_project"].flatMap { money($0, what: "\(label) per_project") }
        let share = node["share_of_investment"].flatMap { fraction($0, what: "\(label) share_of_investment", allowZero: false) }
        let award = node["award"].flatMap { money($0, what: "\(label) award") }
        if kind == .namingAward {
            if award == nil { errors.append(.error(node.location, "\(label): a naming_award fund needs 'award' (万元 per newly named park)")) }
            for key in ["eligible", "per_project", "share_of_investment"] where node[key] != nil {
                errors.append(.error(node[key]?.location, "\(label): '\(key)' does not apply to a naming_award fund"))
            }
        } else if node["award"] != nil {
            errors.append(.error(node["award"]?.location, "\(label): 'award' applies only to kind naming_award"))
        }
        return FundSpec(
            id: id, name: name, kind: kind, budget: budget, eligible: eligible, perProject: perProject,
            shareOfInvestment: share, award: award, location: node.location)
    }

    mutating func decodeLimit(_ node: YAMLNode, index: Int) -> LimitSpec? {
        guard checkMapping(node, what: "limits[\(index)]") else { return nil }
        let section = "limits[\(index)]"
        checkKeys(
            node,
            allowed: ["name", "sum", "fund", "where", "group_by", "per_year", "max", "max_share", "min", "min_share", "remove"],
            section: section)
        guard let name = requiredText(node, "name", section: section) else { return nil }
        let label = "limit '\(name)'"
        guard let sumText = requiredText(node, "sum", section: label) else { return nil }
        let quantity = LimitQuantity(sumText)
        let perYear = node["per_year"].flatMap { boolean($0, what: "\(label) per_year") } ?? false
        if perYear, quantity != .subsidy {
            errors.append(.error(node["per_year"]?.location, "\(label): per_year applies only to sum: subsidy"))
        }
        let maxValue = node["max"].flatMap { number($0, what: "\(label) max") }
        let minValue = node["min"].flatMap { number($0, what: "\(label) min") }
        let maxShare = node["max_share"].flatMap { fraction($0, what: "\(label) max_share", allowZero: true) }
        let minShare = node["min_share"].flatMap { fraction($0, what: "\(label) min_share", allowZero: true) }
        if maxValue == nil, minValue == nil, maxShare == nil, minShare == nil, node["max"] == nil, node["min"] == nil,
            node["max_share"] == nil, node["min_share"] == nil
        {
            errors.append(.error(node.location, "\(label): give at least one of max, max_share, min, min_share"))
        }
        if let maxValue, let minValue, minValue > maxValue {
            errors.append(.error(node.location, "\(label): min \(formatNumber(minValue)) is above max \(formatNumber(maxValue))"))
        }
        return LimitSpec(
            name: name, sum: quantity, fund: optionalText(node, "fund"), filter: rule(node["where"]),
            groupBy: optionalText(node, "group_by").map(GroupKey.init), perYear: perYear, max: maxValue,
            maxShare: maxShare, min: minValue, minShare: minShare, location: node.location)
    }

    mutating func decodeExclusion(_ node: YAMLNode, index: Int) -> ExclusionSpec? {
        guard checkMapping(node, what: "exclude[\(index)]") else { return nil }
        let section = "exclude[\(index)]"
        checkKeys(node, allowed: ["name", "when", "reason", "remove"], section: section)
        guard let name = requiredText(node, "name", section: section) else { return nil }
        guard let when = rule(node["when"]) else {
            errors.append(.error(node.location, "exclusion '\(name)': missing 'when' (an expression)"))
            return nil
        }
        return ExclusionSpec(name: name, when: when, reason: optionalText(node, "reason") ?? name, location: node.location)
    }

    mutating func decodeBonus(_ node: YAMLNode, index: Int, section: String) -> BonusSpec? {
        guard checkMapping(node, what: "\(section)[\(index)]") else { return nil }
        checkKeys(node, allowed: ["name", "when", "factor", "remove"], section: "\(section)[\(index)]")
        guard let name = requiredText(node, "name", section: "\(section)[\(index)]") else { return nil }
        guard let when = rule(node["when"]) else {
            errors.append(.error(node.location, "bonus '\(name)': missing 'when' (an expression)"))
            return nil
        }
        guard let factorNode = node["factor"], let factor = number(factorNode, what: "bonus '\(name)' factor") else {
            if node["factor"] == nil { errors.append(.error(node.location, "bonus '\(name)': missing 'factor'")) }
            return nil
        }
        if factor < 0 { errors.append(.error(factorNode.location, "bonus '\(name)': factor must not be negative")) }
        return BonusSpec(name: name, when: when, factor: factor, location: node.location)
    }

    mutating func decodeObjective(_ node: YAMLNode) -> ObjectiveSpec? {
        guard checkMapping(node, what: "objective") else { return nil }
        checkKeys(node, allowed: ["maximize", "minimize", "weights", "bonuses", "naming_value"], section: "objective")
        var sense = ObjectiveSense.maximizeBenefit
        switch (node["maximize"], node["minimize"]) {
        case (let maximize?, nil):
            if maximize.scalar != "benefit" {
                errors.append(.error(maximize.location, "objective: maximize must be 'benefit'"))
            }
        case (nil, let minimize?):
            sense = .minimizeSubsidy
            if minimize.scalar != "subsidy" {
                errors.append(.error(minimize.location, "objective: minimize must be 'subsidy'"))
            }
        case (nil, nil):
            errors.append(.error(node.location, "objective: give 'maximize: benefit' or 'minimize: subsidy'"))
        default:
            errors.append(.error(node.location, "objective: give either maximize or minimize, not both"))
        }
        var weights: [(column: String, weight: Double)] = []
        var weightLocations: [String: SourceLocation] = [:]
        if let weightsNode = node["weights"], !weightsNode.isNull {
            if let entries = weightsNode.entries {
                for entry in entries {
                    if let weight = number(entry.value, what: "objective weight '\(entry.key)'") {
                        weights.append((entry.key, weight))
                        weightLocations[entry.key] = entry.keyLocation
                    }
                }
            } else {
                errors.append(.error(weightsNode.location, "objective.weights must map benefit columns to numbers"))
            }
        }
        if sense == .maximizeBenefit, weights.isEmpty {
            errors.append(.error(node.location, "objective: maximize: benefit needs 'weights' (benefit column → weight)"))
        }
        let bonuses = list(node["bonuses"], what: "objective.bonuses") { decoder, item, index in
            decoder.decodeBonus(item, index: index, section: "objective.bonuses")
        }
        let namingValue = node["naming_value"].flatMap { number($0, what: "objective.naming_value") } ?? 0
        if namingValue < 0 { errors.append(.error(node["naming_value"]?.location, "objective.naming_value must not be negative")) }
        return ObjectiveSpec(sense: sense, weights: weights, bonuses: bonuses, namingValue: namingValue, location: node.location,
            weightLocations: weightLocations)
    }

    mutating func decodeTarget(_ node: YAMLNode, index: Int) -> TargetSpec? {
        guard checkMapping(node, what: "targets[\(index)]") else { return nil }
        let section = "targets[\(index)]"
        checkKeys(node, allowed: ["name", "metric", "year", "min", "penalty", "remove"], section: section)
        guard let name = requiredText(node, "name", section: section) else { return nil }
        let label = "target '\(name)'"
        guard let metricText = requiredText(node, "metric", section: label) else { return nil }
        let metric = TargetMetric(metricText)
        let year = node["year"].flatMap { integer($0, what: "\(label) year") }
        if metric.isEcoPark, year == nil {
            errors.append(.error(node.location, "\(label): \(metric) needs 'year' (parks named by the end of that year)"))
        }
        guard let minNode = node["min"] else {
            errors.append(.error(node.location, "\(label): missing 'min'"))
            return nil
        }
        guard let minValue = number(minNode, what: "\(label) min") else { return nil }
        if metric == .ecoParkShare, !(0...1).contains(minValue) {
            errors.append(.error(minNode.location, "\(label): eco_park_share min must lie in [0, 1], e.g. 0.5 for 50%"))
        }
        let penalty = node["penalty"].flatMap { number($0, what: "\(label) penalty") }
        if let penalty, penalty < 0 { errors.append(.error(node["penalty"]?.location, "\(label): penalty must not be negative")) }
        return TargetSpec(name: name, metric: metric, year: year, min: minValue, penalty: penalty, location: node.location)
    }

    mutating func decodeLoans(_ node: YAMLNode) -> LoanSpec? {
        guard checkMapping(node, what: "loans") else { return nil }
        checkKeys(node, allowed: ["name", "eligible", "interest_subsidy", "bonuses"], section: "loans")
        var basisPoints = 0.0
        var years = 1.0
        var budget: Double?
        if let subsidy = node["interest_subsidy"], !subsidy.isNull, checkMapping(subsidy, what: "loans.interest_subsidy") {
            checkKeys(subsidy, allowed: ["bp", "years", "budget"], section: "loans.interest_subsidy")
            basisPoints = subsidy["bp"].flatMap { number($0, what: "interest_subsidy bp") } ?? 0
            years = subsidy["years"].flatMap { number($0, what: "interest_subsidy years") } ?? 1
            budget = subsidy["budget"].flatMap { money($0, what: "interest_subsidy budget") }
            if basisPoints < 0 || years < 0 {
                errors.append(.error(subsidy.location, "loans.interest_subsidy: bp and years must not be negative"))
            }
        }
        let bonuses = list(node["bonuses"], what: "loans.bonuses") { decoder, item, index in
            decoder.decodeBonus(item, index: index, section: "loans.bonuses")
        }
        return LoanSpec(
            name: optionalText(node, "name") ?? "loans", eligible: rule(node["eligible"]),
            interestSubsidyBasisPoints: basisPoints, interestSubsidyYears: years, interestSubsidyBudget: budget,
            bonuses: bonuses, location: node.location)
    }

    mutating func decodeSolver(_ node: YAMLNode) -> SolverSpec? {
        guard checkMapping(node, what: "solver") else { return nil }
        checkKeys(node, allowed: ["time_limit", "mip_gap", "tiebreak"], section: "solver")
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
        return spec
    }

    // MARK: scalar helpers

    mutating func checkMapping(_ node: YAMLNode, what: String) -> Bool {
        if node.entries != nil { return true }
        errors.append(.error(node.location, "\(what) must be a mapping of keys, found \(node.kindName)"))
        return false
    }

    mutating func checkKeys(_ node: YAMLNode, allowed: [String], section: String) {
        for entry in node.entries ?? [] where !allowed.contains(entry.key) {
            let close = allowed.first { editDistance($0, entry.key) <= 2 }
            let hint = close.map { " — did you mean '\($0)'?" } ?? ""
            errors.append(
                .error(
                    entry.keyLocation,
                    "unknown key '\(entry.key)' in \(section)\(hint) (allowed: \(allowed.filter { $0 != "remove" }.joined(separator: ", ")))"))
        }
    }

    mutating func checkUnique(_ items: [(String, SourceLocation?)], what: String) {
        var seen: Set<String> = []
        for (name, location) in items where !seen.insert(name).inserted {
            errors.append(.error(location, "duplicate \(what) '\(name)'"))
        }
    }

    mutating func requiredNode(_ node: YAMLNode, _ key: String, section: String) -> YAMLNode? {
        guard let value = node[key], !value.isNull else {
            errors.append(.error(node.location, "\(section): missing '\(key)'"))
            return nil
        }
        return value
    }

    mutating func requiredText(_ node: YAMLNode, _ key: String, section: String) -> String? {
        guard let value = requiredNode(node, key, section: section) else { return nil }
        guard let text = value.scalar, !text.isEmpty else {
            errors.append(.error(value.location, "\(section): '\(key)' must be a text, found \(value.kindName)"))
            return nil
        }
        return text
    }

    mutating func optionalText(_ node: YAMLNode, _ key: String) -> String? {
        guard let value = node[key], !value.isNull else { return nil }
        guard let text = value.scalar else {
            errors.append(.error(value.location, "'\(key)' must be a text, found \(value.kindName)"))
            return nil
        }
        return text
    }

    mutating func rule(_ node: YAMLNode?) -> RuleText? {
        guard let node, !node.isNull else { return nil }
        guard let text = node.scalar else {
            errors.append(.error(node.location, "a rule must be an expression in quotes, found \(node.kindName)"))
            return nil
        }
        // The expression starts after the opening quote of a quoted scalar.
        var location = node.location
        if case .scalar(_, let plain) = node.kind, !plain { location.column += 1 }
        return RuleText(text, location: location)
    }

    mutating func number(_ node: YAMLNode, what: String) -> Double? {
        guard let text = node.scalar, let value = Self.parseNumber(text) else {
            errors.append(.error(node.location, "\(what): '\(node.scalar ?? node.kindName)' is not a number"))
            return nil
        }
        return value
    }

    mutating func money(_ node: YAMLNode, what: String) -> Double? {
        guard let value = number(node, what: what) else { return nil }
        if value < 0 {
            errors.append(.error(node.location, "\(what): money must not be negative (万元)"))
            return nil
        }
        return value
    }

    mutating func fraction(_ node: YAMLNode, what: String, allowZero: Bool) -> Double? {
        guard let value = number(node, what: what) else { return nil }
        if value > 1 || value < 0 || (!allowZero && value == 0) {
            errors.append(.error(node.location, "\(what): \(formatNumber(value)) must lie in \(allowZero ? "[0, 1]" : "(0, 1]") (a share, e.g. 0.15 for 15%)"))
            return nil
        }
        return value
    }

    mutating func integer(_ node: YAMLNode, what: String) -> Int? {
        guard let text = node.scalar, let value = Int(text) else {
            errors.append(.error(node.location, "\(what): '\(node.scalar ?? node.kindName)' is not a whole number"))
            return nil
        }
        return value
    }

    mutating func boolean(_ node: YAMLNode, what: String) -> Bool? {
        switch node.scalar {
        case "true", "True", "TRUE", "yes": return true
        case "false", "False", "FALSE", "no": return false
        default:
            errors.append(.error(node.location, "\(what): '\(node.scalar ?? node.kindName)' is not true or false"))
            return nil
        }
    }

    mutating func date(_ node: YAMLNode, what: String) -> Day? {
        guard let text = node.scalar, let day = Day(iso: text) else {
            errors.append(.error(node.location, "\(what): '\(node.scalar ?? node.kindName)' is not a date like 2022-03-31"))
            return nil
        }
        return day
    }

    mutating func yearList(_ node: YAMLNode) -> [Int]? {
        guard let items = node.items, !items.isEmpty else {
            errors.append(.error(node.location, "years must be a list of years, e.g. [2022, 2023, 2024]"))
            return nil
        }
        var years: [Int] = []
        for item in items {
            guard let text = item.scalar, let year = Int(text), (1900...2200).contains(year) else {
                errors.append(.error(item.location, "years: '\(item.scalar ?? item.kindName)' is not a year"))
                continue
            }
            if years.contains(year) {
                errors.append(.error(item.location, "years: \(year) is listed twice"))
            } else if let last = years.last, year < last {
                errors.append(.error(item.location, "years: list the years in increasing order"))
            }
            years.append(year)
        }
        return years
    }

    mutating func list<T>(
        _ node: YAMLNode?, what: String, required: Bool = false, at place: SourceLocation? = nil,
        _ decode: (inout ScenarioDecoder, YAMLNode, Int) -> T?
    ) -> [T] {
        guard let node, !node.isNull else {
            if required { errors.append(.error(node?.location ?? place, "the scenario needs '\(what)'")) }
            return []
        }
        guard let items = node.items else {
            errors.append(.error(node.location, "\(what) must be a list (each entry starting with '- ')"))
            return []
        }
        var result: [T] = []
        for (index, item) in items.enumerated() {
            if let value = decode(&self, item, index) { result.append(value) }
        }
        return result
    }

    /// Numbers as YAML writes them: decimal, optional sign, fraction and exponent; `_` separators allowed.
    static func parseNumber(_ text: String) -> Double? {
        let cleaned = String(text.filter { $0 != "_" })
        guard !cleaned.isEmpty,
            cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
            let value = Double(cleaned), value.isFinite
        else { return nil }
        return value
    }
}

/// Levenshtein distance, for "did you mean" hints.
func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let left = Array(lhs)
    let right = Array(rhs)
    if left.isEmpty { return right.count }
    if right.isEmpty { return left.count }
    var previous = Array(0...right.count)
    for (row, leftCharacter) in left.enumerated() {
        var current = [row + 1] + Array(repeating: 0, count: right.count)
        for (column, rightCharacter) in right.enumerated() {
            current[column + 1] = Swift.min(
                previous[column + 1] + 1, current[column] + 1,
                previous[column] + (leftCharacter == rightCharacter ? 0 : 1))
        }
        previous = current
    }
    return previous[right.count]
}
