public import ArgumentParser
internal import Foundation
internal import GreenAllocCore
internal import GreenAllocIO
internal import MILP

struct ExportModel: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-model",
        abstract: "Write the integer program that `solve` solves first, as CPLEX LP or free MPS text.")

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "Write CPLEX LP text to this file (read by `glpsol --lp`).")
    var lp: String?

    @Option(name: .long, help: "Write free MPS text to this file (read by `glpsol --freemps`).")
    var mps: String?

    func validate() throws {
        if (lp == nil) == (mps == nil) { throw ValidationError("give exactly one of --lp FILE or --mps FILE") }
    }

    func execute(console: Console) throws -> Int32 {
        let inputs = try loadInputs(scenario, console: console)
        let compiled = Compiler(scenario: inputs.scenario, library: inputs.library, rules: inputs.rules).compile()
        try compiled.model.validate()
        let text = lp != nil ? compiled.model.lpText() : compiled.model.mpsText()
        let path = lp ?? mps ?? ""
        try writeAtomically(text, to: path)
        console.error("greenalloc: wrote \(compiled.model.rowCount) rows, \(compiled.model.columnCount) columns, \(compiled.model.nonzeroCount) nonzeros to \(path)\n")
        return ExitStatus.success
    }
}

/// Writes a file whole or not at all (written aside, then renamed into place).
func writeAtomically(_ text: String, to path: String) throws {
    let temporary = path + ".tmp-\(getpid())"
    guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
        throw UsageError(message: "cannot write '\(path)'")
    }
    if rename(temporary, path) != 0 {
        try? FileManager.default.removeItem(atPath: temporary)
        throw UsageError(message: "cannot write '\(path)'")
    }
}
