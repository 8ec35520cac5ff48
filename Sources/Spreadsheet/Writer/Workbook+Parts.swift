internal import Foundation
internal import ZIPFoundation

extension Workbook {
    /// The parts of a written .xlsx file by path (`xl/worksheets/sheet1.xml` → its bytes), for comparing two
    /// workbooks part by part. Throws `WorkbookWriteError.zip` when the bytes are not a zip archive.
    public static func parts(of bytes: [UInt8]) throws -> [String: [UInt8]] {
        do {
            let archive = try Archive(data: Data(bytes), accessMode: .read)
            var parts: [String: [UInt8]] = [:]
            for entry in archive where entry.type == .file {
                var data: [UInt8] = []
                _ = try archive.extract(entry, skipCRC32: false) { chunk in data.append(contentsOf: chunk) }
                parts[entry.path] = data
            }
            return parts
        } catch {
            throw WorkbookWriteError.zip(String(describing: error))
        }
    }
}
