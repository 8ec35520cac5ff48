internal import ArgumentParser
internal import Foundation
internal import GreenAllocHistory

struct Replay: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a recorded run again from the history's stored inputs and check that its outputs are byte-identical.",
        discussion: """
            Writes the run's stored input files into a temporary folder, runs its command line again on them \
            (its output folder, if any, redirected there too), and compares every document the two runs wrote: \
            allocation.json, the files of the output folder (run.json aside: it holds timings) and what was \
            printed on standard output. A run that stopped on its time limit before proving its plan optimal \
            cannot be reproduced byte for byte (another run may stop elsewhere): for it the objective and the \
            plan (each project's subsidy per year) are compared. Nothing outside the temporary folder is written.

            Exit codes: 0 reproduced, 1 not reproduced (the differences are listed), 64 unknown run, 65 a history \
            that is not readable.
            """)

    @Argument(help: "The run's id (as `greenalloc history` lists it).")
    var run: Int64

    @OptionGroup var location: HistoryFileOption

    func execute(console: Console) throws -> Int32 {
        let database = try location.open()
        let rerun = try HistoryRerun(database: database, id: run)
        let folder = try HistoryRerun.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        console.error("greenalloc: replaying run \(run) (\(rerun.run.command) 「\(rerun.run.scenario)」, \(rerun.inputs.count) input files)\n")
        let result = try rerun.perform(in: folder, addOut: false, console: console)
        let recorded = try database.outputs(of: run)
        let comparison = ReplayComparison(recorded: recorded, replayed: result.outputs)
        if comparison.differing.isEmpty {
            console.out("run \(run) reproduced: \(recorded.count) document\(recorded.count == 1 ? "" : "s") byte-identical (\(recorded.map(\.path).joined(separator: ", ")))\n")
            return ExitStatus.success
        }
        var text = ""
        if ReplayComparison.stoppedEarly(rerun.run.status) {
            text += "run \(run) stopped before proving its plan optimal (status \(rerun.run.status)): it cannot be reproduced byte for byte.\n"
            let plans = try comparison.plans(recorded: database, replayed: result.replayHistory)
            text += "objective: recorded \(rerun.run.objective.map(formatObjective) ?? "none"), again \(result.run.objective.map(formatObjective) ?? "none")\n"
            text += plans.same ? "plan: the same (every project's subsidy per year)\n" : "plan: differs for \(plans.differing.joined(separator: ", "))\n"
            console.out(text)
            return plans.same && rerun.run.objective == result.run.objective ? ExitStatus.success : ExitStatus.failure
        }
        text += "run \(run) NOT reproduced: \(comparison.differing.count) of \(recorded.count) documents differ:\n"
        for line in comparison.differing { text += "  - \(line)\n" }
        if result.run.exitCode != rerun.run.exitCode {
            text += "exit code: recorded \(rerun.run.exitCode), again \(result.run.exitCode)\n" + result.standardError
        }
        console.out(text)
        return ExitStatus.failure
    }

    func formatObjective(_ value: Double) -> String { String(format: "%.6f", value) }
}

/// The documents of a recorded run beside those of its replay.
struct ReplayComparison {
    var recorded: [StoredFile]
    var replayed: [StoredFile]

    /// One line per document that is missing on either side or whose bytes differ.
    var differing: [String] {
        let again = Dictionary(replayed.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var lines: [String] = []
        for file in recorded {
            guard let other = again[file.path] else {
                lines.append("\(file.path): not written again")
                continue
            }
            if other.sha256 != file.sha256 { lines.append("\(file.path): \(file.size) bytes recorded, \(other.size) bytes again, different content") }
        }
        let names = Set(recorded.map(\.path))
        for file in replayed where !names.contains(file.path) { lines.append("\(file.path): written again only") }
        return lines
    }

    /// Whether a status says the solve stopped before proving optimality (a time limit).
    static func stoppedEarly(_ status: String) -> Bool {
        let words = status.split(whereSeparator: { ",; ".contains($0) })
        return words.contains("feasible") || words.contains("no_solution")
    }

    /// Compares the plans of the two allocation.json documents: each project's subsidy per year.
    func plans(recorded: HistoryDatabase, replayed: HistoryDatabase) throws -> (same: Bool, differing: [String]) {
        func plan(_ files: [StoredFile], _ database: HistoryDatabase) throws -> [String: String] {
            guard let file = files.first(where: { $0.path == "allocation.json" }) else { return [:] }
            return AllocationPlan.subsidies(try database.bytes(file.sha256))
        }
        let before = try plan(self.recorded, recorded)
        let after = try plan(self.replayed, replayed)
        let differing = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
        return (differing.isEmpty, differing)
    }
}

/// Each project's subsidy per year as allocation.json gives it (id → canonical text of its `subsidy` map).
enum AllocationPlan {
    static func subsidies(_ bytes: Data) -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any],
            let projects = object["projects"] as? [[String: Any]]
        else { return [:] }
        var result: [String: String] = [:]
        for project in projects {
            guard let id = project["id"] as? String else { continue }
            let subsidy = project["subsidy"].flatMap { try? JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]) }
            result[id] = subsidy.map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        return result
    }
}
