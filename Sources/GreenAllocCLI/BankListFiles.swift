internal import Foundation
internal import GreenAllocInputs
internal import GreenAllocWorkspace

/// A solve's bank lists as published: bank-<id>.csv and bank-<id>.xlsx as written, and the CSV's lines as
/// JSON (`{"format": "greenalloc.bank-list/1", "run", "bank", "list": [...]}`, one object per line keyed by
/// the CSV's header; rank, loan_need, loan_score, subsidy_total and nested_step as numbers, loan_bonuses as a list).
enum BankListFiles {
    static func read(folder: String, run: Int64) throws -> [String: [BankListFormat: Data]] {
        var lists: [String: [BankListFormat: Data]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where name.hasPrefix("bank-") {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
            let bank = String(url.deletingPathExtension().lastPathComponent.dropFirst(5))
            guard WorkspaceIdentifier.isValid(bank), let format = BankListFormat(rawValue: url.pathExtension), format != .json else { continue }
            let bytes = try Data(contentsOf: url)
            lists[bank, default: [:]][format] = bytes
            if format == .csv { lists[bank, default: [:]][.json] = try json(csv: bytes, bank: bank, run: run, file: name) }
        }
        return lists.filter { $0.value[.csv] != nil }
    }

    static let numeric: Set<String> = ["rank", "loan_need", "loan_score", "subsidy_total", "nested_step"]

    static func json(csv: Data, bank: String, run: Int64, file: String) throws -> Data {
        let table: RawTable
        switch CSVReader.parse(Array(csv), file: file) {
        case .success(let read): table = read
        case .failure(let errors): throw errors
        }
        let list: [[String: Any]] = table.rows.map { row in
            var line: [String: Any] = [:]
            for (key, cell) in zip(table.header, row) {
                if numeric.contains(key) {
                    line[key] = cell.isEmpty ? NSNull() : (Double(cell).map { value in value == value.rounded() && abs(value) < 1e15 ? Int64(value) as Any : value as Any } ?? cell)
                } else if key == "loan_bonuses" {
                    line[key] = cell.isEmpty ? [] : cell.split(separator: ";").map(String.init)
                } else {
                    line[key] = cell
                }
            }
            return line
        }
        let document: [String: Any] = ["format": "greenalloc.bank-list/1", "run": run, "bank": bank, "list": list]
        return try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])
    }
}
