internal import ArgumentParser
internal import Foundation
internal import GreenAllocHistory
internal import GreenAllocReports

struct Show: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a recorded run's document, or write its outputs again from the history alone.",
        discussion: """
            Without --out: prints what the run printed on standard output (for a solve with --out and no \
            --format, its stored allocation.json), from the history alone.

            With --out DIR: writes the run's output files into DIR (created or replaced atomically). The history \
            keeps the run's input files, its allocation.json and the SHA-256 of every other document; show solves \
            the stored inputs again with the recorded command line in a temporary folder and writes the files \
            only when the new allocation.json and every document the run recorded are byte-identical to the \
            stored ones, so what it writes is the run's own output (run.json aside: it holds the timings of a \
            run, and is not written). A run that stopped on its time limit may not solve to the same plan again: \
            then only its stored allocation.json is written, and show says so.

            Exit codes: 0 written, 1 only allocation.json could be written, 64 unknown run or a run without \
            files to write, 65 a history that is not readable.
            """)

    @Argument(help: "The run's id (as `greenalloc history` lists it).")
    var run: Int64

    @Option(name: .long, help: "Write the run's output files into this directory.")
    var out: String?

    @OptionGroup var location: HistoryFileOption

    func execute(console: Console) throws -> Int32 {
        let database = try location.open()
        let recorded = try database.outputs(of: run)
        let stored = recorded.first { $0.path == "allocation.json" }
        guard let out else {
            guard let document = recorded.first(where: { $0.path == "stdout" }) ?? stored else {
                throw UsageError(message: "run \(run) printed no document")
            }
            console.out(String(decoding: try database.bytes(document.sha256), as: UTF8.self))
            return ExitStatus.success
        }
        let rerun = try HistoryRerun(database: database, id: run)
        guard ["solve", "compare", "sweep", "explain"].contains(rerun.run.command) else {
            throw UsageError(message: "run \(run) is a \(rerun.run.command), which writes no files; `greenalloc show \(run)` prints its document")
        }
        let folder = try HistoryRerun.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        console.error("greenalloc: rendering run \(run) again from its stored inputs\n")
        let result = try rerun.perform(in: folder, addOut: true, console: console)
        let differing = ReplayComparison(recorded: recorded, replayed: result.outputs).differing.filter { !$0.hasPrefix("stdout") && !$0.contains("written again only") }
        if differing.isEmpty, let outFolder = result.outFolder {
            var files: [String: [UInt8]] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: outFolder) where !HistoryRecordBuilder.skipped.contains(name) {
                files[name] = Array(try Data(contentsOf: URL(fileURLWithPath: outFolder + "/" + name)))
            }
            try OutputDirectory.write(files: files, to: out, cancellation: console.interruption)
            console.error("greenalloc: run \(run): \(files.count) files written → \(out)\n")
            return ExitStatus.success
        }
        guard let stored else {
            throw UsageError(message: "run \(run) does not render again to its recorded documents: " + differing.joined(separator: "; "))
        }
        try OutputDirectory.write(files: ["allocation.json": Array(try database.bytes(stored.sha256))], to: out, cancellation: console.interruption)
        console.error(
            "greenalloc: run \(run) (status \(rerun.run.status)) does not solve again to the same allocation; only its stored "
                + "allocation.json was written → \(out)\n")
        return ExitStatus.failure
    }
}
