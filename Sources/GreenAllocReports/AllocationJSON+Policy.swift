import GreenAllocCore

/// allocation.json's keys for the policy instruments (scenario-format §15), written only when the scenario uses
/// them: `review`, `carry`, `envelopes`, `envelope_cost`.
extension AllocationJSON {
    static func policyMembers(_ allocation: Allocation) -> [(String, JSONValue)] {
        guard let policy = allocation.policy else { return [] }
        var members: [(String, JSONValue)] = []
        if let review = policy.review {
            members.append(
                (
                    "review",
                    .object([
                        ("name", .string(review.name)), ("treatment", .string(review.treatment.rawValue)),
                        ("parks", .array(review.parks.map(reviewedPark))),
                    ])
                ))
        }
        if !policy.carry.isEmpty { members.append(("carry", .array(policy.carry.map(carry)))) }
        if !policy.envelopes.isEmpty { members.append(("envelopes", .array(policy.envelopes.map(envelope)))) }
        if let without = policy.objectiveWithoutEnvelopes, let with = allocation.objective {
            let cost = allocation.objectiveSense == .maximizeBenefit ? without - with : with - without
            members.append(
                (
                    "envelope_cost",
                    .object([("objective_without", .double(without)), ("objective_with", .double(with)), ("cost", .double(cost))])
                ))
        }
        return members
    }

    static func reviewedPark(_ park: ReviewedPark) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(park.id)), ("name", .string(park.name)), ("city", .string(park.city)),
            ("status_before", .string(park.statusBefore.rawValue)), ("status_after", .string(park.statusAfter.rawValue)),
        ]
        if let barred = park.barredUntil { members.append(("barred_until", .string(barred.description))) }
        return .object(members)
    }

    static func carry(_ fund: FundCarry) -> JSONValue {
        .object([
            ("fund", .string(fund.fund)), ("share", .double(fund.share)),
            (
                "years",
                .array(
                    fund.years.map { year in
                        .object([
                            ("year", .int(year.year)), ("budget", .money(year.budget)), ("opening", .money(year.opening)),
                            ("carried_in", .money(year.carriedIn)), ("available", .money(year.available)),
                            ("spent", .money(year.spent)), ("carried_out", .money(year.carriedOut)),
                        ])
                    })
            ),
        ])
    }

    static func envelope(_ row: EnvelopeOutcome) -> JSONValue {
        var members: [(String, JSONValue)] = [("name", .string(row.name)), ("mode", .string(row.mode.rawValue)), ("city", .string(row.city))]
        if let year = row.year { members.append(("year", .int(year))) }
        members += [
            ("share", .double(row.share)), ("envelope", .money(row.envelope)), ("allocation", .money(row.allocation)),
            ("deviation", .money(row.deviation)),
        ]
        return .object(members)
    }
}

extension AllocationJSON {
    /// `start_year` (null when not funded) and `deferred_years` of a project when deferral is in use
    /// (scenario-format §15.4).
    static func deferralMembers(_ project: ProjectOutcome) -> [(String, JSONValue)] {
        [
            ("start_year", project.startYear.map { .int($0) } ?? .null),
            ("deferred_years", .int(project.deferredYears)),
        ]
    }
}

extension AllocationJSON {
    /// A loan's terms when loan terms are in use (scenario-format §15.5): `rate`, `term_years` (null: none),
    /// `grace_years`, `interest_subsidy` per horizon year, `interest_subsidy_later`, `interest_subsidy_total`, `co2_t`
    /// and `carbon_facility` (null without a rule).
    static func termMembers(_ loan: LoanAssignment, _ terms: LoanTermsDetails) -> [(String, JSONValue)] {
        guard let schedule = terms.schedule(project: loan.project, bank: loan.bank) else { return [] }
        let perYear = zip(terms.years, schedule.perYear).map { (String($0), JSONValue.money($1)) }
        return [
            ("rate", .double(schedule.rate)), ("term_years", schedule.term.map { .int($0) } ?? .null),
            ("grace_years", .int(schedule.grace)), ("interest_subsidy", .object(perYear)),
            ("interest_subsidy_later", .money(schedule.later)), ("interest_subsidy_total", .money(schedule.total)),
            ("co2_t", .double(terms.co2[loan.project])),
            ("carbon_facility", terms.carbonFacility[loan.project].map { .bool($0) } ?? .null),
        ]
    }
}
