import Foundation
public import MILP
internal import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Musl)
private let systemWrite = Musl.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif

/// Why an output directory (or an output file) could not be written. The CLI maps every case to exit code 1
/// ("anything else"): the inputs were fine, the destination was not.
public enum OutputDirectoryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `--out` names a non-empty directory that is not an earlier greenalloc output; nothing was changed.
    case foreignDirectory(path: String, entries: [String])
    /// `--out` names something that is not a directory.
    case notADirectory(path: String)
    /// A file name that is empty, `.`/`..`, contains `/` or NUL, or is the marker's name.
    case invalidFileName(String)
    /// A system call failed; the earlier output, if any, is intact.
    case system(operation: String, path: String, errno: Int32)

    public var description: String {
        switch self {
        case .foreignDirectory(let path, let entries):
            let shown = entries.prefix(5).joined(separator: ", ") + (entries.count > 5 ? ", …" : "")
            return "refusing to write into \(path): it is not empty (\(shown)) and is not an earlier greenalloc "
                + "output (no \(OutputDirectory.markerName) marker, no greenalloc allocation.json); "
                + "choose an empty or new directory"
        case .notADirectory(let path):
            return "cannot write output to \(path): it exists and is not a directory"
        case .invalidFileName(let name):
            return "invalid output file name \"\(name)\""
        case .system(let operation, let path, let code):
            return "\(operation) \(path) failed: \(String(cString: strerror(code))); the earlier output is unchanged"
        }
    }
}

/// Writes a run's output directory so that it appears complete or not at all (scenario-format §13).
///
/// - A directory that exists must be empty or an earlier greenalloc output, recognised by the
///   `.greenalloc-output` marker this type writes, or by an `allocation.json` whose `format` starts with
///   `greenalloc.allocation/`. Anything else is refused untouched (`OutputDirectoryError.foreignDirectory`).
/// - The files go to a fresh sibling directory `.<name>.tmp-<pid>-<random>`, each fsynced, with the marker.
/// - Swap: a missing or empty destination is replaced by one `rename` (atomic). An earlier output is
///   renamed aside to `.<name>.old-<pid>-<random>`, the new directory renamed into place, then the old one
///   removed; if the second rename fails the old one is renamed back.
/// - On any failure the temporary directory is removed and the earlier output stays as it was. Only
///   directories this type created or recognised as greenalloc output are ever removed.
public enum OutputDirectory {
    public static let markerName = ".greenalloc-output"

    /// Test hook: where to fail on purpose.
    enum FaultPoint: Sendable { case afterFilesWritten, afterOldMovedAside }

    /// Writes `files` into `directory`. With `cancellation` set before the swap, the new files are removed and
    /// `SolveInterrupted` is thrown: the destination is left as it was. `last`, when given, is one more file
    /// whose bytes are made only after every other file is written (run.json, which records how long that took).
    public static func write(
        files: [String: [UInt8]], to directory: String, cancellation: CancellationFlag? = nil,
        last: (name: String, bytes: () -> [UInt8])? = nil
    ) throws {
        try write(files: files, to: directory, fault: nil, cancellation: cancellation, last: last)
    }

    static func write(
        files: [String: [UInt8]], to directory: String, fault: FaultPoint?, cancellation: CancellationFlag? = nil,
        last: (name: String, bytes: () -> [UInt8])? = nil
    ) throws {
        if cancellation?.isCancelled == true { throw SolveInterrupted() }
        for name in files.keys where !isValidFileName(name) { throw OutputDirectoryError.invalidFileName(name) }
        if let last, !isValidFileName(last.name) || files[last.name] != nil {
            throw OutputDirectoryError.invalidFileName(last.name)
        }
        let destination = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let existing = try inspect(destination)
        let parent = parentPath(of: destination)
        let base = lastComponent(of: destination)
        let suffix = "\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
        let temporary = join(parent, ".\(base).tmp-\(suffix)")

        // `--out out/baseline` creates `out/` when it is missing (like `mkdir -p`).
        if !parent.isEmpty, !FileManager.default.fileExists(atPath: parent) {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw OutputDirectoryError.system(operation: "mkdir", path: parent, errno: errno)
            }
        }
        guard mkdir(temporary, 0o755) == 0 else {
            throw OutputDirectoryError.system(operation: "mkdir", path: temporary, errno: errno)
        }
        inProgress.withLock { _ = $0.insert(temporary) }
        defer { inProgress.withLock { _ = $0.remove(temporary) } }
        do {
            var marker = "greenalloc output directory: written by greenalloc, replaced on each run.\n"
            marker += "Files: " + (Array(files.keys) + (last.map { [$0.name] } ?? [])).sorted().joined(separator: ", ") + "\n"
            try writeFile(join(temporary, markerName), bytes: Array(marker.utf8))
            for name in files.keys.sorted() {
                try writeFile(join(temporary, name), bytes: files[name] ?? [])
            }
            if let last { try writeFile(join(temporary, last.name), bytes: last.bytes()) }
            try syncDirectory(temporary)
            if fault == .afterFilesWritten {
                throw OutputDirectoryError.system(operation: "write (injected)", path: temporary, errno: EIO)
            }
            if cancellation?.isCancelled == true { throw SolveInterrupted() }
        } catch {
            removeTree(temporary)
            throw error
        }

        try place(temporary, at: destination, existing: existing, aside: join(parent, ".\(base).old-\(suffix)"), fault: fault)
        try? syncDirectory(parent)
        removeStaleSiblings(parent: parent, base: base)
    }

    /// Moves the written `temporary` directory to `destination`: a rename over a missing or empty one, an atomic
    /// exchange with an earlier output, or (where exchange is unsupported) two renames through `aside`, with the
    /// earlier output renamed back on failure.
    private static func place(
        _ temporary: String, at destination: String, existing: Existing, aside: String, fault: FaultPoint?
    ) throws {
        switch existing {
        case .missing, .empty:
            // rename(2) replaces an empty directory atomically.
            guard rename(temporary, destination) == 0 else {
                let code = errno
                removeTree(temporary)
                throw OutputDirectoryError.system(operation: "rename", path: destination, errno: code)
            }
        case .earlierOutput where fault == nil && exchange(temporary, destination):
            // One atomic step: the destination now holds the new files, `temporary` the earlier output.
            removeTree(temporary)
        case .earlierOutput:
            // File systems without RENAME_EXCHANGE: two renames, with the earlier output renamed back on failure.
            guard rename(destination, aside) == 0 else {
                let code = errno
                removeTree(temporary)
                throw OutputDirectoryError.system(operation: "rename", path: destination, errno: code)
            }
            var code: Int32 = 0
            if fault == .afterOldMovedAside {
                code = EIO
            } else if rename(temporary, destination) != 0 {
                code = errno
            }
            if code != 0 {
                _ = rename(aside, destination)
                removeTree(temporary)
                throw OutputDirectoryError.system(operation: "rename", path: temporary, errno: code)
            }
            removeTree(aside)
        }
    }

    /// Swaps two directories atomically (Linux `renameat2(…, RENAME_EXCHANGE)`); false where unsupported.
    static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameAt2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameAt2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
        #else
        return false
        #endif
    }

    /// Removes `.<base>.tmp-<pid>-…` and `.<base>.old-<pid>-…` left by a greenalloc process that was killed
    /// (its pid no longer runs) — only when they hold greenalloc output or nothing.
    static func removeStaleSiblings(parent: String, base: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries {
            guard entry.hasPrefix(".\(base).tmp-") || entry.hasPrefix(".\(base).old-") else { continue }
            var rest = entry.dropFirst(base.count + 6)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]), pid > 0 else { continue }
            rest = rest[rest.index(after: dash)...]
            guard !rest.isEmpty, kill(pid, 0) != 0, errno == ESRCH else { continue }
            let path = join(parent, entry)
            let inside = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            if inside.isEmpty || isEarlierOutput(path, entries: inside) { removeTree(path) }
        }
    }

    /// Temporary directories being filled right now (removed by `removeDirectoriesInProgress`).
    private static let inProgress = Mutex<Set<String>>([])

    /// Removes the temporary directories of writes still in progress: for a process about to stop at once
    /// (a second Ctrl-C). Destinations are not touched.
    public static func removeDirectoriesInProgress() {
        for path in inProgress.withLock({ $0 }) { removeTree(path) }
    }

    enum Existing { case missing, empty, earlierOutput }

    /// What is at `path` now; throws when it must not be replaced.
    static func inspect(_ path: String) throws -> Existing {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        guard isDirectory.boolValue else { throw OutputDirectoryError.notADirectory(path: path) }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw OutputDirectoryError.system(operation: "list", path: path, errno: EACCES)
        }
        if entries.isEmpty { return .empty }
        if isEarlierOutput(path, entries: entries) { return .earlierOutput }
        throw OutputDirectoryError.foreignDirectory(path: path, entries: entries)
    }

    /// The marker file, or an allocation.json whose `format` starts with `greenalloc.allocation/`.
    public static func isEarlierOutput(_ path: String) -> Bool {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return isEarlierOutput(path, entries: entries)
    }

    static func isEarlierOutput(_ path: String, entries: [String]) -> Bool {
        if entries.contains(markerName) { return true }
        guard entries.contains("allocation.json"),
            let data = FileManager.default.contents(atPath: join(path, "allocation.json")),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let format = object["format"] as? String
        else { return false }
        return format.hasPrefix("greenalloc.allocation/")
    }

    static func isValidFileName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && name != markerName && !name.contains("/")
            && !name.contains("\0")
    }

    static func writeFile(_ path: String, bytes: [UInt8]) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw OutputDirectoryError.system(operation: "create", path: path, errno: errno) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputDirectoryError.system(operation: "write", path: path, errno: errno)
            }
            offset += written
        }
        guard fsync(descriptor) == 0 else { throw OutputDirectoryError.system(operation: "fsync", path: path, errno: errno) }
    }

    private static func syncDirectory(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { throw OutputDirectoryError.system(operation: "open", path: path, errno: errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw OutputDirectoryError.system(operation: "fsync", path: path, errno: errno) }
    }

    /// Removes a directory this type created (the temporary one, or the earlier output moved aside). The
    /// files that identify greenalloc output (allocation.json, then the marker) go last, so that a process
    /// killed halfway leaves a directory the next run still recognises, and removes.
    private static func removeTree(_ path: String) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let last = [markerName, "allocation.json"]
        for entry in entries where !last.contains(entry) { try? FileManager.default.removeItem(atPath: join(path, entry)) }
        for entry in last.reversed() where entries.contains(entry) { unlink(join(path, entry)) }
        try? FileManager.default.removeItem(atPath: path)
    }

    static func parentPath(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func lastComponent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
