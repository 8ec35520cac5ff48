internal import Dispatch
internal import Foundation
internal import Synchronization
internal import ZIPFoundation

/// The zip container of a workbook, written here so that its parts are compressed at the same time on every
/// core: ZIPFoundation deflates each part (raw deflate and CRC-32, as zip entries need them), and this type
/// lays out the local headers, the data, the central directory and its end record (no zip64: a part or the
/// whole file beyond 4 GiB is refused). Every entry carries the same fixed DOS time stamp and Unix mode 0644,
/// and the entries keep the order given, so the same parts give the same bytes.
enum ZipArchive {
    struct Stamp {
        var date: UInt16
        var time: UInt16

        /// From `YYYY-MM-DDThh:mm:ss…`; 1980-01-01 00:00 (the first DOS date) when it cannot be read.
        init(_ text: String) {
            let digits = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            guard digits.count >= 6, (1980...2107).contains(digits[0]), (1...12).contains(digits[1]),
                (1...31).contains(digits[2]), digits[3] < 24, digits[4] < 60, digits[5] < 60
            else {
                date = 1 << 5 | 1
                time = 0
                return
            }
            date = UInt16((digits[0] - 1980) << 9 | digits[1] << 5 | digits[2])
            time = UInt16(digits[3] << 11 | digits[4] << 5 | digits[5] / 2)
        }
    }

    private struct Compressed: Sendable {
        var crc: UInt32
        var data: [UInt8]
    }

    static func bytes(_ parts: [(path: String, bytes: [UInt8])], stamp: Stamp) throws -> [UInt8] {
        let compressed = try compress(parts.map(\.bytes))
        var output: [UInt8] = []
        output.reserveCapacity(compressed.reduce(0) { $0 + $1.data.count } + parts.count * 128)
        var directory: [UInt8] = []
        for (part, packed) in zip(parts, compressed) {
            guard part.bytes.count < Int(UInt32.max), output.count < Int(UInt32.max) else {
                throw WorkbookWriteError.zip("the workbook is larger than 4 GiB")
            }
            let name = Array(part.path.utf8)
            let offset = UInt32(output.count)
            let common: [UInt16] = [20, 0, 8, stamp.time, stamp.date]
            // Local file header.
            append(UInt32(0x0403_4B50), to: &output)
            for field in common { append(field, to: &output) }
            for field in [packed.crc, UInt32(packed.data.count), UInt32(part.bytes.count)] { append(field, to: &output) }
            for field in [UInt16(name.count), 0] { append(field, to: &output) }
            output += name
            output += packed.data
            // Its central directory entry: made by Unix (3), version 2.0; regular file, mode 0644.
            append(UInt32(0x0201_4B50), to: &directory)
            append(UInt16(3 << 8 | 20), to: &directory)
            for field in common { append(field, to: &directory) }
            for field in [packed.crc, UInt32(packed.data.count), UInt32(part.bytes.count)] { append(field, to: &directory) }
            for field in [UInt16(name.count), 0, 0, 0, 0] { append(field, to: &directory) }
            for field in [UInt32(0o100644) << 16, offset] { append(field, to: &directory) }
            directory += name
        }
        guard output.count + directory.count < Int(UInt32.max), parts.count < Int(UInt16.max) else {
            throw WorkbookWriteError.zip("the workbook is larger than 4 GiB")
        }
        let directoryOffset = UInt32(output.count)
        output += directory
        append(UInt32(0x0605_4B50), to: &output)
        for field in [UInt16(0), 0, UInt16(parts.count), UInt16(parts.count)] { append(field, to: &output) }
        for field in [UInt32(directory.count), directoryOffset] { append(field, to: &output) }
        append(UInt16(0), to: &output)
        return output
    }

    /// Deflates every part, the largest first, on as many threads as the machine runs at once.
    private static func compress(_ parts: [[UInt8]]) throws -> [Compressed] {
        let order = parts.indices.sorted { parts[$0].count > parts[$1].count }
        let results = Mutex<[Int: Result<Compressed, any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: order.count) { position in
            let index = order[position]
            let result = Result { try deflate(parts[index]) }
            results.withLock { $0[index] = result }
        }
        return try results.withLock { done in
            try parts.indices.map { index in
                guard let result = done[index] else { throw WorkbookWriteError.zip("a part was not compressed") }
                return try result.get()
            }
        }
    }

    private static func deflate(_ bytes: [UInt8]) throws -> Compressed {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count / 4 + 64)
        let crc = try Data.compress(size: Int64(bytes.count), bufferSize: 1 << 16, provider: { position, size in
            let start = Int(position)
            return Data(bytes[start..<min(start + size, bytes.count)])
        }, consumer: { chunk in
            output.append(contentsOf: chunk)
        })
        return Compressed(crc: crc, data: output)
    }

    private static func append<Integer: FixedWidthInteger>(_ value: Integer, to bytes: inout [UInt8]) {
        var little = value.littleEndian
        withUnsafeBytes(of: &little) { bytes.append(contentsOf: $0) }
    }
}
