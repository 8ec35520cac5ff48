internal import Foundation

/// The funds' budgets and the limits' caps of a merged scenario, as the office's edit form shows them, and the
/// child scenario (`extends:` plus only the changed entries and keys) that a submitted form makes of them.
struct EditableScenario {
    struct Fund { var id: String; var budget: [(year: String, value: String)] }
    struct Limit { var name: String; var max: String; var maxShare: String }

    var funds: [Fund] = []
    var limits: [Limit] = []

    /// Reads the merged scenario as `greenalloc validate --merged` prints it (every scalar a string).
    init?(mergedJSON text: String) {
        guard let root = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else { return nil }
        for case let fund as [String: Any] in root["funds"] as? [Any] ?? [] {
            guard let id = fund["id"] as? String else { continue }
            let budget = (fund["budget"] as? [String: Any] ?? [:]).compactMap { key, value in (value as? String).map { (key, $0) } }
            funds.append(Fund(id: id, budget: budget.sorted { $0.0 < $1.0 }.map { (year: $0.0, value: $0.1) }))
        }
        for case let limit as [String: Any] in root["limits"] as? [Any] ?? [] {
            guard let name = limit["name"] as? String else { continue }
            limits.append(Limit(name: name, max: limit["max"] as? String ?? "", maxShare: limit["max_share"] as? String ?? ""))
        }
    }

    static func budgetField(_ fund: Int, _ year: String) -> String { "f\(fund)y\(year)" }
    static func maxField(_ limit: Int) -> String { "l\(limit)max" }
    static func shareField(_ limit: Int) -> String { "l\(limit)share" }

    /// A decimal number as the form may send it: an optional minus, digits, an optional fraction.
    static func isNumber(_ text: String) -> Bool {
        text.range(of: #"^-?[0-9]{1,15}(\.[0-9]{1,10})?$"#, options: .regularExpression) != nil
    }

    /// Whether a submitted value differs from the inherited one (numerically when both are numbers).
    static func changed(_ old: String, _ new: String) -> Bool {
        if new.isEmpty { return false }
        if let a = Double(old), let b = Double(new) { return a != b }
        return old != new
    }

    /// The child scenario's text, or the messages of fields that are not numbers; nil text when nothing changed.
    func child(extending base: String, form: FormFields) -> (text: String?, errors: [String]) {
        var errors: [String] = []
        let value = { (field: String, label: String) -> String in
            let text = (form[field] ?? "").trimmingCharacters(in: .whitespaces)
            if !text.isEmpty && !Self.isNumber(text) { errors.append("\(label): '\(text)' is not a number") }
            return text
        }
        var fundLines: [String] = []
        for (index, fund) in funds.enumerated() {
            let years = fund.budget.compactMap { year, old -> String? in
                let new = value(Self.budgetField(index, year), "fund \(fund.id), budget \(year)")
                return Self.changed(old, new) ? "      \(year): \(new)" : nil
            }
            if !years.isEmpty { fundLines += ["  - id: " + Self.quoted(fund.id), "    budget:"] + years }
        }
        var limitLines: [String] = []
        for (index, limit) in limits.enumerated() {
            let max = value(Self.maxField(index), "limit \(limit.name), max")
            let share = value(Self.shareField(index), "limit \(limit.name), max_share")
            var keys: [String] = []
            if Self.changed(limit.max, max) { keys.append("    max: " + max) }
            if Self.changed(limit.maxShare, share) { keys.append("    max_share: " + share) }
            if !keys.isEmpty { limitLines += ["  - name: " + Self.quoted(limit.name)] + keys }
        }
        guard errors.isEmpty, !fundLines.isEmpty || !limitLines.isEmpty else { return (nil, errors) }
        var lines = ["extends: " + Self.quoted(base)]
        if !fundLines.isEmpty { lines += ["funds:"] + fundLines }
        if !limitLines.isEmpty { lines += ["limits:"] + limitLines }
        return (lines.joined(separator: "\n") + "\n", [])
    }

    /// A YAML double-quoted scalar (JSON's escaping, which YAML reads the same way).
    static func quoted(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }
}
