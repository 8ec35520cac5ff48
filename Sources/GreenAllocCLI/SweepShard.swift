internal import ArgumentParser
internal import Foundation
internal import GreenAllocCore
internal import GreenAllocEngine
internal import GreenAllocInputs
internal import GreenAllocReports
internal import GreenAllocWhatIf

/// `sweep --independent` and `sweep --shard i/n`: each point solved on its own, and a slice of the points
/// written for `greenalloc merge`.
extension Sweep {
    func validateIndependent() throws {
        guard independent || shard != nil else { return }
        if cold { throw ValidationError("--independent solves every point cold already: leave out --cold") }
        guard shard != nil else { return }
        if out == nil { throw ValidationError("--shard writes its slice into --out DIR: give --out") }
        if format != nil || pdf { throw ValidationError("--shard writes only its slice; merge the slices with greenalloc merge") }
        if monotone { throw ValidationError("--monotone builds each level on the level below: it cannot be sharded; leave out --shard") }
    }

    /// The runner of an independent sweep (nil otherwise): the tie rule as the scenario says (off with
    /// --no-tiebreak), on with --tiebreak.
    func independentRunner(_ inputs: ScenarioInputs, console: Console) throws -> WhatIfRunner? {
        guard independent || shard != nil else { return nil }
        var runner = try WhatIfSupport.runner(inputs, options: options, tiebreak: true, console: console)
        if tiebreak { runner.settings.tiebreak = true }
        return runner
    }

    /// Solves the points of one slice and writes sweep.slice-i-of-n.json into --out.
    func sweepSlice(
        _ shard: ShardSpec, runner: WhatIfRunner, inputs: ScenarioInputs, scales: [Double], session: HistorySession,
        clock: @escaping @Sendable () -> Double
    ) throws -> Int32 {
        let console = session.console
        let indices = WhatIfRunner.sweepIndices(points: scales.count, shard: shard.index, of: shard.count)
        let sweep = try runner.independentSweep(
            fund: fund, scales: scales, indices: indices, clock: clock,
            progress: WhatIfSupport.progress(console: console, label: "greenalloc: sweep"))
        let settings = runner.settings
        let slice = SweepSlice(
            shard: shard.index, count: shard.count, inputsSHA256: inputs.inputsSHA256,
            options: "tiebreak=\(settings.tiebreak)|gap=\(settings.relativeGap)|time_limit=\(settings.timeLimit)|solver=\(settings.backend)",
            scales: scales, sweep: sweep, names: Self.projectNames(inputs), seconds: clock())
        let name = SweepSlice.fileName(shard: shard.index, of: shard.count)
        try OutputDirectory.write(files: [name: try slice.encoded()], to: out ?? ".", cancellation: console.interruption)
        console.error("greenalloc: slice \(shard.index)/\(shard.count): \(indices.count) points in \(String(format: "%.2f", clock())) s → \(out ?? ".")/\(name)\n")
        return session.finish(
            command: "sweep", inputs: [inputs], outcome: RunOutcome(status: "swept", settings: settings), out: out,
            code: ExitStatus.success)
    }
}

/// `greenalloc merge` of sweep slices: the files one `sweep --independent --out DIR` run writes.
enum SweepMerge {
    static func run(_ paths: [String], out: String, console: Console) throws -> Int32 {
        var slices: [(path: String, slice: SweepSlice)] = []
        for path in paths {
            do {
                slices.append((path, try SweepSlice.decoded(try Data(contentsOf: URL(fileURLWithPath: path)))))
            } catch {
                throw Merge.inputError(path, "not a readable sweep slice: \(error.localizedDescription)")
            }
        }
        let merged: (sweep: SweepResult, names: [ReportLanguage: ProjectNames], seconds: Double)
        do {
            merged = try SweepSlice.merge(slices)
        } catch {
            throw Merge.inputError(error.path ?? paths.first ?? out, error.description)
        }
        let files = try Sweep.files(merged.sweep, names: merged.names).files
        try OutputDirectory.write(files: files, to: out, cancellation: console.interruption)
        console.error("greenalloc: \(merged.sweep.points.count) points from \(slices.count) slices (\(String(format: "%.2f", merged.seconds)) s in all) → \(out)\n")
        return ExitStatus.success
    }
}
