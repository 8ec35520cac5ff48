import Foundation

/// The instruments of scenario-format §15 for the reference evaluator, by their written meaning: factor envelopes
/// (§15.1) on fund f1 and carry-over with an opening balance (§15.2) of f1. Nothing here is shared with greenalloc.
struct PolicyRules {
    enum Mode: String, CaseIterable { case hard, soft, band }

    var budget: [Double]
    /// f1's envelopes: weights of `requests` and of the cities' `score` column.
    var envelope: (mode: Mode, requestWeight: Double, perYear: Bool, penalty: Double, band: Double)?
    var cityScore: [Double] = [1, 1]
    /// Requests of f1's projects per city over the horizon (applications, fundable or not).
    var cityRequests: [Double] = [0, 0]
    var carry: Double?
    var opening: [Double] = [0, 0]
    /// Parks failing the review (§15.3): park 0 (named) then counts no more, park 1 (under construction) cannot be
    /// named; either treatment, as no rule of the random scenario reads `rectifying` or `barred_until`.
    var failing: Set<Int> = []
    var treatment = "revoke"

    /// w(c) = Σ_f weight_f × value_f(c) / Σ value_f.
    var shares: [Double] {
        guard let envelope else { return [0, 0] }
        let requests = cityRequests.reduce(0, +)
        let scores = cityScore.reduce(0, +)
        return (0..<2).map { city in
            envelope.requestWeight * cityRequests[city] / requests + (1 - envelope.requestWeight) * cityScore[city] / scores
        }
    }

    /// A_2022 = B + O; A_2023 = B + O + s × (A_2022 − S_2022); S_y ≤ A_y.
    func budgetsHold(_ spent: [Double]) -> Bool {
        let first = budget[0] + opening[0]
        guard spent[0] <= first + 1e-9 else { return false }
        let carried = (carry ?? 0) * (first - spent[0])
        return spent[1] <= budget[1] + opening[1] + carried + 1e-9
    }

    /// The objective's envelope term (−penalty × excess for soft), or nil when a hard or band envelope breaks.
    func envelopeTerm(_ byCity: [[Double]]) -> Double? {
        guard let envelope else { return 0 }
        var pairs: [(value: Double, bound: Double)] = []
        for city in 0..<2 {
            if envelope.perYear {
                for year in 0..<2 { pairs.append((byCity[city][year], shares[city] * budget[year])) }
            } else {
                pairs.append((byCity[city][0] + byCity[city][1], shares[city] * (budget[0] + budget[1])))
            }
        }
        var term = 0.0
        for (value, bound) in pairs {
            switch envelope.mode {
            case .hard: if value > bound + 1e-7 { return nil }
            case .band: if value > bound * (1 + envelope.band) + 1e-7 || value < bound * (1 - envelope.band) - 1e-7 { return nil }
            case .soft: term -= envelope.penalty * max(0, value - bound)
            }
        }
        return term
    }
}

/// A random scenario of the cross-check with random instruments of §15 added to its YAML and tables.
struct RandomPolicyCase {
    var base: RandomScenario
    var rules: PolicyRules

    init(seed: UInt64) {
        base = RandomScenario(seed: seed)
        var random = SeededRandom(seed: seed &+ 7_919)
        rules = PolicyRules(budget: base.budget)
        rules.cityScore = [Double(random.int(1...9)), Double(random.int(1...9))]
        for project in base.projects where project.hasFund {
            rules.cityRequests[RandomScenario.parkCity[project.park]] += project.request[0] + project.request[1]
        }
        if rules.cityRequests.reduce(0, +) > 0, random.chance(0.7) {
            let mode = PolicyRules.Mode.allCases[random.int(0...2)]
            rules.envelope = (mode, random.double(0.2...0.8), random.chance(0.5), random.double(0.1...2), random.double(0.1...0.9))
        }
        if random.chance(0.6) { rules.carry = random.chance(0.4) ? 1 : random.double(0.1...0.9) }
        if random.chance(0.4) { rules.opening = [Double(random.int(0...20)), Double(random.int(0...20))] }
        if random.chance(0.5) {
            rules.failing = Set([0, 1].filter { _ in random.chance(0.6) })
            rules.treatment = random.chance(0.5) ? "revoke" : "rectify"
        }
    }

    var citiesCSV: String {
        "id,name,region,score\n370100,济南市,east,\(Int(rules.cityScore[0]))\n370200,青岛市,east,\(Int(rules.cityScore[1]))\n"
    }

    var yaml: String {
        var text = base.yaml
        var fundKeys = ""
        if let carry = rules.carry { fundKeys += "    carry_over: \(carry == 1 ? "true" : String(carry))\n" }
        if rules.opening != [0, 0] {
            fundKeys += "    opening_balance: {2022: \(rules.opening[0]), 2023: \(rules.opening[1])}\n"
        }
        if !fundKeys.isEmpty, let range = text.range(of: "    eligible: \"project.lib == 'yes'\"\n") {
            text.insert(contentsOf: fundKeys, at: range.upperBound)
        }
        if !rules.failing.isEmpty {
            let parks = rules.failing.sorted().map { "K\($0 + 1)" }.joined(separator: ", ")
            text += "review: {parks: [\(parks)], treatment: \(rules.treatment)}\n"
        }
        if let envelope = rules.envelope {
            text += """
                factors:
                  - name: 因素法
                    fund: f1
                    total: \(envelope.perYear ? "per_year" : "horizon")
                    mode: \(envelope.mode.rawValue)

                """
            if envelope.mode == .soft { text += "    penalty: \(envelope.penalty)\n" }
            if envelope.mode == .band { text += "    band: \(envelope.band)\n" }
            text += """
                    weights:
                      - {of: requests, weight: \(envelope.requestWeight)}
                      - {of: cities.score, weight: \(1 - envelope.requestWeight)}

                """
        }
        return text
    }
}
