import Foundation
import GreenAllocCore
import GreenAllocEngine
import GreenAllocInputs
import MILP
import Testing

/// A small scenario on disk, read through the inputs layer, for the engine's own tests: budget 100 in 2022,
/// P1 asks 60 for a score of 60, P2 and P3 ask 50 for 50 each. Today's optimum is {P2, P3} = 100.
struct EngineFixture {
    let directory: URL
    let inputs: ScenarioInputs

    static let projects = """
        id,name,park,fund,category,investment,request_2022,benefit
        P1,甲项目,K1,f1,air,1000,60,60
        P2,乙项目,K1,f1,air,1000,50,50
        P3,丙项目,K2,f1,water,1000,50,50

        """

    init(budget: Double = 100, targets: String = "", projects: String = EngineFixture.projects) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("greenalloc-engine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let yaml = """
            scenario: 引擎测试
            as_of: 2022-03-31
            years: [2022]
            tables: {cities: cities.csv, parks: parks.csv, projects: projects.csv}
            funds:
              - {id: f1, name: 专项资金, budget: {2022: \(budget)}}
            objective:
              maximize: benefit
              weights: {benefit: 1}
            \(targets)
            """
        let files = [
            "scenario.yaml": yaml,
            "cities.csv": "id,name\n370100,济南市\n370200,青岛市\n",
            "parks.csv": "id,name,city,status\nK1,甲园区,370100,named_provincial\nK2,乙园区,370200,under_construction\n",
            "projects.csv": projects,
        ]
        for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        switch ScenarioInputs.load(path: directory.appendingPathComponent("scenario.yaml").path) {
        case .success(let inputs): self.inputs = inputs
        case .failure(let errors): throw errors
        }
    }

    var settings: RunSettings { RunSettings(scenario: inputs.scenario.solver) }

    func run(_ solver: any Solver) throws -> Allocation {
        try AllocationRunner(scenario: inputs.scenario, library: inputs.library, rules: inputs.rules, solver: solver)
            .run(settings: settings, inputsSHA256: inputs.inputsSHA256).0
    }
}

extension Allocation {
    var fundedIDs: [String] { projects.filter(\.funded).map(\.id) }
}
