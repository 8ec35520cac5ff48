import MILP
import MILPGLPK
import TestSupport
import Testing

/// Models GLPK would abort on or answer wrongly: refused with a typed error before any `glp_*` call.
@Suite struct HostileModelTests {
    static func base() -> Model {
        var model = Model(name: "hostile", sense: .maximize)
        model.addColumn("x", kind: .integer, lower: 0, upper: 5, objective: 1)
        model.addColumn("y", lower: 0, upper: 3, objective: 2)
        model.addRow("limit", terms: [Term(0, 1), Term(1, 1)], upper: 4)
        return model
    }

    static let cases: [(String, ModelError.Kind, Model)] = {
        var cases: [(String, ModelError.Kind, Model)] = []
        var model = base()
        model.addRow("nan", terms: [Term(0, .nan)], upper: 1)
        cases.append(("NaN coefficient", .nonFiniteCoefficient, model))
        model = base()
        model.addRow("inf", terms: [Term(1, .infinity)], upper: 1)
        cases.append(("infinite coefficient", .nonFiniteCoefficient, model))
        model = base()
        model.setObjective(1, -.infinity)
        cases.append(("infinite objective", .nonFiniteCoefficient, model))
        model = base()
        model.setColumnBounds(1, lower: 3, upper: 2)
        cases.append(("lower above upper", .crossedBounds, model))
        model = base()
        model.setRowBounds(0, lower: .nan, upper: 4)
        cases.append(("NaN row bound", .nonFiniteBound, model))
        model = base()
        model.addRow("twice", terms: [Term(0, 1), Term(0, 2)], upper: 3)
        cases.append(("duplicate entry", .duplicateEntry, model))
        model = base()
        model.addRow("far", terms: [Term(7, 1)], upper: 3)
        cases.append(("column out of range", .columnOutOfRange, model))
        model = base()
        model.addColumn(String(repeating: "n", count: 256))
        cases.append(("over-long name", .badName, model))
        model = base()
        model.addColumn("bad name!")
        cases.append(("bad characters", .badName, model))
        model = base()
        model.addRow("", terms: [], upper: 1)
        cases.append(("empty name", .badName, model))
        model = base()
        model.addColumn("x")
        cases.append(("duplicate column name", .duplicateName, model))
        model = base()
        model.setColumnBounds(0, lower: 0, upper: 2.5)
        cases.append(("fractional integer bound", .fractionalIntegerBound, model))
        model = base()
        model.objectiveConstant = .nan
        cases.append(("NaN objective constant", .nonFiniteCoefficient, model))
        return cases
    }()

    @Test(arguments: conformingSolvers)
    func hostileModelsAreRefusedWithATypedError(solver: any Solver) {
        for (label, kind, model) in Self.cases {
            #expect(throws: ModelError.self, "\(label)") { try model.validate() }
            do {
                _ = try solver.solve(model, parameters: SolverParameters())
                Issue.record("\(solver.name) solved the hostile model '\(label)'")
            } catch let error as ModelError {
                #expect(error.kind == kind, "\(label): \(error)")
            } catch {
                Issue.record("\(label): unexpected \(error)")
            }
        }
        // The process survived: a normal solve still works.
        #expect((try? solver.solve(Self.base(), parameters: SolverParameters()))?.termination == .optimal)
    }

    @Test func startOfTheWrongLengthIsRefused() {
        #expect(throws: ModelError.self) {
            try GLPKSolver().solve(Self.base(), parameters: SolverParameters(start: [1]))
        }
    }
}
