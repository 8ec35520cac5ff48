extension Duration {
    /// The duration in seconds.
    public var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

/// A clock that reads the seconds elapsed since this call (run timings, time budgets).
public func stopwatch() -> @Sendable () -> Double {
    let clock = ContinuousClock()
    let began = clock.now
    return { (clock.now - began).inSeconds }
}
