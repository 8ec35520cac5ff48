public import GreenAllocCore
internal import Yams

/// A YAML document as a plain tree with a location on every node: what inheritance merges and what the
/// scenario decoder reads. Aliases are expanded (with a size limit against alias bombs).
public struct YAMLNode: Sendable {
    public indirect enum Kind: Sendable {
        /// A scalar's text; `plain` is false for quoted scalars.
        case scalar(String, plain: Bool)
        case mapping([(key: String, keyLocation: SourceLocation, value: YAMLNode)])
        case sequence([YAMLNode])
    }

    public var kind: Kind
    public var location: SourceLocation
    /// For table paths: the path resolved against the directory of the file that wrote it.
    public var resolvedPath: String?

    public init(_ kind: Kind, location: SourceLocation, resolvedPath: String? = nil) {
        self.kind = kind
        self.location = location
        self.resolvedPath = resolvedPath
    }

    public var isNull: Bool {
        if case .scalar(let text, let plain) = kind, plain, ["", "~", "null", "Null", "NULL"].contains(text) {
            return true
        }
        return false
    }

    public var scalar: String? { if case .scalar(let text, _) = kind { text } else { nil } }

    public var entries: [(key: String, keyLocation: SourceLocation, value: YAMLNode)]? {
        if case .mapping(let entries) = kind { entries } else { nil }
    }

    public var items: [YAMLNode]? { if case .sequence(let items) = kind { items } else { nil } }

    public subscript(key: String) -> YAMLNode? { entries?.first { $0.key == key }?.value }

    public var kindName: String {
        switch kind {
        case .scalar: "a scalar"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }
}

/// Parses YAML text into a `YAMLNode` tree, or into located diagnostics.
public enum YAMLReader {
    /// Limits against hostile input: nodes after alias expansion, and nesting depth.
    public static let maximumNodes = 200_000
    public static let maximumDepth = 64

    public static func parse(_ text: String, file: String) -> Result<YAMLNode, InputErrors> {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return .failure(InputErrors([describe(error, file: file, text: text)]))
        } catch {
            return .failure(InputErrors([.error(SourceLocation(file: file, line: 1, column: 1), "YAML: \(error)")]))
        }
        guard let root else {
            return .failure(InputErrors([.error(SourceLocation(file: file, line: 1, column: 1), "the file is empty")]))
        }
        var budget = maximumNodes
        do {
            return .success(try convert(root, file: file, depth: 0, budget: &budget, entry: nil))
        } catch let error as InputErrors {
            return .failure(error)
        } catch {
            return .failure(InputErrors([.error(nil, "\(error)")]))
        }
    }

    private static func location(_ mark: Mark?, file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// `entry` is the top-level key being read: an alias bomb is reported there (the marks of expanded
    /// nodes point at their anchors, which are harmless on their own).
    private static func convert(
        _ node: Node, file: String, depth: Int, budget: inout Int, entry: (key: String, location: SourceLocation)?
    ) throws -> YAMLNode {
        budget -= 1
        let here = location(node.mark, file: file)
        if budget < 0 {
            let under = entry.map { " under '\($0.key)'" } ?? ""
            throw InputErrors([
                .error(
                    entry?.location ?? here,
                    "the YAML expands to more than \(maximumNodes) nodes\(under) (aliases?); refusing to read it")
            ])
        }
        if depth > maximumDepth {
            throw InputErrors([.error(here, "the YAML is nested deeper than \(maximumDepth) levels")])
        }
        switch node {
        case .scalar(let scalar):
            return YAMLNode(.scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any), location: here)
        case .alias(let alias):
            return YAMLNode(.scalar("*\(alias)", plain: false), location: here)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence {
                items.append(try convert(item, file: file, depth: depth + 1, budget: &budget, entry: entry))
            }
            return YAMLNode(.sequence(items), location: here)
        case .mapping(let mapping):
            var entries: [(key: String, keyLocation: SourceLocation, value: YAMLNode)] = []
            var seen: [String: SourceLocation] = [:]
            for (key, value) in mapping {
                let keyLocation = location(key.mark, file: file)
                guard case .scalar(let keyScalar) = key else {
                    throw InputErrors([.error(keyLocation, "a mapping key must be a plain text, not \(key)")])
                }
                if let first = seen[keyScalar.string] {
                    throw InputErrors([
                        .error(keyLocation, "duplicate key '\(keyScalar.string)' (first at line \(first.line))")
                    ])
                }
                seen[keyScalar.string] = keyLocation
                entries.append(
                    (
                        keyScalar.string, keyLocation,
                        try convert(
                            value, file: file, depth: depth + 1, budget: &budget,
                            entry: entry ?? (keyScalar.string, keyLocation))
                    ))
            }
            return YAMLNode(.mapping(entries), location: here)
        }
    }

    static func describe(_ error: YamlError, file: String, text: String = "") -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // A quote or bracket left open runs to the end of the file: what is wrong is where it opened.
            if let context, problem.contains("end of stream") {
                return .error(
                    location(context.mark, file: file),
                    "YAML syntax: \(context.text) that is never closed (\(problem) at line \(mark.line))")
            }
            let extra = context.map { " (\($0.text))" } ?? ""
            return .error(location(mark, file: file), "YAML syntax: \(problem)\(extra)")
        case .reader(let problem, let offset, _, _):
            return .error(
                SourceLocation(file: file, line: 1, column: 1),
                "the file is not readable YAML text: \(problem)" + (offset.map { " at byte \($0)" } ?? ""))
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams marks the first occurrence; the error is the repetition.
            let first = location(context.mark, file: file)
            guard let key = duplicates.first,
                let again = repetition(of: key, after: context.mark, in: text)
            else {
                return .error(first, "duplicate keys: \(duplicates.joined(separator: ", "))")
            }
            return .error(
                SourceLocation(file: file, line: again.line, column: again.column),
                "duplicate key '\(key)' (first at line \(first.line))")
        default:
            return .error(SourceLocation(file: file, line: 1, column: 1), "YAML: \(error)")
        }
    }

    /// The next line after `mark` that starts, at the same column, with `key:` (block mappings; nil for
    /// a repetition inside one flow mapping).
    static func repetition(of key: String, after mark: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line < lines.count else { return nil }
        for index in mark.line..<lines.count {
            let line = Array(lines[index].unicodeScalars)
            let start = mark.column - 1
            guard start >= 0, line.count > start, line[..<start].allSatisfy({ $0 == " " }) else { continue }
            var rest = String(String.UnicodeScalarView(line[start...]))
            for quote in ["\"", "'"] where rest.hasPrefix(quote + key + quote) {
                rest = key + rest.dropFirst(key.count + 2)
            }
            guard rest.hasPrefix(key) else { continue }
            if rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") { return (index + 1, mark.column) }
        }
        return nil
    }
}
