internal import _CryptoExtras
internal import Crypto
internal import Foundation

/// Office passwords, stored as scrypt hashes (N = 2^15, r = 8, p = 1, 16-byte random salt, 32-byte key) in
/// the form `scrypt$N$r$p$SALT$KEY` (base64). Never the password, never a plain hash of it.
public enum PasswordHash {
    static let rounds = 1 << 15
    static let blockSize = 8
    static let parallelism = 1
    static let keyBytes = 32
    public static let minimumLength = 10
    public static let maximumLength = 1024

    public static func make(_ password: String) throws -> String {
        try check(password)
        let salt = SecretText.randomBytes(16)
        let key = try derive(password, salt: salt, rounds: rounds, blockSize: blockSize, parallelism: parallelism)
        return ["scrypt", String(rounds), String(blockSize), String(parallelism),
            Data(salt).base64EncodedString(), Data(key).base64EncodedString()].joined(separator: "$")
    }

    /// Whether `password` matches `stored`; false for anything malformed.
    public static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 6, parts[0] == "scrypt", password.utf8.count <= maximumLength,
            let rounds = Int(parts[1]), let blockSize = Int(parts[2]), let parallelism = Int(parts[3]),
            rounds <= 1 << 20, blockSize <= 32, parallelism <= 4,
            let salt = Data(base64Encoded: parts[4]), let key = Data(base64Encoded: parts[5]),
            let derived = try? derive(password, salt: Array(salt), rounds: rounds, blockSize: blockSize, parallelism: parallelism)
        else { return false }
        return SecretText.constantTimeEqual(derived, Array(key))
    }

    static func check(_ password: String) throws {
        if password.count < minimumLength {
            throw WorkspaceError.weakPassword("it must have at least \(minimumLength) characters")
        }
        if password.utf8.count > maximumLength {
            throw WorkspaceError.weakPassword("it must have at most \(maximumLength) bytes")
        }
    }

    static func derive(_ password: String, salt: [UInt8], rounds: Int, blockSize: Int, parallelism: Int) throws -> [UInt8] {
        let key = try KDF.Scrypt.deriveKey(
            from: Array(password.utf8), salt: salt, outputByteCount: keyBytes, rounds: rounds, blockSize: blockSize,
            parallelism: parallelism)
        return key.withUnsafeBytes { Array($0) }
    }
}
