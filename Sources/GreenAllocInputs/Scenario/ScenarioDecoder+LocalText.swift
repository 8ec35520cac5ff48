internal import GreenAllocCore

/// Names and reasons: a plain text, or `{zh: …, en: …}` with both texts (the Chinese one is the key).
extension ScenarioDecoder {
    mutating func requiredLocalText(_ node: YAMLNode, _ key: String, section: String) -> LocalText? {
        guard let value = requiredNode(node, key, section: section) else { return nil }
        return localText(value, key: key, section: section)
    }

    mutating func optionalLocalText(_ node: YAMLNode, _ key: String, section: String) -> LocalText? {
        guard let value = node[key], !value.isNull else { return nil }
        return localText(value, key: key, section: section)
    }

    mutating func localText(_ value: YAMLNode, key: String, section: String) -> LocalText? {
        if let text = value.scalar {
            if text.isEmpty { errors.append(.error(value.location, "\(section): '\(key)' must not be empty")) }
            return text.isEmpty ? nil : LocalText(text)
        }
        guard value.entries != nil else {
            errors.append(.error(value.location, "\(section): '\(key)' must be a text or {zh: …, en: …}, found \(value.kindName)"))
            return nil
        }
        let before = errors.count
        checkKeys(value, allowed: ["zh", "en"], section: "\(section) \(key)")
        var texts: [String] = []
        for language in ["zh", "en"] {
            guard let text = value[language], !text.isNull else {
                errors.append(.error(value.location, "\(section): '\(key)' written as a mapping needs both zh and en (missing '\(language)')"))
                continue
            }
            guard let scalar = text.scalar, !scalar.isEmpty else {
                errors.append(.error(text.location, "\(section): '\(key).\(language)' must be a non-empty text, found \(text.kindName)"))
                continue
            }
            texts.append(scalar)
        }
        guard errors.count == before, texts.count == 2 else { return nil }
        return LocalText(texts[0], en: texts[1])
    }
}
