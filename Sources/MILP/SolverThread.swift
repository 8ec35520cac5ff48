#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif
internal import Synchronization

/// A closure run on a dedicated OS thread (8 MiB of stack), whose result one waiter collects, with or without
/// a timeout. The one threading idiom of the code base: the watchdog runs a solve on one, the what-if runs
/// spread their solves over several.
///
/// GLPK's environment is thread-local, so a solve must create, solve and delete its problem on one thread:
/// give each thread whole solves (`Solver.solve` is synchronous and does exactly that). When no thread can be
/// created, the closure runs at once on the calling thread, so it still runs on a single thread.
///
/// A thread whose waiter stopped waiting (a timeout) finishes on its own and frees what it holds.
public final class SolverThread<Value: Sendable>: Sendable {
    private let work: @Sendable () -> Value
    private let outcome = Mutex<Value?>(nil)
    #if canImport(Glibc) || canImport(Musl)
    /// Posted once, when `outcome` is set (a C object: its address must not move).
    private nonisolated(unsafe) let semaphore: UnsafeMutablePointer<sem_t>
    #endif

    /// Starts `work` on a new thread.
    public init(_ work: @escaping @Sendable () -> Value) {
        self.work = work
        #if canImport(Glibc) || canImport(Musl)
        semaphore = .allocate(capacity: 1)
        sem_init(semaphore, 0, 0)
        #endif
        if !start() { run() }
    }

    deinit {
        #if canImport(Glibc) || canImport(Musl)
        sem_destroy(semaphore)
        semaphore.deallocate()
        #endif
    }

    /// Runs `work(index)` for each index in `0..<count`, each on its own thread, and returns the results in
    /// index order once all have finished.
    public static func all(_ count: Int, _ work: @escaping @Sendable (Int) -> Value) -> [Value] {
        let threads = (0..<count).map { index in SolverThread { work(index) } }
        return threads.map { $0.wait() }
    }

    /// The result, waiting for it as long as it takes.
    public func wait() -> Value {
        while true {
            if let value = wait(timeout: 1) { return value }
        }
    }

    /// The result, or nil when it is not there within `seconds`.
    public func wait(timeout seconds: Double) -> Value? {
        if let done = outcome.withLock({ $0 }) { return done }
        #if canImport(Glibc) || canImport(Musl)
        let nanoseconds = Int((Swift.max(0, Swift.min(seconds, 1e6)) * 1e9).rounded())
        var deadline = timespec()
        clock_gettime(CLOCK_REALTIME, &deadline)
        deadline.tv_nsec += nanoseconds % 1_000_000_000
        deadline.tv_sec += nanoseconds / 1_000_000_000 + deadline.tv_nsec / 1_000_000_000
        deadline.tv_nsec %= 1_000_000_000
        while sem_timedwait(semaphore, &deadline) != 0, errno == EINTR {}
        #else
        var waited = 0.0
        while waited < seconds, outcome.withLock({ $0 == nil }) {
            usleep(1_000)
            waited += 0.001
        }
        #endif
        return outcome.withLock { $0 }
    }

    /// Creates the detached thread; false when none could be created.
    private func start() -> Bool {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 8 << 20)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        let context = Unmanaged.passRetained(ThreadEntry { self.run() }).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let created = pthread_create(&thread, &attributes, { context in
            guard let context else { return nil }
            Unmanaged<ThreadEntry>.fromOpaque(context).takeRetainedValue().body()
            return nil
        }, context)
        if created != 0 { Unmanaged<ThreadEntry>.fromOpaque(context).release() }
        return created == 0
    }

    private func run() {
        let result = work()
        outcome.withLock { $0 = result }
        #if canImport(Glibc) || canImport(Musl)
        sem_post(semaphore)
        #endif
    }
}

/// What a new thread runs (not generic: a C function pointer cannot capture a generic parameter).
private final class ThreadEntry: Sendable {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}
