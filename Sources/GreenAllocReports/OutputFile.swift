import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One file written whole or not at all (`export-model`'s model): the bytes go to a hidden sibling
/// `.<name>.tmp-<pid>-<random>`, fsynced, then renamed over the destination. On failure the sibling is removed,
/// a file already at the destination stays as it was, and `OutputDirectoryError.system` says which step failed
/// (exit code 1: the inputs were fine, the destination was not).
public enum OutputFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let parent = OutputDirectory.parentPath(of: path)
        let name = OutputDirectory.lastComponent(of: path)
        let suffix = "\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
        let temporary = OutputDirectory.join(parent, ".\(name).tmp-\(suffix)")
        do {
            try OutputDirectory.writeFile(temporary, bytes: bytes)
        } catch OutputDirectoryError.system(_, _, let code) {
            // Named after the destination: the hidden sibling means nothing to the person who asked.
            unlink(temporary)
            throw OutputDirectoryError.system(operation: "write", path: path, errno: code)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw OutputDirectoryError.system(operation: "rename", path: path, errno: code)
        }
    }
}
