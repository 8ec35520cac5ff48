public import Foundation
import GreenAllocCLI
public import GreenAllocWorkspace

/// A workspace in a fresh temporary folder with a small scenario (loans.yaml) whose loan stage gives two banks
/// a list: B1 (甲银行, 济南 only) lends to L2; B2 (乙银行, 青岛 only) to L1 and L3.
public struct LoanWorkspace: Sendable {
    public let url = FileManager.default.temporaryDirectory.appendingPathComponent("greenalloc-workspace-\(UUID().uuidString)")
    public var folder: String { url.path }
    public var scenarioPath: String { path("loans.yaml") }

    public static let scenario = """
        scenario: 贷款
        as_of: 2022-03-31
        years: [2022, 2023]
        tables:
          cities: cities.csv
          parks: parks.csv
          projects: projects.csv
          banks: banks.csv
        funds:
          - id: f1
            name: 专项资金
            budget: {2022: 100, 2023: 0}
        objective:
          maximize: benefit
          weights: {benefit: 1}
        loans:
          name: 碳减排政策工具
          eligible: "project.finance_tier in ['general','preferred']"

        """
    public static let files = [
        "cities.csv": "id,name,region\n370100,济南市,east\n370200,青岛市,east\n",
        "parks.csv": "id,name,city,status,barred_until,naming_year\nK1,甲园区,370100,named_provincial,,\nK2,乙园区,370200,under_construction,,\n",
        "projects.csv": """
            id,name,park,fund,category,investment,request_2022,request_2023,finance_tier,loan_need,benefit
            L1,一号,K2,f1,air,100,40,,general,40,10
            L2,二号,K1,f1,air,100,30,,preferred,60,20
            L3,三号,K2,f1,water,100,,,preferred,30,30

            """,
        "banks.csv": "id,name,capacity,max_per_project,min_tier,cities\nB1,甲银行,100,,,370100\nB2,乙银行,100,,,370200\n",
    ]

    public init() throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data(Self.scenario.utf8).write(to: url.appendingPathComponent("loans.yaml"))
        for (name, text) in Self.files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
    }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    public func remove() { try? FileManager.default.removeItem(at: url) }

    /// Runs greenalloc in-process with a capturing console.
    public func run(_ arguments: [String]) -> (code: Int32, out: String, error: String) {
        let capture = Console.Capture()
        let code = CommandLineRunner.run(arguments, console: capture.console)
        return (code, capture.out, capture.error)
    }

    /// Solves and publishes the scenario; returns the workspace.
    public func published() throws -> Workspace {
        let result = run(["publish", scenarioPath, "--workspace", folder])
        guard result.code == 0 else { throw LoanWorkspaceFailure(message: result.error) }
        return try Workspace(folder: folder)
    }
}

public struct LoanWorkspaceFailure: Error {
    public var message: String
    public init(message: String) { self.message = message }
}
