internal import ArgumentParser
internal import Foundation
internal import GreenAllocWorkspace
#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// `greenalloc user create NAME --workspace DIR --role admin|planner`.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage the office's accounts for greenalloc-server.",
        subcommands: [Create.self])

    struct Create: ParsableCommand, ConsoleCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account (the password is read from standard input, or asked for at a terminal).",
            discussion: """
                The password (at least 10 characters) is stored as an scrypt hash with a random salt. An admin \
                may also manage tokens and accounts; a planner solves and publishes.
                """)

        @Argument(help: "The account's name: 1 to 64 letters, digits, '_' or '-'.")
        var name: String

        @Option(name: .long, help: "admin or planner.")
        var role: Role

        @OptionGroup var workspace: WorkspaceOption

        enum Role: String, ExpressibleByArgument { case admin, planner }

        func execute(console: Console) throws -> Int32 {
            let workspace = try workspace.open()
            guard let password = Self.readPassword() else { throw UsageError(message: "no password was given on standard input") }
            try usage { try workspace.createUser(name: name, role: OfficeRole(rawValue: role.rawValue) ?? .planner, password: password) }
            console.error("greenalloc: user \(name) (\(role.rawValue)) created\n")
            return ExitStatus.success
        }

        /// A prompt without echo at a terminal, else the first line of standard input.
        static func readPassword() -> String? {
            if isatty(0) == 1, let pointer = getpass("Password: ") { return String(cString: pointer) }
            return readLine(strippingNewline: true)
        }
    }
}
