internal import Foundation
public import MILP
internal import Synchronization

/// Where a command writes: standard output carries only the requested document; everything else (progress,
/// warnings, findings) goes to standard error. Tests pass a capturing console.
public final class Console: Sendable {
    /// Keeps the lines of concurrent writers whole.
    private let lock = Mutex<Void>(())
    private let writeOut: @Sendable (String) -> Void
    private let writeError: @Sendable (String) -> Void
    /// Set by Ctrl-C (SIGINT) or SIGTERM: solves stop, nothing more is written, the exit code is 130.
    public let interruption: CancellationFlag
    /// Whether runs are recorded in a history that `--history` does not name (GREENALLOC_HISTORY, or the
    /// nearest .greenalloc/history.sqlite): true for the standard console, false for a capturing one.
    public let implicitHistory: Bool

    public init(
        out: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void,
        interruption: CancellationFlag = CancellationFlag(), implicitHistory: Bool = false
    ) {
        writeOut = out
        writeError = error
        self.interruption = interruption
        self.implicitHistory = implicitHistory
    }

    public static let standard = Console(
        out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
        error: { text in FileHandle.standardError.write(Data(text.utf8)) }, implicitHistory: true)

    /// Writes to standard output, unless the run was interrupted: a document computed after Ctrl-C may be
    /// incomplete, so it is never printed.
    public func out(_ text: String) {
        if interruption.isCancelled { return }
        lock.withLock { _ in writeOut(text) }
    }

    public func error(_ text: String) {
        lock.withLock { _ in writeError(text) }
    }

    /// A console that keeps everything in memory (for tests).
    public final class Capture: Sendable {
        private let texts = Mutex<(out: String, error: String)>(("", ""))
        /// The flag every console of this capture shares (a test sets it to simulate Ctrl-C).
        public let interruption = CancellationFlag()
        public init() {}
        public var out: String { texts.withLock { $0.out } }
        public var error: String { texts.withLock { $0.error } }
        public var console: Console {
            Console(
                out: { [self] text in texts.withLock { $0.out += text } },
                error: { [self] text in texts.withLock { $0.error += text } }, interruption: interruption)
        }
    }
}
