internal import Foundation

/// Where a command writes: standard output carries only the requested document; everything else (progress,
/// warnings, findings) goes to standard error. Tests pass a capturing console.
public final class Console: @unchecked Sendable {
    private let lock = NSLock()
    private let writeOut: @Sendable (String) -> Void
    private let writeError: @Sendable (String) -> Void

    public init(out: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void) {
        writeOut = out
        writeError = error
    }

    public static let standard = Console(
        out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
        error: { text in FileHandle.standardError.write(Data(text.utf8)) })

    public func out(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        writeOut(text)
    }

    public func error(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        writeError(text)
    }

    /// A console that keeps everything in memory (for tests).
    public final class Capture: @unchecked Sendable {
        private let lock = NSLock()
        private var outText = ""
        private var errorText = ""
        public init() {}
        public var out: String { lock.withLock { outText } }
        public var error: String { lock.withLock { errorText } }
        public var console: Console {
            Console(
                out: { [self] text in lock.withLock { outText += text } },
                error: { [self] text in lock.withLock { errorText += text } })
        }
    }
}
