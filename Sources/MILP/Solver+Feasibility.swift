/// The answer to "does this model have a feasible point?".
public enum Feasibility: Sendable, Equatable {
    /// The solver proved that no point satisfies the model.
    case infeasible
    /// A point that `Model.verify` accepts (checked independently of the solver).
    case feasible(point: [Double])
    /// Neither was shown: time limit, numerical trouble, a refused model, or a point that failed the check.
    case unknown
}

extension Solver {
    /// Solves `model` with a zero objective (any point is then optimal, and nothing is unbounded) and says
    /// whether it is feasible. A returned point counts only when `Model.verify` accepts it within
    /// `tolerance`; "infeasible or unbounded" counts as infeasible, since a zero objective cannot be
    /// unbounded. Throws `SolveInterrupted` when the solve was cancelled; every other failure is `.unknown`.
    public func feasibility(of model: Model, parameters: SolverParameters, tolerance: Double = 1e-6) throws
        -> Feasibility
    {
        var question = model
        question.replaceObjective(Array(repeating: 0, count: model.columnCount), sense: .minimize)
        var parameters = parameters
        parameters.start = nil
        let result: SolverResult
        do {
            result = try solve(question, parameters: parameters)
        } catch let interrupted as SolveInterrupted {
            throw interrupted
        } catch {
            return .unknown
        }
        if result.hasSolution {
            return question.isFeasible(result.values, tolerance: tolerance) ? .feasible(point: result.values) : .unknown
        }
        switch result.termination {
        case .infeasible, .infeasibleOrUnbounded: return .infeasible
        case .interrupted: throw SolveInterrupted()
        default: return .unknown
        }
    }
}
