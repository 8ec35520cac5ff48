internal import ArgumentParser
internal import GreenAllocReports

struct Init: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a starter workspace: a commented scenario and a library workbook to fill in.",
        discussion: """
            Writes DIR/scenario.yaml (budgets, eligibility, a city-share limit, weights, the naming award, a loan \
            stage; Chinese comments) and DIR/data/library.xlsx (sheets 城市, 园区, 项目, 银行 with Chinese column \
            names, example rows and drop-down lists). The scenario solves as written: \
            greenalloc solve DIR/scenario.yaml --out DIR/out. DIR must be new or empty (else exit 1, nothing written).
            """)

    @Argument(help: "The directory to create (new or empty).")
    var directory: String

    func execute(console: Console) throws -> Int32 {
        try StarterWorkspace.write(to: directory)
        console.error("wrote \(directory)/\(StarterWorkspace.scenarioName) and \(directory)/\(StarterWorkspace.libraryPath)\n")
        return ExitStatus.success
    }
}
