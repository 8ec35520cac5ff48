import Foundation
import GreenAllocHistory
import GreenAllocWorkspace
import WorkspaceTestSupport

/// The loan workspace with one published run and one recorded but unpublished run, a token for each bank, and
/// one more token for B1 that was revoked.
struct ServiceFixture {
    let space: LoanWorkspace
    let workspace: Workspace
    var tokens: [String: String] = [:]
    let revoked: String
    let publishedRun: Int64
    let unpublishedRun: Int64

    /// A token of the right form that was never made.
    static let forged = "gab_" + String(repeating: "Q", count: 43)

    init() throws {
        space = try LoanWorkspace()
        workspace = try space.published()
        let solved = space.run(["solve", space.scenarioPath, "--out", space.path("out"), "--history", Workspace.historyPath(space.folder)])
        guard solved.code == 0 else { throw LoanWorkspaceFailure(message: solved.error) }
        let runs = try workspace.database.runs().map(\.id)
        (publishedRun, unpublishedRun) = (runs[0], runs[1])
        revoked = try workspace.createBankToken(bank: "B1", createdBy: "test")
        try workspace.revokeBankTokens(bank: "B1")
        for bank in ["B1", "B2"] { tokens[bank] = try workspace.createBankToken(bank: bank, createdBy: "test") }
    }

    func remove() { space.remove() }
}
