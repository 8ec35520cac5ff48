/// The language of the words a person reads in the outputs (reasons, report). Keys, codes and CSV
/// headers stay the same in every language.
public enum ReportLanguage: String, Sendable, Hashable, CaseIterable {
    /// Simplified Chinese, the default: the finance office's language.
    case zh
    case en

    /// Picks the Chinese or the English text.
    func pick(_ chinese: String, _ english: String) -> String {
        self == .zh ? chinese : english
    }
}
