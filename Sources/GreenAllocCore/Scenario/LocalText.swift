/// A scenario-given name or reason: a plain string (one text for every language) or `{zh: …, en: …}`. The
/// Chinese text is the key wherever a name is one (`extends` merging, `rule` in JSON, `--target NAME`).
public struct LocalText: Sendable, Hashable {
    public var zh: String
    /// The English text; nil for a plain string, which serves both languages.
    public var en: String?

    public init(_ zh: String, en: String? = nil) {
        self.zh = zh
        self.en = en
    }
}

extension Scenario {
    /// The English text of every scenario-given name and reason written as `{zh: …, en: …}`, keyed by its
    /// Chinese text (what `Allocation.englishText` carries to the writers). A plain string has no entry.
    public var englishText: [String: String] {
        var texts: [(LocalText)] = [LocalText(name, en: englishName)]
        texts += funds.map { LocalText($0.name, en: $0.englishName) }
        texts += limits.map { LocalText($0.name, en: $0.englishName) }
        texts += targets.map { LocalText($0.name, en: $0.englishName) }
        for exclusion in exclude {
            texts.append(LocalText(exclusion.name, en: exclusion.englishName))
            texts.append(LocalText(exclusion.reason, en: exclusion.englishReason))
        }
        texts += objective.bonuses.map { LocalText($0.name, en: $0.englishName) }
        if let loans {
            texts.append(LocalText(loans.name, en: loans.englishName))
            texts += loans.bonuses.map { LocalText($0.name, en: $0.englishName) }
        }
        texts += factors.map { LocalText($0.name, en: $0.englishName) }
        if let review { texts.append(LocalText(review.name, en: review.englishName)) }
        var lookup: [String: String] = [:]
        for text in texts {
            if let en = text.en, lookup[text.zh] == nil { lookup[text.zh] = en }
        }
        return lookup
    }
}
