/// Exit codes are API (SPEC §7): 0 solved, 64 usage, 65 input, 3 infeasible, 4 no solution in time, 1 other;
/// and 130 interrupted (Ctrl-C or SIGTERM: nothing written).
public enum ExitStatus {
    public static let success: Int32 = 0
    public static let failure: Int32 = 1
    public static let infeasible: Int32 = 3
    public static let noSolution: Int32 = 4
    public static let usage: Int32 = 64
    public static let input: Int32 = 65
    public static let interrupted: Int32 = 130
}
