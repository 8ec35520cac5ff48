public import Foundation

/// A generated province: typed records and the four CSV tables that `write(to:)` saves.
public struct GeneratedProvince: Sendable {
    public var seed: UInt64
    public var cityRecords: [CityRecord]
    public var parkRecords: [ParkRecord]
    public var projectRecords: [ProjectRecord]
    public var bankRecords: [BankRecord]

    /// File names, in the order scenario-format §13 hashes them.
    public static let fileNames = ["cities.csv", "parks.csv", "projects.csv", "banks.csv"]

    public var cities: CSVTable {
        CSVTable(header: ["id", "name", "pinyin", "region", "gdp_2022"], rows: cityRecords.map {
            [$0.id, $0.name, $0.pinyin, $0.region, String($0.gdp2022)]
        })
    }

    public var parks: CSVTable {
        CSVTable(
            header: ["id", "name", "city", "level", "type", "chemical", "status", "barred_until", "naming_year", "review_score"],
            rows: parkRecords.map {
                [$0.id, $0.name, $0.city, $0.level.rawValue, $0.type.rawValue, $0.chemical ? "true" : "false",
                 $0.status.rawValue, $0.barredUntil ?? "", $0.namingYear.map(String.init) ?? "", String($0.reviewScore)]
            })
    }

    public var projects: CSVTable {
        let header = ["id", "name", "park", "fund", "category", "investment"]
            + ProjectRecord.years.map { "request_\($0)" }
            + ["min_share", "lock", "requires", "exclusive_group", "naming_prerequisite", "loan_need", "maturity",
               "central_library", "provincial_library", "finance_tier"]
            + ProjectRecord.benefitColumns
        return CSVTable(header: header, rows: projectRecords.map { project in
            var row = [project.id, project.name, project.park, project.fund ?? "", project.category,
                       DecimalFormatting.whole(project.investment)]
            row += project.requests.map { $0 > 0 ? DecimalFormatting.oneDecimal($0) : "" }
            row += [
                project.minShare.map(DecimalFormatting.share) ?? "", project.lock ?? "",
                project.requires.joined(separator: ";"), project.exclusiveGroup ?? "",
                project.namingPrerequisite ? "true" : "", project.loanNeed.map(DecimalFormatting.whole) ?? "",
                project.maturity, project.centralLibrary, project.provincialLibrary, project.financeTier,
            ]
            row += project.benefits.map { $0.map(DecimalFormatting.oneDecimal) ?? "" }
            return row
        })
    }

    public var banks: CSVTable {
        CSVTable(header: ["id", "name", "capacity", "max_per_project", "min_tier", "cities"], rows: bankRecords.map {
            [$0.id, $0.name, DecimalFormatting.whole($0.capacity), DecimalFormatting.whole($0.maxPerProject),
             $0.minTier ?? "", $0.cities.joined(separator: ";")]
        })
    }

    /// The four tables with their file names, in `fileNames` order.
    public var tables: [(fileName: String, table: CSVTable)] {
        zip(Self.fileNames, [cities, parks, projects, banks]).map { ($0, $1) }
    }

    /// Writes cities.csv, parks.csv, projects.csv and banks.csv into `directory` (created if needed), each file
    /// atomically.
    public func write(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (fileName, table) in tables {
            try Data(table.text.utf8).write(to: directory.appendingPathComponent(fileName), options: .atomic)
        }
    }
}
