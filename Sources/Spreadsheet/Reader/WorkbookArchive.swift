internal import Foundation
internal import ZIPFoundation

/// The zip container of a workbook, read with limits against zip bombs.
///
/// The sizes the zip directory declares are checked before anything is extracted (``maximumTotalBytes`` in
/// all, ``maximumRatio`` for any large part), and the bytes are counted while they are extracted, so that a
/// part larger than its header says is stopped where it passes it.
final class WorkbookArchive {
    /// Largest total of the parts' uncompressed sizes.
    static let maximumTotalBytes: UInt64 = 1 << 30
    /// Largest compression ratio of a part above ``ratioFloor`` bytes (XML compresses 5–20 times; 200 is not data).
    static let maximumRatio: UInt64 = 200
    static let ratioFloor: UInt64 = 1 << 24
    static let chunkSize = 1 << 16

    private let archive: Archive
    private var extracted: UInt64 = 0

    init(path: String) throws(WorkbookError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw WorkbookError("cannot read the file: No such file or directory")
        }
        guard !isDirectory.boolValue else { throw WorkbookError("cannot read the file: it is a directory, not a workbook") }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw WorkbookError("this is not an .xlsx workbook, or it is truncated or damaged (its zip directory cannot be read)")
        }
        var total: UInt64 = 0
        for entry in archive {
            let size = entry.uncompressedSize
            let (sum, overflow) = total.addingReportingOverflow(size)
            total = overflow ? .max : sum
            if size > Self.ratioFloor, size / max(entry.compressedSize, 1) > Self.maximumRatio {
                throw WorkbookError(
                    "the part \(entry.path) would expand \(size / max(entry.compressedSize, 1)) times (\(size >> 20) MB); this is not a workbook but a zip bomb")
            }
        }
        guard total <= Self.maximumTotalBytes else {
            throw WorkbookError(
                "the workbook's parts would expand to \(total >> 20) MB, more than the \(Self.maximumTotalBytes >> 20) MB accepted")
        }
    }

    func contains(_ path: String) -> Bool { archive[path] != nil }

    /// The whole part at `path`.
    func read(_ path: String) throws(WorkbookError) -> [UInt8] {
        var bytes: [UInt8] = []
        try stream(path) { chunk in bytes.append(contentsOf: chunk) }
        return bytes
    }

    /// Hands the part at `path` to `consume` in chunks; stops with an error when it grows past its declared size
    /// or the limits, or when its data is damaged. Errors that `consume` throws pass through.
    func stream(_ path: String, _ consume: (Data) throws(WorkbookError) -> Void) throws(WorkbookError) {
        guard let entry = archive[path] else { throw WorkbookError("the workbook has no part \(path)") }
        let declared = entry.uncompressedSize
        var count: UInt64 = 0
        var failure: WorkbookError?
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, bufferSize: Self.chunkSize) { data in
                count += UInt64(data.count)
                extracted += UInt64(data.count)
                if count > declared || extracted > Self.maximumTotalBytes {
                    failure = WorkbookError(
                        "the part \(path) expands beyond the size its zip header declares (\(declared) bytes); the workbook is damaged or a zip bomb")
                } else {
                    do { try consume(data) } catch let error as WorkbookError { failure = error }
                }
                if let failure { throw failure }
            }
        } catch {
            throw failure ?? WorkbookError("the part \(path) is damaged and cannot be decompressed")
        }
        guard count == declared, checksum == entry.checksum else {
            throw WorkbookError("the part \(path) is damaged (its size or checksum does not match the zip directory)")
        }
    }
}

extension WorkbookArchive {
    /// Streams the XML part at `path` through a scanner and hands every token to `body`; malformed XML is an
    /// error naming the part.
    func scan(
        _ path: String, _ body: (XMLScanner, XMLScanner.Token) throws(WorkbookError) -> Void
    ) throws(WorkbookError) {
        var scanner = XMLScanner()
        func drain() throws(WorkbookError) {
            do {
                while let token = try scanner.next() { try body(scanner, token) }
            } catch let error as XMLSyntaxError {
                throw WorkbookError("the part \(path) is not well-formed XML: \(error.message)")
            } catch let error as WorkbookError {
                throw error
            } catch {
                throw WorkbookError("the part \(path) cannot be read")
            }
        }
        try stream(path) { (chunk: Data) throws(WorkbookError) in
            scanner.append(chunk, final: false)
            try drain()
        }
        scanner.append(EmptyCollection<UInt8>(), final: true)
        try drain()
    }
}
