internal import ArgumentParser
internal import Foundation
internal import GreenAllocCore
internal import GreenAllocIO
internal import GreenAllocWhatIf
internal import MILPGLPK

/// Shared by compare, sweep and target: the clock, the runner over GLPK, and a terminal progress line.
enum WhatIfSupport {
    static func clock() -> @Sendable () -> Double {
        let clock = ContinuousClock()
        let began = clock.now
        return {
            let elapsed = clock.now - began
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        }
    }

    static func runner(_ inputs: ScenarioInputs, options: SolveOptions, tiebreak: Bool, console: Console) -> WhatIfRunner {
        var settings = RunSettings(
            scenario: inputs.scenario.solver, timeLimit: options.timeLimit, gap: options.gap,
            noTiebreak: options.noTiebreak || !tiebreak, solverLog: options.solverLog)
        if options.solverLog { settings.logHandler = { line in console.error(line) } }
        return WhatIfRunner(
            scenario: inputs.scenario, library: inputs.library, rules: inputs.rules, solver: GLPKSolver(),
            settings: settings, inputsSHA256: inputs.inputsSHA256)
    }

    /// A progress line on standard error, only when it is a terminal and the console is the real one.
    static func progress(console: Console, label: String) -> (@Sendable (Int, Int) -> Void)? {
        guard console === Console.standard, isatty(2) != 0 else { return nil }
        return { done, total in
            console.error("\r\(label): \(done)/\(total)" + (done == total ? "\n" : ""))
        }
    }
}

/// A scale written as a number (1.5) or a percentage (150%).
struct Scale: ExpressibleByArgument {
    var value: Double
    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("%") {
            guard let number = Double(text.dropLast()), number.isFinite else { return nil }
            value = number / 100
        } else {
            guard let number = Double(text), number.isFinite else { return nil }
            value = number
        }
    }
}

extension WhatIfError {
    var usage: UsageError { UsageError(message: message) }
}
