public import GreenAllocCore
internal import Foundation

/// Reads a scenario file, follows its `extends` chain (scenario-format §12), merges and decodes it.
public enum ScenarioLoader {
    /// Everything known after reading the YAML files, before any table.
    public struct Loaded: Sendable {
        public var scenario: Scenario
        /// The merged document (for `validate --merged` and the inputs hash).
        public var merged: YAMLNode
        public var warnings: [Diagnostic]
        /// The scenario files read: the root of the `extends` chain first, the file named last.
        public var files: [String] = []
    }

    public static func load(path: String) -> Result<Loaded, InputErrors> {
        var chain: [String] = []
        switch loadMerged(path: path, chain: &chain) {
        case .failure(let errors): return .failure(errors)
        case .success(let merged):
            var decoder = ScenarioDecoder(file: path, files: chain)
            guard let scenario = decoder.decode(merged), decoder.errors.isEmpty else {
                return .failure(InputErrors(decoder.errors))
            }
            return .success(Loaded(scenario: scenario, merged: merged, warnings: decoder.warnings, files: chain))
        }
    }

    /// Parses a file and, recursively, the files it extends; returns the merged tree. `chain` receives
    /// every file, the root of the chain first.
    static func loadMerged(path: String, chain: inout [String], visiting: [String] = []) -> Result<YAMLNode, InputErrors> {
        let key = canonicalPath(path)
        if visiting.contains(key) {
            let cycle = (visiting + [key]).map { displayPath($0) }.joined(separator: " → ")
            return .failure(InputErrors([.error(SourceLocation(file: path, line: 1, column: 1), "`extends` forms a cycle: \(cycle)")]))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            return .failure(InputErrors([.error(nil, exists ? "cannot read '\(path)'" : "scenario file '\(path)' not found")]))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(InputErrors([.error(SourceLocation(file: path, line: 1, column: 1), "the scenario is not UTF-8 text")]))
        }
        if data.contains(0) {
            return .failure(InputErrors([.error(SourceLocation(file: path, line: 1, column: 1), "the scenario contains NUL bytes: not a YAML text file")]))
        }
        var node: YAMLNode
        switch YAMLReader.parse(text, file: path) {
        case .failure(let errors): return .failure(errors)
        case .success(let parsed): node = parsed
        }
        guard node.entries != nil else {
            return .failure(InputErrors([.error(node.location, "a scenario must be a mapping of keys (scenario, years, tables, funds, …), found \(node.kindName)")]))
        }
        node = resolveTablePaths(node, relativeTo: directory(of: path))
        guard let parentNode = node["extends"] else {
            chain.append(path)
            return .success(node)
        }
        guard let parentName = parentNode.scalar, !parentNode.isNull else {
            return .failure(InputErrors([.error(parentNode.location, "`extends` must name one scenario file")]))
        }
        let parentPath = join(directory(of: path), parentName)
        switch loadMerged(path: parentPath, chain: &chain, visiting: visiting + [key]) {
        case .failure(let errors):
            if !FileManager.default.fileExists(atPath: parentPath) {
                return .failure(InputErrors([.error(parentNode.location, "`extends`: scenario file '\(parentPath)' not found")]))
            }
            return .failure(errors)
        case .success(let parent):
            chain.append(path)
            var child = node
            if case .mapping(let entries) = child.kind {
                child.kind = .mapping(entries.filter { $0.key != "extends" })
            }
            return .success(ScenarioMerge.merge(parent, child, path: []))
        }
    }

    static func resolveTablePaths(_ node: YAMLNode, relativeTo directory: String) -> YAMLNode {
        guard case .mapping(var entries) = node.kind,
            let index = entries.firstIndex(where: { $0.key == "tables" }),
            case .mapping(var tables) = entries[index].value.kind
        else { return node }
        for position in tables.indices {
            if let path = tables[position].value.scalar, !tables[position].value.isNull {
                tables[position].value.resolvedPath = join(directory, path)
            }
        }
        entries[index].value.kind = .mapping(tables)
        var result = node
        result.kind = .mapping(entries)
        return result
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    static func join(_ directory: String, _ path: String) -> String {
        if path.hasPrefix("/") || directory.isEmpty { return path }
        var base = directory
        var rest = Substring(path)
        while rest.hasPrefix("./") { rest = rest.dropFirst(2) }
        while rest.hasPrefix("../"), !base.isEmpty, base != ".", !base.hasSuffix("..") {
            rest = rest.dropFirst(3)
            base = Self.directory(of: base)
        }
        return base.isEmpty ? String(rest) : base + "/" + rest
    }

    static func canonicalPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    static func displayPath(_ canonical: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return canonical.hasPrefix(cwd) ? String(canonical.dropFirst(cwd.count)) : canonical
    }
}

/// scenario-format §12: maps merge key by key; scalars replace; lists of maps keyed by `id` (funds) or `name` (limits,
/// exclude, bonuses, targets) merge entry by entry (`remove: true` deletes); other lists replace.
public enum ScenarioMerge {
    static let keyedLists: [String: String] = [
        "funds": "id", "limits": "name", "exclude": "name", "bonuses": "name", "targets": "name", "factors": "name",
    ]

    public static func merge(_ base: YAMLNode, _ overlay: YAMLNode, path: [String]) -> YAMLNode {
        switch (base.kind, overlay.kind) {
        case (.mapping(let baseEntries), .mapping(let overlayEntries)):
            var merged = baseEntries
            for entry in overlayEntries {
                if let index = merged.firstIndex(where: { $0.key == entry.key }) {
                    merged[index].value = merge(merged[index].value, entry.value, path: path + [entry.key])
                    merged[index].keyLocation = entry.keyLocation
                } else {
                    merged.append(entry)
                }
            }
            return YAMLNode(.mapping(merged), location: overlay.location, resolvedPath: overlay.resolvedPath)
        case (.sequence(let baseItems), .sequence(let overlayItems)):
            guard let field = path.last.flatMap({ keyedLists[$0] }) else { return overlay }
            var merged = baseItems
            for item in overlayItems {
                guard let key = mergeKey(item[field]) else {
                    merged.append(item)
                    continue
                }
                let remove = item["remove"]?.scalar == "true"
                if let index = merged.firstIndex(where: { mergeKey($0[field]) == key }) {
                    if remove {
                        merged.remove(at: index)
                    } else {
                        merged[index] = merge(merged[index], keepingEnglish(item, field: field), path: path + [key])
                    }
                } else if !remove {
                    merged.append(item)
                }
            }
            return YAMLNode(.sequence(merged), location: overlay.location)
        default:
            return overlay
        }
    }

    /// An entry's key: the plain text, or the `zh` text of a name written as `{zh: …, en: …}`.
    static func mergeKey(_ node: YAMLNode?) -> String? {
        node?.scalar ?? node?["zh"]?.scalar
    }

    /// An overlay entry that names its base entry by a plain string keeps the base's `{zh, en}` name.
    static func keepingEnglish(_ item: YAMLNode, field: String) -> YAMLNode {
        guard item[field]?.scalar != nil, case .mapping(let entries) = item.kind else { return item }
        return YAMLNode(.mapping(entries.filter { $0.key != field }), location: item.location, resolvedPath: item.resolvedPath)
    }
}
