internal import GreenAllocCore

/// Checks shared by every section: mappings, keys, required entries and typed scalars, each error with its
/// location.
extension ScenarioDecoder {
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
