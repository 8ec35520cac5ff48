@testable import Charts
import Testing

@Suite struct LorenzTests {
    /// The mean absolute difference form, `Σᵢ Σⱼ |aᵢ − aⱼ| / (2 n² ā)`, an independent reading for equal weights.
    static func giniByPairs(_ amounts: [Double]) -> Double {
        let count = Double(amounts.count), mean = amounts.reduce(0, +) / count
        let differences = amounts.flatMap { left in amounts.map { abs(left - $0) } }.reduce(0, +)
        return differences / (2 * count * count * mean)
    }

    @Test(arguments: 1...7)
    func equalSharesGiveZero(_ count: Int) throws {
        let curve = try #require(LorenzCurve(amounts: Array(repeating: 125.5, count: count)))
        #expect(abs(curve.gini) < 1e-12)
        #expect(curve.points.allSatisfy { abs($0.x - $0.y) < 1e-12 })
    }

    @Test(arguments: 1...7)
    func everythingToOneOfNGivesNMinusOneOverN(_ count: Int) throws {
        var amounts = Array(repeating: 0.0, count: count)
        amounts[count / 2] = 3_000
        let curve = try #require(LorenzCurve(amounts: amounts))
        #expect(abs(curve.gini - Double(count - 1) / Double(count)) < 1e-12)
        #expect(curve.points.last?.unit == count / 2)
    }

    @Test func aSmallCaseByHand() throws {
        // Amounts 4, 1, 3, 2: ordered 1, 2, 3, 4 (units 1, 3, 2, 0); cumulative shares 0.1, 0.3, 0.6, 1;
        // twice the area = 0.25 × (0.1 + 0.4 + 0.9 + 1.6) = 0.75, so G = 0.25 (pairs: 20 / (2·16·2.5)).
        let curve = try #require(LorenzCurve(amounts: [4, 1, 3, 2]))
        #expect(curve.points.map(\.unit) == [nil, 1, 3, 2, 0])
        #expect(curve.points.map(\.x) == [0, 0.25, 0.5, 0.75, 1])
        let shares = curve.points.map(\.y)
        for (share, expected) in zip(shares, [0, 0.1, 0.3, 0.6, 1]) { #expect(abs(share - expected) < 1e-12) }
        #expect(abs(curve.gini - 0.25) < 1e-12)
    }

    @Test func weightsOrderUnitsByAmountPerWeight() throws {
        // City A: 3 of money for 1 of population; city B: 1 for 3. Ordered B, A: (0.75, 0.25), (1, 1);
        // twice the area = 0.75 × 0.25 + 0.25 × 1.25 = 0.5, so G = 0.5.
        let curve = try #require(LorenzCurve(amounts: [3, 1], weights: [1, 3]))
        #expect(curve.points.map(\.unit) == [nil, 1, 0])
        #expect(curve.points[1] == LorenzCurve.Point(x: 0.75, y: 0.25, unit: 1))
        #expect(abs(curve.gini - 0.5) < 1e-12)
    }

    @Test func equalWeightsAgreeWithThePairwiseFormula() throws {
        let cases: [[Double]] = [[1, 2], [5, 0, 0, 1], [10, 20, 30, 40, 50], [0.5, 0.25, 8, 13, 2, 2, 0], [1e6, 1, 1, 1]]
        for amounts in cases {
            let curve = try #require(LorenzCurve(amounts: amounts))
            #expect(abs(curve.gini - Self.giniByPairs(amounts)) < 1e-12, "\(amounts)")
            let weighted = try #require(LorenzCurve(amounts: amounts, weights: Array(repeating: 7, count: amounts.count)))
            #expect(abs(curve.gini - weighted.gini) < 1e-12)
        }
    }

    @Test func nothingToShareGivesNoCurve() {
        #expect(LorenzCurve(amounts: []) == nil)
        #expect(LorenzCurve(amounts: [0, 0]) == nil)
        #expect(LorenzCurve(amounts: [1, -1]) == nil)
        #expect(LorenzCurve(amounts: [1, .nan]) == nil)
        #expect(LorenzCurve(amounts: [1, 2], weights: [1]) == nil)
        #expect(LorenzCurve(amounts: [1, 2], weights: [0, 0]) == nil)
        #expect(LorenzCurve(amounts: [1e308, 1e308]) == nil)
    }

    @Test func aUnitWithoutWeightComesLastAsAStepUp() throws {
        let curve = try #require(LorenzCurve(amounts: [2, 2, 0], weights: [1, 0, 0]))
        #expect(curve.points.map(\.unit) == [nil, 0, 1])
        #expect(curve.points[1] == LorenzCurve.Point(x: 1, y: 0.5, unit: 0))
        #expect(abs(curve.gini - 0.5) < 1e-12)
    }
}
