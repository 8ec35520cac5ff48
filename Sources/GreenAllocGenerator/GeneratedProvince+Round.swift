public import Foundation

extension GeneratedProvince {
    /// The projects table of one funding round whose horizon ends in `lastYear`: the round's library leaves
    /// out the projects that apply to a fund but ask for money only after `lastYear` (they apply in a later
    /// round), and every `requires` pointing at them. Projects drawing money both within and after the round
    /// keep all their requests: their later years are later-year needs, not this round's money.
    public func round(through lastYear: Int) -> GeneratedProvince {
        let years = ProjectRecord.years
        var round = self
        round.projectRecords = projectRecords.filter { project in
            guard project.fund != nil, project.requests.contains(where: { $0 > 0 }) else { return true }
            return zip(years, project.requests).contains { year, amount in year <= lastYear && amount > 0 }
        }
        let kept = Set(round.projectRecords.map(\.id))
        for index in round.projectRecords.indices {
            round.projectRecords[index].requires.removeAll { !kept.contains($0) }
        }
        return round
    }

    /// `projects-<first>-<last>.csv`, the projects table of a round ending in `lastYear`.
    public static func roundFileName(through lastYear: Int) -> String {
        "projects-\(ProjectRecord.years.first ?? lastYear)-\(lastYear).csv"
    }

    /// Writes the projects table of the round ending in `lastYear` beside the four tables.
    public func writeRound(through lastYear: Int, to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(Self.roundFileName(through: lastYear))
        try Data(round(through: lastYear).projects.text.utf8).write(to: url, options: .atomic)
    }
}
