import GreenAllocCore
import Testing

/// A rule's parsed form for readers: the structure as written, names unresolved, nil when it does not parse.
@Suite struct RuleTreeTests {
    @Test func structureAsWritten() {
        let tree = RuleTree(parsing: "park.status in ['revoked','barred'] and not (project.investment * 2 >= 5000 or project.x is missing)")
        let expected = RuleTree.all([
            .membership(.column(entity: "park", name: "status"), .list([.literal(.text("revoked")), .literal(.text("barred"))]), negated: false),
            .not(.any([
                .comparison(.greaterOrEqual,
                    .arithmetic(.column(entity: "project", name: "investment"), [RuleStep(operation: .multiply, operand: .literal(.number(2)))]),
                    .literal(.number(5000))),
                .missingTest(.column(entity: "project", name: "x"), negated: false),
            ])),
        ])
        #expect(tree == expected)
        #expect(RuleTree(parsing: "park.barred_until > as_of - 1095") == .comparison(.greater, .column(entity: "park", name: "barred_until"),
            .arithmetic(.asOf, [RuleStep(operation: .subtract, operand: .literal(.number(1095)))])))
        #expect(RuleTree(parsing: "-foo != true") == .comparison(.notEqual, .negate(.word("foo")), .literal(.boolean(true))))
    }

    @Test func mirroredComparisons() {
        #expect(RuleComparison.allCases.map(\.mirrored) == [.equal, .notEqual, .greater, .greaterOrEqual, .less, .lessOrEqual])
    }

    @Test func unparsableRulesGiveNil() {
        for source in ["", "project.x ==", "(a", "project.x in", "'open"] { #expect(RuleTree(parsing: source) == nil, "\(source)") }
    }
}
