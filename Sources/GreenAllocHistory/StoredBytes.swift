public import Foundation
internal import Crypto
internal import ZIPFoundation

/// Bytes as the history keeps them: named by their SHA-256, stored once, deflate-compressed (raw DEFLATE,
/// RFC 1951, through zlib) unless compressing does not make them smaller.
public enum StoredBytes {
    public static let deflate = "deflate"
    public static let none = "none"

    /// The lower-case hex SHA-256 of `bytes`.
    public static func sha256(_ bytes: Data) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// The stored form: (compression name, stored bytes).
    public static func pack(_ bytes: Data) -> (compression: String, bytes: Data) {
        guard !bytes.isEmpty, let compressed = try? compress(bytes), compressed.count < bytes.count else {
            return (none, bytes)
        }
        return (deflate, compressed)
    }

    /// The original bytes of a stored form; nil when they do not decompress to `size` bytes with `sha256`.
    public static func unpack(_ stored: Data, compression: String, size: Int, sha256 expected: String) -> Data? {
        let bytes: Data?
        switch compression {
        case none: bytes = stored
        case deflate: bytes = try? decompress(stored)
        default: bytes = nil
        }
        guard let bytes, bytes.count == size, sha256(bytes) == expected else { return nil }
        return bytes
    }

    static func compress(_ bytes: Data) throws -> Data {
        var output = Data()
        _ = try Data.compress(size: Int64(bytes.count), bufferSize: 64 * 1024, provider: { position, size in
            chunk(of: bytes, at: position, size: size)
        }, consumer: { output.append($0) })
        return output
    }

    static func decompress(_ stored: Data) throws -> Data {
        var output = Data()
        _ = try Data.decompress(size: Int64(stored.count), bufferSize: 64 * 1024, skipCRC32: true, provider: { position, size in
            chunk(of: stored, at: position, size: size)
        }, consumer: { output.append($0) })
        return output
    }

    /// Up to `size` bytes from `position` (fewer at the end, none past it).
    static func chunk(of bytes: Data, at position: Int64, size: Int) -> Data {
        let start = min(bytes.count, max(0, Int(position)))
        return bytes.subdata(in: start..<min(bytes.count, start + max(0, size)))
    }
}
