public import GreenAllocCore

/// How one ranked list of a scenario stands against the same list in the first scenario of a comparison.
public struct ListStability: Sendable, Hashable {
    /// The bank's id, or nil for the funded set.
    public var bank: String?
    public var name: String
    /// Entries at the same place (rank) in both lists.
    public var kept: Int
    /// Entries in both lists at a different place.
    public var moved: Int
    /// Entries only in this scenario's list.
    public var entered: Int
    /// Entries only in the first scenario's list.
    public var left: Int

    /// Compares two ranked lists of ids (first place first).
    public init(bank: String?, name: String, first: [String], here: [String]) {
        self.bank = bank
        self.name = name
        let place = Dictionary(first.enumerated().map { ($1, $0) }, uniquingKeysWith: { earlier, _ in earlier })
        let hereSet = Set(here)
        kept = here.enumerated().filter { place[$1] == $0 }.count
        moved = here.enumerated().filter { place[$1] != nil && place[$1] != $0 }.count
        entered = here.filter { place[$0] == nil }.count
        left = first.filter { !hereSet.contains($0) }.count
    }
}

/// Rank stability of one scenario against the first: the funded set, then every bank list either has.
public struct RankStability: Sendable {
    public var label: String
    public var funded: ListStability
    public var banks: [ListStability]

    /// The funded set as a ranked list: funded projects by benefit score descending (the score before the
    /// share, so a project keeps its place when only its share changes), ties in library order.
    public static func fundedRanking(_ allocation: Allocation) -> [String] {
        allocation.projects.enumerated().filter { $0.element.funded }
            .sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }
            .map(\.element.id)
    }

    /// The banks' lists (assigned projects, rank 1 first) by bank id, with the bank's name.
    static func bankLists(_ allocation: Allocation) -> [(id: String, name: String, assigned: [String])] {
        allocation.loanStage?.details?.banks.map { ($0.id, $0.name, $0.assigned) } ?? []
    }

    /// One entry per scenario after the first.
    public static func against(_ scenarios: [ScenarioSummary]) -> [RankStability] {
        guard let first = scenarios.first else { return [] }
        let firstFunded = fundedRanking(first.allocation)
        let firstBanks = bankLists(first.allocation)
        return scenarios.dropFirst().map { summary in
            let banks = bankLists(summary.allocation)
            var ids = firstBanks.map(\.id)
            for bank in banks where !ids.contains(bank.id) { ids.append(bank.id) }
            let lists = ids.map { id in
                let before = firstBanks.first { $0.id == id }
                let now = banks.first { $0.id == id }
                return ListStability(
                    bank: id, name: now?.name ?? before?.name ?? id, first: before?.assigned ?? [], here: now?.assigned ?? [])
            }
            return RankStability(
                label: summary.label,
                funded: ListStability(bank: nil, name: "", first: firstFunded, here: fundedRanking(summary.allocation)),
                banks: lists)
        }
    }

    /// Projects funded in every scenario, in the first scenario's library order.
    public static func fundedEverywhere(_ scenarios: [ScenarioSummary]) -> [String] {
        guard let first = scenarios.first else { return [] }
        let others = scenarios.dropFirst().map { Set($0.allocation.projects.filter(\.funded).map(\.id)) }
        return first.allocation.projects.filter { project in project.funded && others.allSatisfy { $0.contains(project.id) } }.map(\.id)
    }
}
