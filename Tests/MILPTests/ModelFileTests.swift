import Foundation
import MILP
import MILPGLPK
import TestSupport
import Testing

/// `glpsol` reads our LP and MPS text and finds the in-process optimum.
@Suite struct ModelFileTests {
    static let glpsolPath = ["/usr/bin/glpsol", "/usr/local/bin/glpsol"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static var models: [Model] {
        [KnownOptima.knapsack.model, KnownOptima.equalityRows.model, KnownOptima.freeVariables.model,
         KnownOptima.rangedRows.model, RandomModels.small(seed: 3), RandomModels.small(seed: 11)]
    }

    /// Runs glpsol on `text` and returns the objective from its report.
    func glpsolObjective(_ text: String, format: String) throws -> Double? {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("milp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("model.txt")
        let output = directory.appendingPathComponent("solution.txt")
        try text.write(to: input, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.glpsolPath))
        process.arguments = [format, input.path, "-o", output.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let report = try String(contentsOf: output, encoding: .utf8)
        guard let line = report.split(separator: "\n").first(where: { $0.hasPrefix("Objective:") }),
            let equals = line.firstIndex(of: "=")
        else { return nil }
        return Double(line[line.index(after: equals)...].split(separator: " ").first ?? "")
    }

    @Test(.enabled(if: glpsolPath != nil, "glpsol is not installed (CI installs glpk-utils)"))
    func glpsolReadsLPTextWithTheSameOptimum() throws {
        var compared = 0
        for model in Self.models {
            let inProcess = try GLPKSolver().solve(model, parameters: SolverParameters())
            guard inProcess.termination == .optimal else { continue }
            let fromFile = try glpsolObjective(model.lpText(), format: "--lp")
            #expect(relativelyEqual(fromFile, inProcess.objective), "\(model.name)\n\(model.lpText())")
            compared += 1
        }
        #expect(compared >= 4, "the four catalogue models have optima to compare")
    }

    @Test(.enabled(if: glpsolPath != nil, "glpsol is not installed (CI installs glpk-utils)"))
    func glpsolReadsFreeMPSWithTheSameOptimum() throws {
        var compared = 0
        for model in Self.models {
            let inProcess = try GLPKSolver().solve(model, parameters: SolverParameters())
            guard inProcess.termination == .optimal, let objective = inProcess.objective else { continue }
            // glpsol minimizes MPS: a maximization was written negated.
            let expected = model.sense == .maximize ? -objective : objective
            let fromFile = try glpsolObjective(model.mpsText(), format: "--freemps")
            #expect(relativelyEqual(fromFile, expected), "\(model.name)\n\(model.mpsText())")
            compared += 1
        }
        #expect(compared >= 4, "the four catalogue models have optima to compare")
    }

    @Test func lpTextIsDeterministic() {
        for model in Self.models { #expect(model.lpText() == model.lpText()) }
    }

    @Test func goldenLPTextOfRangedRowsModel() {
        let expected = """
            \\ Model: ranged_rows
            Maximize
             obj: + 3 x + 2 y + 1 obj_constant
            Subject To
             total_lo: + 1 x + 1 y >= 2
             total_hi: + 1 x + 1 y <= 4
             balance_lo: + 1 x - 1 y >= -1
             balance_hi: + 1 x - 1 y <= 1
            Bounds
             0 <= x <= 10
             0 <= y <= 10
             obj_constant = 1
            General
             x y
            End

            """
        #expect(KnownOptima.rangedRows.model.lpText() == expected)
    }

    @Test func lpTextEscapesNamesTheReaderWouldMisread() {
        var model = Model(name: "names", sense: .minimize)
        model.addColumn("free", lower: -.infinity, upper: .infinity, objective: 1)
        model.addColumn("2x", kind: .binary)
        model.addRow("st", terms: [Term(0, 1), Term(1, 0.5)], lower: -1.25)
        let text = model.lpText()
        #expect(text.contains(" st:") == false)
        #expect(text.contains("_st: + 1 _free + 0.5 _2x >= -1.25"))
        #expect(text.contains(" -inf <= _free <= +inf"))
        #expect(text.contains("Binary\n _2x\n"))
    }
}
