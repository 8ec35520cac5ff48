import GreenAllocGenerator
import Testing

@Suite struct ProvinceShapeTests {
    let province = bundled

    @Test func citiesAreTheSixteenPrefectureCities() {
        #expect(province.cityRecords.count == 16)
        #expect(province.cityRecords.first?.id == "370100" && province.cityRecords.last?.id == "371700")
        #expect(Set(province.cityRecords.map(\.region)) == ["east", "central", "west"])
    }

    @Test func parkCountAndStatusesMatchTheBrief() {
        let parks = province.parkRecords
        #expect((130...170).contains(parks.count))
        func count(_ status: ParkStatus) -> Int { parks.filter { $0.status == status }.count }
        #expect(count(.namedNational) == 7)
        #expect(parks.prefix(7).allSatisfy { $0.status == .namedNational })
        #expect((15...25).contains(count(.namedProvincial)))
        #expect((50...70).contains(count(.underConstruction)))
        #expect((1...5).contains(count(.rectifying)))
        #expect((2...3).contains(count(.revoked)))
        #expect((2...3).contains(count(.barred)))
        for park in parks where park.status == .barred {
            let year = park.barredUntil.flatMap { Int($0.prefix(4)) }
            #expect(year == 2023 || year == 2024, "\(park.id) barred until \(park.barredUntil ?? "-")")
        }
        #expect(parks.allSatisfy { (55...98).contains($0.reviewScore) })
        #expect(Set(parks.map(\.name)).count == parks.count, "park names are unique")
        // the 2025 target is reachable only by naming most parks under construction
        let named = count(.namedNational) + count(.namedProvincial)
        let needed = (parks.count - count(.revoked) + 1) / 2
        #expect(needed - named > count(.underConstruction) / 2 && needed - named < count(.underConstruction))
    }

    @Test func everyParkHasTwoToTwelveProjects() {
        var perPark: [String: Int] = [:]
        for project in province.projectRecords { perPark[project.park, default: 0] += 1 }
        #expect(province.projectRecords.count == 900)
        #expect(perPark.count == province.parkRecords.count)
        #expect(perPark.values.allSatisfy { (2...12).contains($0) })
    }

    @Test func everyParkUnderConstructionHasANamingPackage() {
        let packages = Dictionary(grouping: province.projectRecords.filter(\.namingPrerequisite), by: \.park)
        let underConstruction = province.parkRecords.filter { $0.status == .underConstruction }
        for park in underConstruction {
            let package = packages[park.id] ?? []
            #expect((1...3).contains(package.count), "\(park.id) has \(package.count) prerequisites")
            for project in package {
                #expect(project.fund == "prov-special" && project.minShare == nil && project.lock == nil)
                #expect(["in_library", "supplementary"].contains(project.provincialLibrary))
                #expect(project.totalRequest <= 0.5 * project.investment && project.totalRequest <= 8_000)
            }
        }
        #expect(Set(packages.keys) == Set(underConstruction.map(\.id)))
        let years = province.earliestNamingYears
        #expect(years.count == underConstruction.count)
        #expect(years.values.filter { $0 == 2022 }.count >= 4, "the 2022 target needs four namings")
    }

    @Test func aHandfulOfLocksAllFundable() {
        let parkStatus = Dictionary(uniqueKeysWithValues: province.parkRecords.map { ($0.id, $0.status) })
        let lockedIn = province.projectRecords.filter { $0.lock == "in" }
        #expect((2...4).contains(lockedIn.count))
        for project in lockedIn {
            #expect(project.fund == "prov-special" && project.provincialLibrary == "in_library")
            #expect(!(parkStatus[project.park]?.isExcludedByRules ?? true))
            #expect(project.totalRequest <= 1_500 && project.totalRequest <= 0.5 * project.investment)
            #expect(project.requestYears.allSatisfy { $0 <= 2023 })
        }
        #expect((1...2).contains(province.projectRecords.filter { $0.lock == "out" }.count))
    }

    @Test func linksStayInsideOneParkAndPointAtRealProjects() {
        let projects = province.projectRecords
        let byID = Dictionary(uniqueKeysWithValues: projects.map { ($0.id, $0) })
        let groups = Dictionary(grouping: projects.filter { $0.exclusiveGroup != nil }, by: { $0.exclusiveGroup ?? "" })
        #expect((3...5).contains(groups.count))
        for (group, members) in groups {
            #expect((2...3).contains(members.count), "\(group)")
            #expect(Set(members.map(\.park)).count == 1, "\(group) spans parks")
        }
        let dependents = projects.filter { !$0.requires.isEmpty }
        #expect(dependents.count >= 2)
        for project in dependents {
            for required in project.requires {
                #expect(byID[required]?.park == project.park)
            }
        }
    }

    @Test func moneyAndBenefitsArePlausible() {
        let projects = province.projectRecords
        let investments = projects.map(\.investment).sorted()
        let median = investments[investments.count / 2]
        #expect((2_000...5_000).contains(median), "median investment \(median)")
        #expect(investments.last ?? 0 <= 300_000)
        let loanOnly = projects.filter { $0.fund == nil }
        #expect(loanOnly.allSatisfy { $0.totalRequest == 0 && ($0.loanNeed ?? 0) > 0 })
        for project in projects where project.fund != nil {
            #expect(project.totalRequest > 0)
            let share = project.totalRequest / project.investment
            #expect(share >= 0.099 && share <= 0.601, "\(project.id) requests \(share) of its investment")
            let years = project.requestYears
            #expect(years.count <= 2 && (years.count < 2 || years[1] == years[0] + 1))
        }
        let withLoans = Double(projects.filter { $0.loanNeed != nil }.count) / Double(projects.count)
        #expect((0.3...0.5).contains(withLoans))
        let inLibrary = Double(projects.filter { ["in_library", "supplementary"].contains($0.provincialLibrary) }.count)
        #expect((0.65...0.78).contains(inLibrary / Double(projects.count)))
        let capacity = Double(projects.filter { $0.category == "capacity" }.count) / Double(projects.count)
        #expect((0.02...0.08).contains(capacity))
        let banks = province.bankRecords
        #expect(banks.count == 12 && banks.filter { $0.minTier == "preferred" }.count == 1)
        #expect(banks.map(\.capacity).reduce(0, +) < projects.compactMap(\.loanNeed).reduce(0, +))
    }

    @Test func csvFollowsTheSpecShape() {
        let text = province.projects.text
        #expect(!text.hasPrefix("\u{FEFF}") && !text.contains("\r") && text.hasSuffix("\n"))
        #expect(province.projects.header.count == 26)
        for (_, table) in province.tables {
            #expect(table.rows.allSatisfy { $0.count == table.header.count })
        }
        #expect(CSVTable(header: ["a"], rows: [["x,\"y\""]]).text == "a\n\"x,\"\"y\"\"\"\n")
    }
}

@Suite struct ScaleTests {
    @Test func tenThousandProjectsKeepTheShape() {
        let generator = ProvinceGenerator(seed: 11, projects: 10_000)
        let province = generator.generate()
        #expect(province.projectRecords.count == 10_000)
        #expect(province.parkRecords.count == generator.parkCount)
        #expect(Set(province.projectRecords.map(\.id)).count == 10_000)
        var perPark: [String: Int] = [:]
        for project in province.projectRecords { perPark[project.park, default: 0] += 1 }
        #expect(perPark.values.allSatisfy { (2...12).contains($0) })
        let underConstruction = province.parkRecords.filter { $0.status == .underConstruction }.count
        #expect(province.earliestNamingYears.count == underConstruction)
    }

    @Test(arguments: [1, 2, 5, 13, 100])
    func smallProvincesAreWellFormed(projects: Int) {
        let province = ProvinceGenerator(seed: 3, projects: projects).generate()
        #expect(province.projectRecords.count == projects)
        #expect(province.tables.allSatisfy { $0.table.rows.allSatisfy { !$0.isEmpty } })
    }
}
