extension InfeasibilityAnalysis {
    /// The cheapest relaxation of the `candidates` groups (all groups when nil) that makes the model feasible,
    /// found with an elastic model: the original columns and rows (zero objective) plus
    /// - per finite bound of a candidate's row, a slack s ≥ 0 that widens it (a·x − s_up ≤ upper,
    ///   a·x + s_lo ≥ lower), integer when every term is an integer column with an integer coefficient and the
    ///   bound is integral, at most what the row's activity range can ask (so every slack of a model with
    ///   bounded columns is bounded);
    /// - per candidate with released bounds, one binary r that releases them all: the columns take their
    ///   released bounds and rows x + (l − l₀)·r ≥ l, x − (u₀ − u)·r ≤ u keep the bounds l, u in force while
    ///   r = 0 (a released bound that is infinite cannot be relaxed this way and stays in force);
    /// - the objective minimizes Σ s / max(1, |finite bounds|, max |coefficient|) + Σ r: a row's slack counts
    ///   relative to its size, and releasing a group's bounds counts one.
    ///
    /// The amounts are then applied to the model (`Model.relaxing`) and solved: `restoresFeasibility` says
    /// whether that gave a feasible point (the elastic solution's own point, checked by `Model.verify`, when
    /// the solve could not finish), and each group's `restoresFeasibilityAlone` whether its relaxation alone
    /// did (false when time ran out before that was shown). Nil when the elastic model found no point within
    /// `timeLimit` (every solve gets at least `minimumSolveSeconds`).
    public func elasticRelaxation(candidates: [Int]? = nil, timeLimit: Double) throws -> ElasticRelaxation? {
        let elapsed = stopwatch()
        func remaining() -> Double { timeLimit - elapsed() }
        let elastic = ElasticModel(model: model, groups: groups, candidates: candidates ?? Array(groups.indices))
        var solveParameters = parameters
        solveParameters.timeLimit = Swift.max(minimumSolveSeconds, remaining())
        solveParameters.start = nil
        let result: SolverResult
        do {
            result = try solver.solve(elastic.model, parameters: solveParameters)
        } catch let interrupted as SolveInterrupted {
            throw interrupted
        } catch {
            return nil
        }
        if result.termination == .interrupted { throw SolveInterrupted() }
        guard result.hasSolution else { return nil }
        var relaxations = elastic.relaxations(result.values, nudge: 0)
        var together = try restores(relaxations, timeLimit: remaining())
        if together == .infeasible {
            // Rounding of tiny or integral amounts can leave a hair of infeasibility: widen continuous slacks a
            // little and check again.
            let nudged = elastic.relaxations(result.values, nudge: 1e-7)
            if try restores(nudged, timeLimit: remaining()) == .feasible {
                relaxations = nudged
                together = .feasible
            }
        } else if together == nil {
            let point = Array(result.values.prefix(model.columnCount))
            together = model.relaxing(relaxations, of: groups).isFeasible(point) ? .feasible : .infeasible
        }
        let restoresFeasibility = together == .feasible
        for index in relaxations.indices {
            if relaxations.count == 1 {
                relaxations[index].restoresFeasibilityAlone = restoresFeasibility
            } else {
                relaxations[index].restoresFeasibilityAlone =
                    try restores([relaxations[index]], timeLimit: remaining()) == .feasible
            }
        }
        return ElasticRelaxation(groups: relaxations, restoresFeasibility: restoresFeasibility)
    }

    enum Outcome { case feasible, infeasible }

    /// Whether the model with `relaxations` applied has a feasible point; nil when the solve did not tell or
    /// no time is left.
    func restores(_ relaxations: [GroupRelaxation], timeLimit: Double) throws -> Outcome? {
        guard timeLimit > 0 else { return nil }
        var parameters = parameters
        parameters.timeLimit = Swift.max(minimumSolveSeconds, timeLimit)
        switch try solver.feasibility(of: model.relaxing(relaxations, of: groups), parameters: parameters) {
        case .feasible: return .feasible
        case .infeasible: return .infeasible
        case .unknown: return nil
        }
    }
}

/// The elastic model of `InfeasibilityAnalysis.elasticRelaxation` and where its slacks sit.
struct ElasticModel {
    struct Slack {
        var column: Int
        var group: Int
        var row: Int
        var widensUpper: Bool
        var integral: Bool
        var size: Double
    }

    var model: Model
    var slacks: [Slack] = []
    /// Per candidate group with releasable bounds: its release binary.
    var releases: [(group: Int, column: Int)] = []

    init(model original: Model, groups: [ConstraintGroup], candidates: [Int]) {
        let prefix = Self.unusedPrefix("elastic", in: original)
        var model = Model(name: original.name, sense: .minimize)
        for column in original.columns {
            model.addColumn(column.name, kind: column.kind, lower: column.lower, upper: column.upper, tag: column.tag)
        }
        var boundRows: [(name: String, terms: [Term], lower: Double, upper: Double)] = []
        for group in candidates {
            var release: Int?
            for bound in groups[group].releasedBounds {
                let column = original.columns[bound.column]
                let (lower, upper) = (column.effectiveLower, column.effectiveUpper)
                let releasesLower = lower > bound.lower && bound.lower.isFinite
                let releasesUpper = upper < bound.upper && bound.upper.isFinite
                guard releasesLower || releasesUpper else { continue }
                let binary = release ?? model.addColumn("\(prefix)_release_g\(group)", kind: .binary, objective: 1)
                release = binary
                model.setColumnBounds(
                    bound.column, lower: releasesLower ? bound.lower : lower, upper: releasesUpper ? bound.upper : upper)
                let name = "\(prefix)_bound_g\(group)_c\(bound.column)"
                if releasesLower {
                    boundRows.append((name + "_lo", [Term(bound.column, 1), Term(binary, lower - bound.lower)], lower, .infinity))
                }
                if releasesUpper {
                    boundRows.append((name + "_up", [Term(bound.column, 1), Term(binary, -(bound.upper - upper))], -.infinity, upper))
                }
            }
            if let release { releases.append((group, release)) }
        }
        var extraTerms = Array(repeating: [Term](), count: original.rowCount)
        var widened = Set<Int>()
        for group in candidates {
            for row in groups[group].rows where widened.insert(row).inserted {
                let bounds = original.rows[row]
                let range = Self.activityRange(bounds.terms, in: model)
                let integralTerms = bounds.terms.allSatisfy {
                    model.columns[$0.column].isInteger && $0.coefficient == $0.coefficient.rounded()
                }
                let size = Swift.max(
                    1, bounds.upper.isFinite ? abs(bounds.upper) : 0, bounds.lower.isFinite ? abs(bounds.lower) : 0,
                    bounds.terms.map { abs($0.coefficient) }.max() ?? 0)
                for (bound, widensUpper) in [(bounds.upper, true), (bounds.lower, false)] where bound.isFinite {
                    let integral = integralTerms && bound == bound.rounded()
                    var most = widensUpper ? range.upper - bound : bound - range.lower
                    if integral { most = most.rounded(.up) }
                    guard most > 0 else { continue }
                    let column = model.addColumn(
                        "\(prefix)_\(widensUpper ? "up" : "lo")_r\(row)", kind: integral ? .integer : .continuous,
                        upper: most, objective: 1 / size)
                    extraTerms[row].append(Term(column, widensUpper ? -1 : 1))
                    slacks.append(Slack(column: column, group: group, row: row, widensUpper: widensUpper, integral: integral, size: size))
                }
            }
        }
        for (index, row) in original.rows.enumerated() {
            model.addRow(row.name, terms: row.terms + extraTerms[index], lower: row.lower, upper: row.upper, tag: row.tag)
        }
        for row in boundRows { model.addRow(row.name, terms: row.terms, lower: row.lower, upper: row.upper) }
        self.model = model
    }

    /// The amounts of a point of the elastic model, per group that gives something. Integral slacks are
    /// rounded, slacks below 1e-9 of their row's size count zero, and the others grow by `nudge` × size.
    func relaxations(_ values: [Double], nudge: Double) -> [GroupRelaxation] {
        var rowsOfGroup: [Int: [Int: RowRelaxation]] = [:]
        for slack in slacks {
            var amount = values[slack.column]
            if slack.integral { amount = amount.rounded() }
            guard amount > 1e-9 * slack.size else { continue }
            if !slack.integral { amount += nudge * slack.size }
            var row = rowsOfGroup[slack.group, default: [:]][slack.row] ?? RowRelaxation(row: slack.row)
            if slack.widensUpper { row.upperBy += amount } else { row.lowerBy += amount }
            rowsOfGroup[slack.group, default: [:]][slack.row] = row
        }
        let released = Set(releases.filter { values[$0.column] > 0.5 }.map(\.group))
        return Set(rowsOfGroup.keys).union(released).sorted().map { group in
            GroupRelaxation(
                group: group, rows: (rowsOfGroup[group] ?? [:]).values.sorted { $0.row < $1.row },
                releasesBounds: released.contains(group))
        }
    }

    /// The smallest and largest activity of Σ terms within the columns' bounds (infinite when unbounded; a
    /// lower sum only adds finite or −∞ values, an upper one finite or +∞, so neither becomes NaN).
    static func activityRange(_ terms: [Term], in model: Model) -> (lower: Double, upper: Double) {
        var lower = 0.0
        var upper = 0.0
        for term in terms where term.coefficient != 0 {
            let column = model.columns[term.column]
            let (low, high) = (term.coefficient * column.effectiveLower, term.coefficient * column.effectiveUpper)
            lower += Swift.min(low, high)
            upper += Swift.max(low, high)
        }
        return (lower, upper)
    }

    /// `base`, or `base` followed by underscores, such that no row or column of `model` starts with it.
    static func unusedPrefix(_ base: String, in model: Model) -> String {
        var prefix = base
        while model.columns.contains(where: { $0.name.hasPrefix(prefix) }) || model.rows.contains(where: { $0.name.hasPrefix(prefix) }) {
            prefix += "_"
        }
        return prefix
    }
}
