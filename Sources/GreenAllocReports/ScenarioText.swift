public import GreenAllocCore

extension ReportLanguage {
    /// A scenario-given name or reason in this language: for English, the `en` text the scenario wrote as
    /// `{zh: …, en: …}` (`englishText`, keyed by the Chinese text); otherwise the text as given (a plain string
    /// serves both languages).
    public func text(_ zh: String, _ englishText: [String: String]) -> String {
        self == .en ? englishText[zh] ?? zh : zh
    }
}

extension Allocation {
    /// A scenario-given name or reason (scenario, fund, limit, rule, bonus, target, loan section; an exclusion's
    /// reason) in `language`. The one function every writer of a document calls to print such a text.
    public func localized(_ text: String, in language: ReportLanguage) -> String {
        language.text(text, englishText)
    }

    /// A copy whose scenario-given names and reasons are in `language`: what the writers of one language's
    /// report and workbook read. Keys (allocation.json, projects.csv's rule column) use the allocation itself.
    public func inLanguage(_ language: ReportLanguage) -> Allocation {
        guard language == .en, !englishText.isEmpty else { return self }
        let text = { (zh: String) in language.text(zh, self.englishText) }
        var copy = self
        copy.scenario = text(scenario)
        for index in copy.funds.indices { copy.funds[index].name = text(funds[index].name) }
        for index in copy.limits.indices { copy.limits[index].name = text(limits[index].name) }
        for index in copy.targets.indices { copy.targets[index].name = text(targets[index].name) }
        for index in copy.projects.indices {
            copy.projects[index].excludedBy = projects[index].excludedBy.map {
                ExclusionHit(rule: text($0.rule), reason: text($0.reason))
            }
            copy.projects[index].reasons = projects[index].reasons.map { Self.reason($0, text) }
        }
        for index in copy.findings.indices { copy.findings[index].kind = Self.finding(findings[index].kind, text) }
        copy.diagnosis?.explanation = (diagnosis?.explanation ?? []).map { Self.sentence($0, text) }
        return copy
    }

    static func sentence(_ sentence: DiagnosisSentence, _ text: (String) -> String) -> DiagnosisSentence {
        switch sentence {
        case .finding(let kind): .finding(finding(kind, text))
        case .conflict(let rules): .conflict(rules.map { statement($0, text) })
        case .relaxation(let rule, let by, let unit, let alone): .relaxation(statement(rule, text), by: by, unit: unit, alone: alone)
        case .stated: sentence
        }
    }

    static func statement(_ rule: RuleStatement, _ text: (String) -> String) -> RuleStatement {
        switch rule {
        case .limit(let name, let group, let year, let bounds): .limit(name: text(name), group: group, year: year, bounds: bounds)
        case .target(let name, let metric, let min): .target(name: text(name), metric: metric, min: min)
        default: rule
        }
    }

    static func finding(_ kind: FindingKind, _ text: (String) -> String) -> FindingKind {
        func scope(_ limit: LimitScope) -> LimitScope { LimitScope(name: text(limit.name), group: limit.group, year: limit.year) }
        switch kind {
        case .floorAboveSupply(let limit, let floor, let supply):
            return .floorAboveSupply(limit: scope(limit), floor: floor, supply: supply)
        case .shareCapAllowsNothing(let limit, let share, let lockedIn):
            return .shareCapAllowsNothing(limit: scope(limit), share: share, lockedIn: lockedIn)
        case .targetOutOfReach(let target, let min, let reach):
            return .targetOutOfReach(target: text(target), min: min, reach: reach)
        default:
            return kind
        }
    }

    static func reason(_ reason: Reason, _ text: (String) -> String) -> Reason {
        switch reason {
        case .excludedBy(let rule, let why): .excludedBy(rule: text(rule), reason: text(why))
        case .ineligible(let fund, let rule): .ineligible(fund: text(fund), rule: rule)
        case .bonus(let name, let factor): .bonus(name: text(name), factor: factor)
        default: reason
        }
    }
}
