import GreenAllocCore

extension OutputFixtures {
    /// Two banks' lists with every waitlist reason, built by hand (no solver). Loan-eligible projects by loan
    /// score: P006 (5000, both banks can take it; B01 lends), P001 (1200.25, both; B02 lends), P010 (300, B02
    /// only; the interest subsidy is spent), P003 (900, no bank serves its city), P005 (700, B01 only; a loan
    /// limit), P007 (100, B01 only; outscored). B02 cannot fit P006 (capacity 2000).
    static var loanDetails: LoanDetails {
        let candidates = [
            LoanCandidate(
                project: "P006", loanNeed: 5000, tier: .general, loanScore: 80.5, bonuses: ["生态工业园区项目优先放贷"],
                banks: ["B01", "B02"], interestCost: 12.5),
            LoanCandidate(
                project: "P001", loanNeed: 1200.25, tier: .preferred, loanScore: 14.5, bonuses: [], banks: ["B01", "B02"],
                interestCost: 3.000625),
            LoanCandidate(project: "P010", loanNeed: 300, tier: .general, loanScore: 6.25, bonuses: [], banks: ["B02"], interestCost: 0.75),
            LoanCandidate(project: "P003", loanNeed: 900, tier: .general, loanScore: 3, bonuses: [], banks: [], interestCost: 2.25),
            LoanCandidate(project: "P005", loanNeed: 700, tier: .preferred, loanScore: 2, bonuses: [], banks: ["B01"], interestCost: 1.75),
            LoanCandidate(project: "P007", loanNeed: 100, tier: .general, loanScore: 1.0 / 3.0, bonuses: [], banks: ["B01"], interestCost: 0.25),
        ]
        let banks = [
            BankList(
                id: "B01", name: "国家开发银行山东省分行", capacity: 10000, lent: 5000, assigned: ["P006"],
                waitlist: [
                    LoanWaitlistEntry(project: "P001", reason: .assignedToOtherBank),
                    LoanWaitlistEntry(project: "P005", reason: .loanLimit(rule: "单市贷款上限")),
                    LoanWaitlistEntry(project: "P007", reason: .outscored),
                ]),
            BankList(
                id: "B02", name: "中国农业发展银行山东省分行", capacity: 2000, lent: 1200.25, assigned: ["P001"],
                waitlist: [
                    LoanWaitlistEntry(project: "P006", reason: .capacityReached),
                    LoanWaitlistEntry(project: "P010", reason: .interestSubsidyExhausted),
                ]),
        ]
        return LoanDetails(
            name: "山东省碳减排政策工具", candidates: candidates, banks: banks,
            unplaceable: [LoanUnplaceable(project: "P003", reason: .noBankServesCity)], interestBudget: 16,
            interestUsed: 15.500625, volume: 6200.25)
    }

    /// The feasible allocation with the banks' lists above (its `loans` are those lists' assignments).
    static var withLoanLists: Allocation {
        var allocation = feasible
        allocation.loanStage?.details = loanDetails
        return allocation
    }

    /// The same with a nested view of two steps: B02 picks P001 at half capacity, B01 picks P006 at full.
    static var withNestedLoanLists: Allocation {
        var allocation = withLoanLists
        allocation.loanStage?.details?.nested = LoanNestedView(
            steps: 2, statuses: [.optimal, .optimal], picks: [["P001": "B02"], ["P001": "B02", "P006": "B01"]], solves: 2)
        return allocation
    }
}
