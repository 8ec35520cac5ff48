import Foundation
@testable import GreenAllocReports
import MILP
import Testing

@Suite final class OutputDirectoryTests {
    let sandbox: String

    init() throws {
        sandbox = NSTemporaryDirectory() + "greenalloc-outdir-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: sandbox, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: sandbox) }

    func files(_ version: String) -> [String: [UInt8]] {
        [
            "allocation.json": Array("{\"format\": \"greenalloc.allocation/1\", \"v\": \"\(version)\"}\n".utf8),
            "projects.csv": ProjectsCSV.withByteOrderMark("id\nP001\n"),
            "report.md": Array("# \(version)\n".utf8),
        ]
    }

    func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    func entries(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    @Test func writesANewDirectoryWithItsMarker() throws {
        let out = sandbox + "/out"
        try OutputDirectory.write(files: files("one"), to: out)
        #expect(entries(out) == [".greenalloc-output", "allocation.json", "projects.csv", "report.md"])
        #expect(contents(out + "/report.md") == "# one\n")
        #expect(entries(sandbox) == ["out"])
        #expect(OutputDirectory.isEarlierOutput(out))
    }

    @Test func writesIntoAnEmptyDirectory() throws {
        let out = sandbox + "/empty/"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try OutputDirectory.write(files: files("one"), to: out)
        #expect(contents(out + "report.md") == "# one\n")
        #expect(entries(sandbox) == ["empty"])
    }

    @Test func replacesAnEarlierOutput() throws {
        let out = sandbox + "/out"
        try OutputDirectory.write(files: files("one"), to: out)
        var second = files("two")
        second["report.md"] = nil
        second["bank-B01.csv"] = Array("x\n".utf8)
        try OutputDirectory.write(files: second, to: out)
        #expect(entries(out) == [".greenalloc-output", "allocation.json", "bank-B01.csv", "projects.csv"])
        #expect(contents(out + "/allocation.json")?.contains("two") == true)
        #expect(entries(sandbox) == ["out"])
    }

    @Test func recognisesAnEarlierOutputByItsAllocationJSON() throws {
        let out = sandbox + "/old"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Data("{\"format\": \"greenalloc.allocation/1\"}".utf8).write(to: URL(fileURLWithPath: out + "/allocation.json"))
        try OutputDirectory.write(files: files("two"), to: out)
        #expect(contents(out + "/report.md") == "# two\n")
    }

    @Test func refusesAForeignDirectoryAndLeavesItUntouched() throws {
        let out = sandbox + "/thesis"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Data("do not lose me".utf8).write(to: URL(fileURLWithPath: out + "/chapter1.docx"))
        try Data("{\"format\": \"something-else/1\"}".utf8).write(to: URL(fileURLWithPath: out + "/allocation.json"))
        #expect(throws: OutputDirectoryError.foreignDirectory(path: out, entries: ["allocation.json", "chapter1.docx"])) {
            try OutputDirectory.write(files: files("one"), to: out)
        }
        #expect(entries(out) == ["allocation.json", "chapter1.docx"])
        #expect(contents(out + "/chapter1.docx") == "do not lose me")
        #expect(entries(sandbox) == ["thesis"])
        let error = OutputDirectoryError.foreignDirectory(path: out, entries: ["chapter1.docx"])
        #expect(error.description.contains("refusing"))
    }

    @Test func refusesAFile() throws {
        let out = sandbox + "/file"
        try Data("x".utf8).write(to: URL(fileURLWithPath: out))
        #expect(throws: OutputDirectoryError.notADirectory(path: out)) {
            try OutputDirectory.write(files: files("one"), to: out)
        }
        #expect(contents(out) == "x")
    }

    @Test(arguments: ["", "..", "a/b", OutputDirectory.markerName])
    func refusesBadFileNames(_ name: String) throws {
        #expect(throws: OutputDirectoryError.invalidFileName(name)) {
            try OutputDirectory.write(files: [name: []], to: sandbox + "/out")
        }
        #expect(entries(sandbox).isEmpty)
    }

    @Test func aFailedWriteLeavesTheEarlierOutputIntact() throws {
        let out = sandbox + "/out"
        try OutputDirectory.write(files: files("one"), to: out)
        var broken = files("two")
        broken[String(repeating: "长", count: 100) + ".csv"] = Array("x".utf8)  // 300+ bytes: ENAMETOOLONG
        #expect(throws: OutputDirectoryError.self) { try OutputDirectory.write(files: broken, to: out) }
        #expect(contents(out + "/report.md") == "# one\n")
        #expect(entries(sandbox) == ["out"])
    }

    @Test(arguments: [OutputDirectory.FaultPoint.afterFilesWritten, .afterOldMovedAside])
    func anInjectedFailureLeavesTheEarlierOutputIntact(_ fault: OutputDirectory.FaultPoint) throws {
        let out = sandbox + "/out"
        try OutputDirectory.write(files: files("one"), to: out)
        #expect(throws: OutputDirectoryError.self) { try OutputDirectory.write(files: files("two"), to: out, fault: fault) }
        #expect(contents(out + "/report.md") == "# one\n")
        #expect(entries(out) == [".greenalloc-output", "allocation.json", "projects.csv", "report.md"])
        #expect(entries(sandbox) == ["out"])
    }

    @Test func theAtomicSwapReplacesAnEarlierOutputInOneStep() throws {
        let out = sandbox + "/out"
        try OutputDirectory.write(files: files("one"), to: out)
        let first = sandbox + "/first"
        try FileManager.default.createDirectory(atPath: first, withIntermediateDirectories: false)
        #expect(OutputDirectory.exchange(first, out))
        #expect(entries(out).isEmpty)
        #expect(entries(first).contains("report.md"))
        #expect(OutputDirectory.exchange(first, out))
        #expect(contents(out + "/report.md") == "# one\n")
    }

    /// The pid of a process that has exited.
    func deadProcessIdentifier() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func leftoversOfAKilledRunAreRemovedByTheNextRun() throws {
        let out = sandbox + "/out"
        try OutputDirectory.write(files: files("one"), to: out)
        let dead = try deadProcessIdentifier()
        // A run killed while writing: its temporary directory, with the marker and part of the files.
        let staleTemporary = sandbox + "/.out.tmp-\(dead)-abc"
        try OutputDirectory.write(files: ["report.md": Array("# half\n".utf8)], to: staleTemporary)
        // A run killed between the two renames of the fallback swap: the earlier output moved aside.
        let staleAside = sandbox + "/.out.old-\(dead)-def"
        try OutputDirectory.write(files: files("zero"), to: staleAside)
        // Not ours to remove: a live process's temporary directory, and a directory holding other files.
        let live = sandbox + "/.out.tmp-\(getpid())-ghi"
        try OutputDirectory.write(files: files("live"), to: live)
        let foreign = sandbox + "/.out.old-\(dead)-jkl"
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: false)
        try Data("notes".utf8).write(to: URL(fileURLWithPath: foreign + "/notes.txt"))

        try OutputDirectory.write(files: files("two"), to: out)
        #expect(contents(out + "/report.md") == "# two\n")
        #expect(entries(sandbox) == [".out.old-\(dead)-jkl", ".out.tmp-\(getpid())-ghi", "out"])
    }

    @Test func aCancelledWriteLeavesTheEarlierOutputAndNoTemporaryDirectory() throws {
        let out = sandbox + "/out"
        try OutputDirectory.write(files: files("one"), to: out)
        let flag = CancellationFlag()
        flag.cancel()
        #expect(throws: SolveInterrupted.self) { try OutputDirectory.write(files: files("two"), to: out, cancellation: flag) }
        #expect(contents(out + "/report.md") == "# one\n")
        #expect(entries(sandbox) == ["out"])
    }

    @Test func aFailureOnANewDirectoryLeavesNothing() throws {
        let out = sandbox + "/out"
        #expect(throws: OutputDirectoryError.self) {
            try OutputDirectory.write(files: files("one"), to: out, fault: .afterFilesWritten)
        }
        #expect(entries(sandbox).isEmpty)
    }
}

@Suite struct OutputFilesTests {
    @Test func standardFilesRoundTripThroughTheOutputDirectory() throws {
        let allocation = OutputFixtures.feasible
        let files = OutputFiles.standard(for: allocation)
        #expect(files.keys.sorted() == [
            "allocation.json", "projects.csv", "report.en.html", "report.en.md", "report.html", "report.md",
        ])
        let sandbox = NSTemporaryDirectory() + "greenalloc-files-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: sandbox) }
        try OutputDirectory.write(files: files, to: sandbox)
        #expect(OutputDirectory.isEarlierOutput(sandbox))
        let csv = try #require(FileManager.default.contents(atPath: sandbox + "/projects.csv"))
        #expect(Array(csv) == ProjectsCSV.bytes(allocation))
        #expect(OutputFiles.standard(for: allocation, language: .en)["report.en.md"] == nil)
        #expect(OutputFiles.standard(for: allocation, language: .en)["report.en.html"] == nil)
    }
}
