internal import Foundation
public import MILP

/// Where a command writes: standard output carries only the requested document; everything else (progress,
/// warnings, findings) goes to standard error. Tests pass a capturing console.
public final class Console: @unchecked Sendable {
    private let lock = NSLock()
    private let writeOut: @Sendable (String) -> Void
    private let writeError: @Sendable (String) -> Void
    /// Set by Ctrl-C (SIGINT) or SIGTERM: solves stop, nothing more is written, the exit code is 130.
    public let interruption: CancellationFlag

    public init(
        out: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void,
        interruption: CancellationFlag = CancellationFlag()
    ) {
        writeOut = out
        writeError = error
        self.interruption = interruption
    }

    public static let standard = Console(
        out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
        error: { text in FileHandle.standardError.write(Data(text.utf8)) })

    /// Writes to standard output, unless the run was interrupted: a document computed after Ctrl-C may be
    /// incomplete, so it is never printed.
    public func out(_ text: String) {
        if interruption.isCancelled { return }
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
        /// The flag every console of this capture shares (a test sets it to simulate Ctrl-C).
        public let interruption = CancellationFlag()
        public init() {}
        public var out: String { lock.withLock { outText } }
        public var error: String { lock.withLock { errorText } }
        public var console: Console {
            Console(
                out: { [self] text in lock.withLock { outText += text } },
                error: { [self] text in lock.withLock { errorText += text } }, interruption: interruption)
        }
    }
}
