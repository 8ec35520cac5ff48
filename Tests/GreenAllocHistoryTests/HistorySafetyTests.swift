import Foundation
import GRDB
import GreenAllocHistory
import Testing

@Suite struct HistorySafetyTests {
    /// A file that is not SQLite is refused as damaged and left byte for byte.
    @Test func aCorruptFileIsRefusedAndLeftAsItIs() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("history.sqlite")
        let junk = Data("these are not the bytes of a database\n".utf8)
        try junk.write(to: URL(fileURLWithPath: path))
        #expect(throws: HistoryError.corrupt(path: path, detail: "not an SQLite database")) {
            try HistoryDatabase(path: path, create: true)
        }
        #expect(FileManager.default.contents(atPath: path) == junk)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["history.sqlite"])
    }

    /// A real database damaged in its pages: the error says so, the file is not rewritten.
    @Test func aDamagedDatabaseIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("history.sqlite")
        do {
            let database = try HistoryDatabase(path: path, create: true)
            for _ in 0..<3 { try database.record(sampleRun()) }
            try DatabaseQueue(path: path).writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        }
        var bytes = try #require(FileManager.default.contents(atPath: path))
        for index in 100..<min(bytes.count, 4096) { bytes[index] = 0xA5 }
        try bytes.write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: HistoryError.self) { try HistoryDatabase(path: path, create: true) }
        #expect(error?.isInputError == true, "\(String(describing: error))")
        #expect(FileManager.default.contents(atPath: path) == bytes)
    }

    /// A database with a migration this version does not know is refused before anything is written.
    @Test func aNewerSchemaIsRefusedAndLeftUnchanged() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("history.sqlite")
        do {
            let database = try HistoryDatabase(path: path, create: true)
            try database.record(sampleRun())
        }
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')") }
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
        let before = try #require(FileManager.default.contents(atPath: path))
        #expect(throws: HistoryError.newerSchema(path: path, migrations: ["v9-from-the-future"])) {
            try HistoryDatabase(path: path, create: true)
        }
        #expect(FileManager.default.contents(atPath: path) == before)
    }

    /// A reopened database keeps its runs, and its tables are the first schema's.
    @Test func aReopenedDatabaseKeepsItsRuns() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("history.sqlite")
        let first = try HistoryDatabase(path: path, create: true)
        let id = try first.record(sampleRun())
        let reopened = try HistoryDatabase(path: path, create: false)
        #expect(try reopened.run(id).scenario == "基线")
        let tables = try DatabaseQueue(path: path).read {
            try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
        #expect(tables == [
            "bank_access", "bank_token", "blob", "grdb_migrations", "job", "office_session", "office_user", "publication",
            "published_list", "run", "run_input", "run_output",
        ])
    }

    /// Two writers on separate connections at once: every run of both is recorded.
    @Test func twoWritersAtOnceBothSucceed() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("history.sqlite")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    let database = try HistoryDatabase(path: path, create: true)
                    for step in 0..<10 { try database.record(sampleRun(table: "id\n\(writer)-\(step)\n")) }
                }
            }
            try await group.waitForAll()
        }
        let database = try HistoryDatabase(path: path, create: false)
        #expect(try database.runs().count == 20)
        #expect(try database.integrityCheck() == ["ok"])
    }

    @Test func theLocationFollowsOptionThenVariableThenNearestFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let deep = folder.url.appendingPathComponent("a/b").path
        try FileManager.default.createDirectory(atPath: deep, withIntermediateDirectories: true)
        #expect(HistoryLocation.resolve(option: "x.sqlite", environment: ["GREENALLOC_HISTORY": "y"], startFolder: deep)
            == HistoryLocation(path: "x.sqlite", named: true))
        #expect(HistoryLocation.resolve(option: nil, environment: ["GREENALLOC_HISTORY": "y"], startFolder: deep)
            == HistoryLocation(path: "y", named: true))
        let fresh = HistoryLocation.resolve(option: nil, environment: [:], startFolder: deep)
        #expect(fresh.path.hasSuffix("/a/b/.greenalloc/history.sqlite") && !fresh.named)
        let upper = folder.url.appendingPathComponent("a/.greenalloc/history.sqlite").path
        _ = try HistoryDatabase(path: upper, create: true)
        #expect(HistoryLocation.resolve(option: nil, environment: [:], startFolder: deep).path.hasSuffix("/a/.greenalloc/history.sqlite"))
    }
}
