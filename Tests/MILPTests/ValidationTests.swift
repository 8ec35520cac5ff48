import MILP
import Testing

@Suite struct ValidationTests {
    @Test func acceptsAWellFormedModel() throws {
        var model = Model()
        model.addColumn("x.1", kind: .integer, lower: -.infinity, upper: 3)
        model.addColumn("y_2", lower: -.infinity, upper: .infinity)
        model.addRow("row", terms: [Term(0, 1), Term(1, -2)], lower: -.infinity, upper: 5)
        try model.validate()
        try model.validate(start: [1, 2])
    }

    @Test func messagesNameTheRowOrColumn() {
        var model = Model()
        model.addColumn("budget_2025")
        model.addRow("city_limit", terms: [Term(0, .nan)], upper: 1)
        #expect(throws: ModelError.self) { try model.validate() }
        do {
            try model.validate()
        } catch {
            #expect(error.message.contains("city_limit"))
            #expect(error.message.contains("budget_2025"))
        }
    }

    @Test func rejectsCrossedRowBoundsAndInfiniteWrongSides() {
        var crossed = Model()
        crossed.addRow("r", terms: [], lower: 2, upper: 1)
        #expect(throws: ModelError(.crossedBounds, "row 'r' has lower bound 2.0 above upper bound 1.0")) {
            try crossed.validate()
        }
        var infinite = Model()
        infinite.addColumn("x", lower: .infinity, upper: .infinity)
        #expect(throws: ModelError.self) { try infinite.validate() }
    }

    @Test func nameRules() {
        #expect(Model.isValidName("a.B_9"))
        #expect(!Model.isValidName(""))
        #expect(!Model.isValidName("a b"))
        #expect(!Model.isValidName("é"))
        #expect(Model.isValidName(String(repeating: "a", count: 255)))
        #expect(!Model.isValidName(String(repeating: "a", count: 256)))
    }

    @Test func duplicateRowNamesAreRefusedButRowAndColumnMayShareAName() throws {
        var model = Model()
        model.addColumn("same")
        model.addRow("same", terms: [Term(0, 1)], upper: 1)
        try model.validate()
        model.addRow("same", terms: [Term(0, 1)], upper: 2)
        #expect(throws: ModelError.self) { try model.validate() }
    }

    @Test func startMustHaveOneFiniteValuePerColumn() {
        var model = Model()
        model.addColumn("x")
        #expect(throws: ModelError.self) { try model.validate(start: []) }
        #expect(throws: ModelError.self) { try model.validate(start: [.nan]) }
    }
}

@Suite struct VerificationTests {
    static var model: Model {
        var model = Model()
        model.addColumn("x", kind: .integer, lower: 0, upper: 10)
        model.addColumn("y", lower: -1, upper: 1)
        model.addRow("cap", terms: [Term(0, 1), Term(1, 1)], upper: 1000)
        model.addRow("floor", terms: [Term(0, 1)], lower: 2)
        return model
    }

    @Test func feasiblePointHasNoViolation() {
        #expect(Self.model.verify([3, 0.5]).isEmpty)
        #expect(Self.model.isFeasible([10, 1]))
    }

    @Test func reportsEachKindNamingTheRowOrColumn() {
        let violations = Self.model.verify([1.5, 2])
        #expect(Set(violations.map(\.kind)) == [.columnBound, .integrality, .rowBound])
        #expect(violations.contains { $0.kind == .rowBound && $0.name == "floor" })
        #expect(violations.contains { $0.description.contains("'y'") })
        #expect(Self.model.verify([1]).map(\.kind) == [.length])
        #expect(Self.model.verify([.nan, 0]).map(\.kind) == [.nonFiniteValue])
    }

    @Test func rowToleranceIsRelative() {
        // 1000 + 5e-4 is within 1e-6 · 1000 of the bound; 1000.01 is not.
        #expect(Self.model.verify([10, 0.0005], tolerance: 1e-6).allSatisfy { $0.kind != .rowBound })
        var model = Self.model
        model.setRowBounds(0, lower: -.infinity, upper: 10)
        #expect(model.verify([10, 0.001]).contains { $0.kind == .rowBound })
    }
}
