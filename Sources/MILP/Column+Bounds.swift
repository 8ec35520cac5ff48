extension Column {
    /// Lower bound a solver should use: a binary column never goes below 0.
    public var effectiveLower: Double { kind == .binary ? max(lower, 0) : lower }
    /// Upper bound a solver should use: a binary column never goes above 1.
    public var effectiveUpper: Double { kind == .binary ? min(upper, 1) : upper }
}
