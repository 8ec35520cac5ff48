internal import Foundation
internal import GreenAllocHistory
internal import GreenAllocInputs

/// What changed between two recorded runs: their input files (for CSV tables, which rows and cells), the
/// merged scenario, the settings, and the results (see `ResultDiff`).
struct RunDiff {
    var before: StoredRun
    var after: StoredRun
    var files: [FileChange]
    var scenario: [ValueChange]
    var settings: [ValueChange]
    var results: ResultDiff?
    /// City id → name, from the later run's cities table.
    var cityNames: [String: String] = [:]

    struct FileChange {
        /// The path relative to the run's folder of inputs.
        var path: String
        /// "changed", "added" or "removed".
        var kind: String
        var table: TableDiff?
    }

    struct ValueChange {
        var path: String
        var before: String?
        var after: String?
    }

    struct TableDiff {
        var columnsAdded: [String] = []
        var columnsRemoved: [String] = []
        var rowsAdded: [String] = []
        var rowsRemoved: [String] = []
        var cells: [CellChange] = []
    }

    struct CellChange {
        var row: String
        var column: String
        var before: String
        var after: String
    }

    init(database: HistoryDatabase, before a: Int64, after b: Int64) throws {
        before = try database.run(a)
        after = try database.run(b)
        files = try Self.files(database, before: try database.inputs(of: a), after: try database.inputs(of: b))
        scenario = Self.values(before.mergedScenario, after.mergedScenario)
        settings = Self.values(before.settings, after.settings)
        var results = try ResultDiff(database: database, before: a, after: b)
        let names = try Self.cityNames(database, run: after, inputs: try database.inputs(of: b))
        cityNames = names
        if var found = results {
            for index in found.cities.indices { found.cities[index].name = names[found.cities[index].key] ?? "" }
            results = found
        }
        self.results = results
    }

    /// City id → name from the run's cities table, when it is a CSV file.
    static func cityNames(_ database: HistoryDatabase, run: StoredRun, inputs: [StoredFile]) throws -> [String: String] {
        let merged = try? JSONSerialization.jsonObject(with: Data(run.mergedScenario.utf8)) as? [String: Any]
        guard let path = (merged?["tables"] as? [String: Any])?["cities"] as? String, path.lowercased().hasSuffix(".csv"),
            let file = inputs.first(where: { $0.role == "table" && $0.path.hasSuffix("/" + (path.hasPrefix("./") ? String(path.dropFirst(2)) : path)) }),
            case .success(let table) = CSVReader.parse(Array(try database.bytes(file.sha256)), file: path),
            let id = table.header.firstIndex(of: "id"), let name = table.header.firstIndex(of: "name")
        else { return [:] }
        return Dictionary(table.rows.compactMap { row in row.indices.contains(max(id, name)) ? (row[id], row[name]) : nil }, uniquingKeysWith: { a, _ in a })
    }

    /// The input files matched by their path below each run's folder of inputs.
    static func files(_ database: HistoryDatabase, before: [StoredFile], after: [StoredFile]) throws -> [FileChange] {
        func relative(_ files: [StoredFile]) -> [String: StoredFile] {
            let root = HistoryRerun.commonFolder(files.map(\.path))
            return Dictionary(files.map { (String($0.path.dropFirst(root.count + 1)), $0) }, uniquingKeysWith: { first, _ in first })
        }
        let (old, new) = (relative(before), relative(after))
        var changes: [FileChange] = []
        for path in Set(old.keys).union(new.keys).sorted() {
            switch (old[path], new[path]) {
            case (nil, _): changes.append(FileChange(path: path, kind: "added"))
            case (_, nil): changes.append(FileChange(path: path, kind: "removed"))
            case (let first?, let second?) where first.sha256 != second.sha256:
                var table: TableDiff?
                if path.lowercased().hasSuffix(".csv") {
                    table = tableDiff(try database.bytes(first.sha256), try database.bytes(second.sha256), file: path)
                }
                changes.append(FileChange(path: path, kind: "changed", table: table))
            default: break
            }
        }
        return changes
    }

    /// Rows matched by their first column (the id); cells by column name.
    static func tableDiff(_ old: Data, _ new: Data, file: String) -> TableDiff? {
        guard case .success(let first) = CSVReader.parse(Array(old), file: file),
            case .success(let second) = CSVReader.parse(Array(new), file: file)
        else { return nil }
        func rows(_ table: RawTable) -> [(String, [String: String])] {
            table.rows.map { row in
                (row.first ?? "", Dictionary(zip(table.header, row).map { ($0, $1) }, uniquingKeysWith: { first, _ in first }))
            }
        }
        var diff = TableDiff()
        diff.columnsAdded = second.header.filter { !first.header.contains($0) }
        diff.columnsRemoved = first.header.filter { !second.header.contains($0) }
        let oldRows = Dictionary(rows(first), uniquingKeysWith: { first, _ in first })
        let newRows = rows(second)
        let newKeys = Set(newRows.map(\.0))
        diff.rowsRemoved = rows(first).map(\.0).filter { !newKeys.contains($0) }
        for (key, cells) in newRows {
            guard let previous = oldRows[key] else {
                diff.rowsAdded.append(key)
                continue
            }
            for column in second.header where first.header.contains(column) && previous[column] != cells[column] {
                diff.cells.append(CellChange(row: key, column: column, before: previous[column] ?? "", after: cells[column] ?? ""))
            }
        }
        return diff
    }

    /// The values that differ between two JSON documents, by path (`funds[f1].budget.2022`; list items that
    /// have an `id` or a `name` are named by it).
    static func values(_ old: String, _ new: String) -> [ValueChange] {
        let first = try? JSONSerialization.jsonObject(with: Data(old.utf8), options: [.fragmentsAllowed])
        let second = try? JSONSerialization.jsonObject(with: Data(new.utf8), options: [.fragmentsAllowed])
        var changes: [ValueChange] = []
        compare(first, second, path: "", into: &changes)
        return changes
    }

    static func compare(_ old: Any?, _ new: Any?, path: String, into changes: inout [ValueChange]) {
        if let old = old as? [String: Any], let new = new as? [String: Any] {
            for key in Set(old.keys).union(new.keys).sorted() {
                compare(old[key], new[key], path: path.isEmpty ? key : path + "." + key, into: &changes)
            }
        } else if let old = old as? [Any], let new = new as? [Any] {
            let (first, second) = (keyed(old), keyed(new))
            var keys = first.map(\.0)
            keys += second.map(\.0).filter { !keys.contains($0) }
            let (oldItems, newItems) = (Dictionary(first, uniquingKeysWith: { a, _ in a }), Dictionary(second, uniquingKeysWith: { a, _ in a }))
            for key in keys { compare(oldItems[key], newItems[key], path: path + "[" + key + "]", into: &changes) }
        } else {
            let (before, after) = (old.map(text), new.map(text))
            if before != after { changes.append(ValueChange(path: path, before: before, after: after)) }
        }
    }

    /// List items named by their `id` or `name` when every item has one, else by position.
    static func keyed(_ items: [Any]) -> [(String, Any)] {
        for field in ["id", "name"] {
            let names = items.compactMap { ($0 as? [String: Any])?[field] as? String }
            if names.count == items.count && Set(names).count == names.count { return Array(zip(names, items)) }
        }
        return items.enumerated().map { (String($0.offset), $0.element) }
    }

    static func text(_ value: Any) -> String {
        if let string = value as? String { return string }
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes])
        else { return "\(value)" }
        return String(decoding: data, as: UTF8.self)
    }
}
