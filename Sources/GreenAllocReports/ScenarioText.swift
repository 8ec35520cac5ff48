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
        return copy
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
