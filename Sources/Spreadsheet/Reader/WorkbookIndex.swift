/// The small parts of a workbook: relationships, the sheet list, the styles' date formats, shared strings.
struct WorkbookIndex {
    struct Sheet {
        var name: String
        /// The part holding the sheet's cells, found through the workbook's relationships.
        var path: String
    }

    var sheets: [Sheet] = []
    var date1904 = false
    /// For each cell style (`s` attribute), whether it shows a date.
    var dateStyles: [Bool] = []
    /// Nil when the workbook has no shared strings part.
    var sharedStrings: [String]?

    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    init(_ archive: WorkbookArchive) throws(WorkbookError) {
        let root = try Self.relationships(archive, of: "")
        let workbookPath = root.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
        guard archive.contains(workbookPath) else {
            throw WorkbookError("this is not an .xlsx workbook: it has no workbook part (\(workbookPath))")
        }
        let related = try Self.relationships(archive, of: workbookPath)
        var sheetIds: [(name: String, id: String)] = []
        try archive.scan(workbookPath) { scanner, token throws(WorkbookError) in
            guard case .start(let tag) = token else { return }
            if scanner.matches(tag.name, "workbookPr") {
                let value = try Self.attributes(scanner, tag, ["date1904"])["date1904"]
                date1904 = value == "1" || value == "true"
            } else if scanner.matches(tag.name, "sheet") {
                let found = try Self.attributes(scanner, tag, ["name", "id"])
                guard let name = found["name"], let id = found["id"] else {
                    throw WorkbookError("a sheet in \(workbookPath) has no name or no relationship id")
                }
                sheetIds.append((name, id))
            }
        }
        for (name, id) in sheetIds {
            guard let relation = related.first(where: { $0.id == id }) else {
                throw WorkbookError("sheet '\(name)' names relationship \(id), which the workbook does not have", sheet: name)
            }
            sheets.append(Sheet(name: name, path: relation.target))
        }
        if let styles = related.first(where: { $0.type.hasSuffix("/styles") }) {
            dateStyles = try Self.dateStyles(archive, path: styles.target)
        }
        if let strings = related.first(where: { $0.type.hasSuffix("/sharedStrings") }) {
            guard archive.contains(strings.target) else {
                throw WorkbookError("the shared strings part \(strings.target) is missing; the workbook is damaged")
            }
            sharedStrings = try Self.sharedStrings(archive, path: strings.target)
        }
    }

    static func attributes(_ scanner: XMLScanner, _ tag: XMLScanner.Tag, _ names: Set<String>) throws(WorkbookError)
        -> [String: String]
    {
        do { return try scanner.attributes(of: tag, names) } catch {
            throw WorkbookError("malformed XML: \(error.message)")
        }
    }

    struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    /// The relationships of the part at `source` (`""` for the package), targets resolved to part paths.
    static func relationships(_ archive: WorkbookArchive, of source: String) throws(WorkbookError) -> [Relationship] {
        let directory = source.split(separator: "/").dropLast().joined(separator: "/")
        let file = source.split(separator: "/").last.map(String.init) ?? ""
        let path = (directory.isEmpty ? "" : directory + "/") + "_rels/" + file + ".rels"
        guard archive.contains(path) else {
            if source.isEmpty { throw WorkbookError("this is not an .xlsx workbook: it has no _rels/.rels part") }
            throw WorkbookError("the workbook has no relationships part \(path); it is damaged")
        }
        var found: [Relationship] = []
        try archive.scan(path) { scanner, token throws(WorkbookError) in
            guard case .start(let tag) = token, scanner.matches(tag.name, "Relationship") else { return }
            let values = try attributes(scanner, tag, ["Id", "Type", "Target", "TargetMode"])
            guard values["TargetMode"] != "External", let id = values["Id"], let target = values["Target"] else { return }
            found.append(Relationship(id: id, type: values["Type"] ?? "", target: resolve(target, from: directory)))
        }
        return found
    }

    /// A relationship target as a part path: absolute (`/xl/…`) or relative to the source's folder, `..` resolved.
    static func resolve(_ target: String, from directory: String) -> String {
        var segments: [Substring] = target.hasPrefix("/") ? [] : directory.split(separator: "/")
        for segment in target.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }
}
