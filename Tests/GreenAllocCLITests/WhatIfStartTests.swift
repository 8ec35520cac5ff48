import GreenAllocCore
import MILP
import TestSupport
import Testing

@testable import GreenAllocWhatIf

/// The neighbour's plan, greedily topped up, must stay a feasible start at the larger budget and never
/// be worth less than the plan it starts from.
@Suite struct WhatIfStartTests {
    @Test func improvedStartIsFeasibleAndNoWorse() throws {
        let fixture = try WhatIfTests.fixture(limits: """
            limits:
              - name: 单市上限
                sum: subsidy
                group_by: city
                max: 70

            """)
        let runner = try WhatIfTests.runner(fixture, solver: BruteForceSolver())
        let scalable = ScalableModel(runner: runner, scenario: runner.scenario, fund: 0)
        var previous: [Double]?
        for scale in stride(from: 0.25, through: 3, by: 0.25) {
            let model = scalable.model(at: scale)
            if let previous {
                #expect(model.isFeasible(previous), "the smaller budget's plan fits at \(scale)")
                let start = scalable.improvedStart(previous, model: model)
                #expect(model.isFeasible(start), "scale \(scale): \(model.verify(start))")
                #expect(model.objectiveValue(start) >= model.objectiveValue(previous) - 1e-9)
            }
            let result = try BruteForceSolver().solve(model, parameters: SolverParameters())
            previous = result.values
            #expect(scalable.requiredScale(result.values) <= scale + 1e-9)
        }
    }
}
