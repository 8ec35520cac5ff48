/// A park that failed the two-year review, with the status the plan reads for it (scenario-format §15.3).
public struct ReviewedPark: Sendable, Hashable {
    public var id: String
    public var name: String
    public var city: String
    public var statusBefore: ParkStatus
    public var statusAfter: ParkStatus
    /// The bar set by the review (`revoke` of a park under construction).
    public var barredUntil: Day?

    public init(id: String, name: String, city: String, statusBefore: ParkStatus, statusAfter: ParkStatus, barredUntil: Day?) {
        self.id = id
        self.name = name
        self.city = city
        self.statusBefore = statusBefore
        self.statusAfter = statusAfter
        self.barredUntil = barredUntil
    }
}

/// scenario-format §15.3: applies a `review:` section to the library. Parks named or under construction that fail
/// get the status the treatment gives them, in the parks table that rules read and in the park records the
/// compiler reads; every other park is left as it is.
public struct ParkReview {
    public let review: ReviewSpec
    public let asOf: Day

    public init(review: ReviewSpec, asOf: Day) {
        self.review = review
        self.asOf = asOf
    }

    /// The failing parks, in table order, or the input errors (an unknown park id, a column that is not a numeric
    /// parks column).
    public func failing(in library: Library) -> Result<[Int], InputErrors> {
        var errors: [Diagnostic] = []
        let ids = Dictionary(library.parkRecords.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var listed = Set<Int>()
        for (id, location) in review.parks {
            if let index = ids[id] {
                listed.insert(index)
            } else {
                errors.append(.error(location, "review.parks: unknown park '\(id)'"))
            }
        }
        var scored = Set<Int>()
        if let name = review.column, let below = review.below {
            if let column = library.parks.column(name), column.type == .number {
                for (index, value) in column.values.enumerated() where (value.number ?? .infinity) < below { scored.insert(index) }
            } else {
                errors.append(.error(review.location, "review.column: '\(name)' is not a numeric column of \(library.parks.file)"))
            }
        }
        guard errors.isEmpty else { return .failure(InputErrors(errors)) }
        return .success(library.parkRecords.indices.filter { index in
            (listed.contains(index) || scored.contains(index)) && Self.underReview(library.parkRecords[index].status)
        })
    }

    static func underReview(_ status: ParkStatus) -> Bool {
        status.isEcoPark || status == .underConstruction
    }

    /// The library with the failing parks' statuses changed, and the list of changes.
    public func apply(to library: Library) -> Result<(Library, [ReviewedPark]), InputErrors> {
        let parks: [Int]
        switch failing(in: library) {
        case .failure(let errors): return .failure(errors)
        case .success(let found): parks = found
        }
        var changed = library
        var reviewed: [ReviewedPark] = []
        let (year, month, day) = asOf.components
        let bar = Day(year: year + 3, month: month, day: day) ?? Day(year: year + 3, month: month, day: 28) ?? asOf
        for index in parks {
            let record = library.parkRecords[index]
            var after = ParkStatus.rectifying
            var barred: Day?
            if review.treatment == .revoke {
                after = .none
                if record.status == .underConstruction { barred = bar }
            }
            changed.parkRecords[index].status = after
            changed.parks.set("status", row: index, to: .text(after.rawValue), type: .text)
            if let barred {
                changed.parkRecords[index].barredUntil = barred
                changed.parks.set("barred_until", row: index, to: .date(barred), type: .date)
            }
            reviewed.append(
                ReviewedPark(
                    id: record.id, name: record.name, city: library.cityIDs[record.city], statusBefore: record.status,
                    statusAfter: after, barredUntil: barred))
        }
        return .success((changed, reviewed))
    }
}

extension DataTable {
    /// Sets one cell, adding the column (every other cell missing) when the table has none of that name.
    mutating func set(_ name: String, row: Int, to value: Value, type: ValueType) {
        if columnIndex[name] == nil {
            let column = Column(
                name: name, type: type, values: Array(repeating: .missing, count: rowCount), position: columns.count + 1)
            self = DataTable(file: file, columns: columns + [column], rowLines: rowLines, sheet: sheet)
        }
        guard let index = columnIndex[name], row < columns[index].values.count else { return }
        columns[index].values[row] = value
    }
}
