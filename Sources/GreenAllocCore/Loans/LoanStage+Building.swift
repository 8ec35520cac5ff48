internal import MILP

/// Building the loan model: who may borrow from which bank, and the rows that bound it.
extension LoanStage {

    /// The project row that loan rules read: `project.funded` and `project.subsidy_total` from the subsidy result.
    func row(_ index: Int, _ outcome: ProjectOutcome) -> ProjectRow {
        var row = ProjectRow(library: library, project: index, asOf: scenario.asOf)
        row.funded = .boolean(outcome.funded)
        row.subsidyTotal = .number(outcome.subsidyTotal)
        return row
    }

    func canTake(bank: BankRecord, project record: ProjectRecord) -> Bool {
        (bank.cities?.contains(record.city) ?? true)
            && record.loanNeed <= (bank.maxPerProject ?? .infinity) + 1e-9
            && record.tier >= bank.minTier
    }

    func unplaceableReason(_ record: ProjectRecord) -> LoanUnplaceableReason {
        let serving = library.bankRecords.filter { $0.cities?.contains(record.city) ?? true }
        if serving.isEmpty { return .noBankServesCity }
        let tiered = serving.filter { record.tier >= $0.minTier }
        if tiered.isEmpty { return .belowEveryMinTier }
        return .aboveEveryMaxPerProject(largest: tiered.compactMap(\.maxPerProject).max() ?? 0)
    }

    /// The loan-eligible projects (by loan_score descending, then id) with the banks that can take each, and
    /// those no bank can take (by id).
    func candidates(projects outcomes: [ProjectOutcome])
        -> (candidates: [(index: Int, candidate: LoanCandidate)], unplaceable: [LoanUnplaceable])
    {
        let spec = scenario.loans ?? LoanSpec(name: "")
        let records = library.projectRecords
        var candidates: [(index: Int, candidate: LoanCandidate)] = []
        var unplaceable: [LoanUnplaceable] = []
        for (index, record) in records.enumerated() {
            let outcome = outcomes[index]
            guard outcome.excludedBy.isEmpty, record.loanNeed > 0 else { continue }
            let row = row(index, outcome)
            guard rules.loanEligible?.holds(row) ?? true else { continue }
            var score = outcome.score
            var bonuses: [String] = []
            for (rule, bonus) in zip(rules.loanBonuses, spec.bonuses) where rule.holds(row) {
                score *= bonus.factor
                bonuses.append(bonus.name)
            }
            let banks = library.bankRecords.filter { canTake(bank: $0, project: record) }.map(\.id)
            if banks.isEmpty {
                unplaceable.append(LoanUnplaceable(project: record.id, reason: unplaceableReason(record)))
            }
            candidates.append(
                (index, LoanCandidate(
                    project: record.id, loanNeed: record.loanNeed, tier: record.tier, loanScore: score, bonuses: bonuses,
                    banks: banks, interestCost: spec.interestCost(loanNeed: record.loanNeed))))
        }
        candidates.sort { ($0.candidate.loanScore, $1.candidate.project) > ($1.candidate.loanScore, $0.candidate.project) }
        unplaceable.sort { $0.project < $1.project }
        return (candidates, unplaceable)
    }

    public func build(projects outcomes: [ProjectOutcome]) -> LoanModel {
        let spec = scenario.loans ?? LoanSpec(name: "")
        let records = library.projectRecords
        let (candidates, unplaceable) = candidates(projects: outcomes)

        var model = Model(name: "greenalloc_loans", sense: .maximize)
        var origins: [LoanRowOrigin] = []
        var pairs: [(project: Int, bank: Int)] = []
        var columnsOf: [Int: [Int]] = [:]
        var bankColumns: [[Int]] = Array(repeating: [], count: library.bankRecords.count)
        let bankIndex = Dictionary(uniqueKeysWithValues: library.bankRecords.enumerated().map { ($1.id, $0) })
        for (index, candidate) in candidates {
            let projectName = Compiler.safeName(records[index].id, index: index)
            for id in candidate.banks {
                guard let bank = bankIndex[id] else { continue }
                let column = model.addColumn(
                    "x_\(projectName)_\(Compiler.safeName(id, index: bank, prefix: "b"))", kind: .binary,
                    objective: candidate.loanScore)
                pairs.append((index, bank))
                columnsOf[index, default: []].append(column)
                bankColumns[bank].append(column)
            }
        }
        func need(_ column: Int) -> Double { records[pairs[column].project].loanNeed }
        let loanTerms = LoanTerms(scenario: scenario, library: library)
        let schedules = loanTerms.schedules(pairs: pairs, outcomes: outcomes)

        for (index, _) in candidates {
            guard let columns = columnsOf[index], columns.count > 1 else { continue }
            model.addRow("one_bank_\(Compiler.safeName(records[index].id, index: index))", terms: columns.map { Term($0, 1) }, upper: 1)
            origins.append(.oneBank(project: index))
        }
        for (bank, record) in library.bankRecords.enumerated() where !bankColumns[bank].isEmpty {
            model.addRow(
                "capacity_\(Compiler.safeName(record.id, index: bank, prefix: "b"))",
                terms: bankColumns[bank].map { Term($0, need($0)) }, upper: record.capacity)
            origins.append(.capacity(bank: bank))
        }
        if let budget = spec.interestSubsidyBudget {
            let terms = model.columns.indices.compactMap { column -> Term? in
                let cost = schedules?[column].total ?? spec.interestCost(loanNeed: need(column))
                return cost != 0 ? Term(column, cost) : nil
            }
            if !terms.isEmpty {
                model.addRow("interest_subsidy", terms: terms, upper: budget)
                origins.append(.interestSubsidy)
            }
        }

        if let schedules { addYearlyInterestRows(to: &model, origins: &origins, schedules: schedules) }
        // `loan` limits (scenario-format §7), in file order: scope = fund and where; base = fund.
        var builder = ModelBuilder(model: model, origins: origins)
        LimitBridge(compiler: Compiler(scenario: scenario, library: library, rules: rules))
            .addLoanLimits(to: &builder) { members, scale in
                members.flatMap { project in (columnsOf[project] ?? []).map { Term($0, need($0) * scale) } }
            }
        var loanModel = LoanModel(
            model: builder.model, origins: builder.origins, pairs: pairs, eligible: candidates.map(\.index),
            candidates: candidates.map(\.candidate), unplaceable: unplaceable, limitRows: builder.limitRows)
        loanModel.schedules = schedules
        loanModel.terms = schedules.map { loanTerms.details(pairs: pairs, schedules: $0, outcomes: outcomes, stage: self) }
        return loanModel
    }
}
