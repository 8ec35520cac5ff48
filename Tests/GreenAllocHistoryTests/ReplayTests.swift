import Foundation
import GRDB
import GreenAllocHistory
import Testing

@Suite struct ReplayTests {
    /// A run recorded as stopped before proving optimality whose stored plan differs from the one solved again:
    /// replay says it cannot be reproduced byte for byte and names the projects whose subsidy differs.
    @Test func aRunStoppedEarlyIsComparedByObjectiveAndPlan() throws {
        let fixture = try HistoryFixture()
        defer { fixture.folder.remove() }
        #expect(fixture.run(["solve", fixture.path("base.yaml"), "--format", "json", "--history", fixture.history]).code == 0)
        let database = try HistoryDatabase(path: fixture.history, create: false)
        let stored = try #require(try database.outputs(of: 1).first { $0.path == "allocation.json" })
        let original = String(decoding: try database.bytes(stored.sha256), as: UTF8.self)
        // The stored plan names another project than the one solved again (as a search stopped elsewhere might).
        let altered = Data(original.replacingOccurrences(of: "\"P2\"", with: "\"P2x\"").utf8)
        let sha256 = StoredBytes.sha256(altered)
        let queue = try DatabaseQueue(path: fixture.history)
        try queue.write { db in
            try db.execute(sql: "UPDATE run SET status = 'feasible'")
            try db.execute(
                sql: "INSERT INTO blob (sha256, size, compression, bytes) VALUES (?, ?, 'none', ?)",
                arguments: [sha256, altered.count, altered])
            try db.execute(sql: "UPDATE run_output SET sha256 = ?, size = ? WHERE name = 'allocation.json'", arguments: [sha256, altered.count])
        }
        try queue.close()
        let replayed = fixture.run(["replay", "1", "--history", fixture.history])
        #expect(replayed.code == 1)
        #expect(replayed.out.contains("cannot be reproduced byte for byte"), "\(replayed.out)")
        #expect(replayed.out.contains("plan: differs for P2, P2x"), "\(replayed.out)")
    }

    /// The recorded command line is run on the stored inputs, not on the files as they are now.
    @Test func replayUsesTheStoredInputsNotTheCurrentFiles() throws {
        let fixture = try HistoryFixture()
        defer { fixture.folder.remove() }
        #expect(fixture.run(["solve", fixture.path("variant.yaml"), "--format", "csv", "--history", fixture.history]).code == 0)
        try fixture.write("data/projects.csv", HistoryFixture.projects.replacingOccurrences(of: ",60,,60", with: ",10,,60"))
        try FileManager.default.removeItem(atPath: fixture.path("base.yaml"))
        let replayed = fixture.run(["replay", "1", "--history", fixture.history])
        #expect(replayed.code == 0, "\(replayed.out) \(replayed.error)")
        #expect(replayed.out.hasPrefix("run 1 reproduced"))
    }
}
