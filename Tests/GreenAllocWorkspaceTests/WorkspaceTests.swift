import Foundation
import GreenAllocHistory
import GreenAllocWorkspace
import Testing
import WorkspaceTestSupport

@Suite struct WorkspaceTests {
    @Test func identifiersAreShortAndPlain() {
        for good in ["B1", "bank_2", "a-b", String(repeating: "x", count: 64)] { #expect(WorkspaceIdentifier.isValid(good)) }
        for bad in ["", "../etc", "B 1", "b/1", "银行", "b%2F", String(repeating: "x", count: 65), "b\u{0}"] {
            #expect(!WorkspaceIdentifier.isValid(bad), "\(bad)")
        }
    }

    @Test func tokensAreRandomStoredHashedAndRevocable() throws {
        let fixture = try LoanWorkspace()
        defer { fixture.remove() }
        let workspace = try Workspace(folder: fixture.folder)
        let first = try workspace.createBankToken(bank: "B1", createdBy: "test")
        let second = try workspace.createBankToken(bank: "B2", createdBy: "test")
        #expect(first != second && first.count >= 4 + 43)
        #expect(try workspace.bank(forToken: first)?.bank == "B1")
        #expect(try workspace.bank(forToken: second)?.bank == "B2")
        #expect(try workspace.bank(forToken: first + "x") == nil)
        #expect(try workspace.bank(forToken: "gab_" + String(repeating: "A", count: 43)) == nil)
        // The database holds no token in clear.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Workspace.historyPath(fixture.folder)))
        let walBytes = (try? Data(contentsOf: URL(fileURLWithPath: Workspace.historyPath(fixture.folder) + "-wal"))) ?? Data()
        for token in [first, second] {
            #expect(bytes.range(of: Data(token.utf8)) == nil && walBytes.range(of: Data(token.utf8)) == nil)
        }
        #expect(try workspace.revokeBankTokens(bank: "B1") == 1)
        #expect(try workspace.bank(forToken: first) == nil)
        #expect(try workspace.bank(forToken: second)?.bank == "B2")
        #expect(throws: WorkspaceError.noActiveToken("B1")) { try workspace.revokeBankTokens(bank: "B1") }
        #expect(throws: WorkspaceError.invalidIdentifier(kind: "bank id", value: "../B1")) {
            try workspace.createBankToken(bank: "../B1", createdBy: "test")
        }
    }

    @Test func passwordsAreScryptHashesThatVerify() throws {
        let fixture = try LoanWorkspace()
        defer { fixture.remove() }
        let workspace = try Workspace(folder: fixture.folder)
        try workspace.createUser(name: "wang", role: .planner, password: "correct horse")
        #expect(throws: WorkspaceError.userExists("wang")) { try workspace.createUser(name: "wang", role: .admin, password: "another one!") }
        #expect(throws: WorkspaceError.weakPassword("it must have at least 10 characters")) {
            try workspace.createUser(name: "li", role: .admin, password: "short")
        }
        #expect(try workspace.signIn(name: "wang", password: "correct horse") == .planner)
        #expect(try workspace.signIn(name: "wang", password: "correct horsE") == nil)
        #expect(try workspace.signIn(name: "nobody", password: "correct horse") == nil)
        let hash = try PasswordHash.make("correct horse")
        #expect(hash.hasPrefix("scrypt$32768$8$1$") && !hash.contains("correct"))
        #expect(hash != (try PasswordHash.make("correct horse")), "a fresh salt every time")
        #expect(PasswordHash.verify("correct horse", against: hash))
        for malformed in ["", "scrypt$1$2$3", "sha256$x$y$z$a$b", hash.replacingOccurrences(of: "$8$", with: "$99$")] {
            #expect(!PasswordHash.verify("correct horse", against: malformed))
        }
    }
}
