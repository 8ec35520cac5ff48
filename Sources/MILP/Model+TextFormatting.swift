/// Helpers shared by the LP and MPS writers.
enum ModelText {
    /// Shortest round-trip text of a finite number; integral values up to 1e15 are written without ".0".
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    /// Name of the extra column fixed at 1 that carries the objective constant in LP and MPS text (neither
    /// GLPK reader accepts a constant term in the objective).
    static let objectiveConstantColumn = "obj_constant"
}

/// Hands out names that differ from every name already taken.
struct UniqueNames {
    private var taken: Set<String>

    init<Names: Sequence<String>>(taken names: Names) {
        taken = Set(names)
    }

    /// `preferred` if still free, otherwise `preferred_1`, `preferred_2`, …
    mutating func claim(_ preferred: String) -> String {
        var candidate = preferred
        var counter = 0
        while taken.contains(candidate) {
            counter += 1
            candidate = "\(preferred)_\(counter)"
        }
        taken.insert(candidate)
        return candidate
    }
}
