import Foundation
import GRDB
import GreenAllocHistory
import GreenAllocWorkspace
import Testing
import WorkspaceTestSupport

/// The access log's group-committing writer: every entry of every caller is in the database when its call
/// returns; an entry whose transaction fails makes its call throw.
@Suite struct BankAccessWriterTests {
    static func access(_ index: Int) -> BankAccess {
        BankAccess(tokenID: nil, tokenBank: nil, requestedBank: "B\(index)", requestedRun: nil, format: "json", status: 401, runID: nil, remote: "")
    }

    @Test func concurrentEntriesAreAllCommittedBeforeTheirCallsReturn() async throws {
        let space = try LoanWorkspace()
        defer { space.remove() }
        let workspace = try Workspace(folder: space.folder)
        let writer = BankAccessWriter(workspace: workspace)
        try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<300 {
                group.addTask {
                    try await writer.log(Self.access(index))
                    // Once the call has returned, the entry is in the database.
                    return try workspace.accessLog().contains { $0.requestedBank == "B\(index)" } ? 1 : 0
                }
            }
            var found = 0
            for try await one in group { found += one }
            #expect(found == 300)
        }
        let banks = try workspace.accessLog().map(\.requestedBank)
        #expect(banks.count == 300 && Set(banks) == Set((0..<300).map { "B\($0)" }))
    }

    @Test func aLogThatCannotBeWrittenFailsTheCalls() async throws {
        let space = try LoanWorkspace()
        defer { space.remove() }
        let workspace = try Workspace(folder: space.folder)
        let writer = BankAccessWriter(workspace: workspace)
        try await writer.log(Self.access(1))
        try workspace.database.writing { db in try db.execute(sql: "DROP TABLE bank_access") }
        await #expect(throws: (any Error).self) { try await writer.log(Self.access(2)) }
        await #expect(throws: (any Error).self) { try await writer.log(Self.access(3)) }
    }
}
