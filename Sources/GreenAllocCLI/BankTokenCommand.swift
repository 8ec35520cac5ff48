internal import ArgumentParser
internal import GreenAllocWorkspace

/// `greenalloc bank-token create|revoke BANK --workspace DIR`.
struct BankTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bank-token",
        abstract: "Create or revoke a bank's API token.",
        discussion: """
            A bank fetches its own list from greenalloc-server with `Authorization: Bearer <token>`. The token \
            is 256 random bits from the system's generator; the workspace keeps only its SHA-256, so it is \
            printed once, alone on the last line, when it is made, and cannot be shown again. Revoking ends \
            every token of the bank at once.
            """,
        subcommands: [Create.self, Revoke.self])

    struct Create: ParsableCommand, ConsoleCommand {
        static let configuration = CommandConfiguration(abstract: "Make a new token for a bank; prints it once.")

        @Argument(help: "The bank's id (banks.csv).")
        var bank: String

        @OptionGroup var workspace: WorkspaceOption

        func execute(console: Console) throws -> Int32 {
            let workspace = try workspace.open()
            let token = try usage { try workspace.createBankToken(bank: bank, createdBy: loginName()) }
            console.error("greenalloc: a new token for bank \(bank); it is shown only this once:\n")
            console.out(token + "\n")
            return ExitStatus.success
        }
    }

    struct Revoke: ParsableCommand, ConsoleCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke every token of a bank.")

        @Argument(help: "The bank's id.")
        var bank: String

        @OptionGroup var workspace: WorkspaceOption

        func execute(console: Console) throws -> Int32 {
            let workspace = try workspace.open()
            let count = try usage { try workspace.revokeBankTokens(bank: bank) }
            console.error("greenalloc: \(count) token\(count == 1 ? "" : "s") of bank \(bank) revoked\n")
            return ExitStatus.success
        }
    }
}
