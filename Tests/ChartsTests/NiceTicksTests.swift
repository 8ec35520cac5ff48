@testable import Charts
import Testing

@Suite struct NiceTicksTests {
    /// Ranges across magnitudes from 1e-6 to 1e12, positive, negative and straddling zero, wide and narrow
    /// relative to their values: (lower, upper).
    static var ranges: [(Double, Double)] {
        var ranges: [(Double, Double)] = []
        for exponent in -6...12 {
            let unit = ChartNumber.powerOfTen(exponent)
            for mantissa in [1.0, 1.3, 2.7, 4.99, 7.1, 9.99] {
                let size = mantissa * unit
                ranges.append((0, size))
                ranges.append((-size, size * 0.37))
                ranges.append((size * 10.2, size * 10.2 + size))
                ranges.append((-size * 3.3, -size * 0.4))
                ranges.append((size * 1000, size * 1000.5))
            }
        }
        return ranges
    }

    @Test(arguments: [3, 5, 8, 10])
    func ticksCoverTheDomainWithRoundStepsAndDistinctLabels(_ count: Int) {
        for (lower, upper) in Self.ranges {
            let ticks = NiceTicks.ticks(lower, upper, count: count)
            let tolerance = max(abs(lower), abs(upper)) * 1e-12
            #expect(ticks.lower <= lower + tolerance, "\(lower)…\(upper): starts at \(ticks.lower)")
            #expect(ticks.upper >= upper - tolerance, "\(lower)…\(upper): ends at \(ticks.upper)")
            #expect([1, 2, 5].contains(ticks.step.mantissa), "\(lower)…\(upper): step \(ticks.step)")
            // Heckbert's step lies within a factor of about 1.6 of span / count; the widening adds < 2 steps.
            #expect(ticks.count >= count * 6 / 10 + 1, "\(lower)…\(upper) in \(count): \(ticks.count) ticks")
            #expect(ticks.count <= count * 16 / 10 + 3, "\(lower)…\(upper) in \(count): \(ticks.count) ticks")
            let withZero = NiceTicks.ticks(lower, upper, count: count, includingZero: true)
            #expect(withZero.lower <= min(lower, 0) + tolerance && withZero.upper >= max(upper, 0) - tolerance, "\(lower)…\(upper) with zero")
            #expect(withZero.values.contains(0), "\(lower)…\(upper): zero is a tick")
            let labels = ticks.labels(.plain)
            #expect(Set(labels).count == labels.count, "\(lower)…\(upper): repeated labels \(labels)")
            for (value, label) in zip(ticks.values, labels) {
                let read = Double(label.filter { $0 != "," }) ?? .nan
                #expect(abs(read - value) <= abs(value) * 1e-12, "\(label) is not \(value)")
            }
        }
    }

    @Test func ticksAreExactMultiplesWithoutBinaryNoise() {
        let ticks = NiceTicks.ticks(0, 0.1 + 0.2)
        #expect(ticks.step == TickStep(mantissa: 5, exponent: -2))
        #expect(ticks.values == [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3])
        #expect(ticks.labels(.plain) == ["0.00", "0.05", "0.10", "0.15", "0.20", "0.25", "0.30"])
        #expect(NiceTicks.ticks(0.1, 0.7, count: 6).values == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
    }

    @Test func theSweepAxisStartsAtZeroWithRoundTicks() {
        let ticks = NiceTicks.ticks(102_500, 1_082_238, includingZero: true)
        #expect(ticks.labels(.wan) == ["0", "200,000", "400,000", "600,000", "800,000", "1,000,000", "1,200,000"])
        let zoomed = NiceTicks.ticks(102_500, 1_082_238)
        #expect(zoomed.lower == 0 && zoomed.step.value == 200_000)
        let narrow = NiceTicks.ticks(960_000, 1_082_238)
        #expect(narrow.labels(.plain) == ["960,000", "980,000", "1,000,000", "1,020,000", "1,040,000", "1,060,000", "1,080,000", "1,100,000"])
    }

    @Test func zeroIsIncludedOnRequestOnly() {
        #expect(NiceTicks.ticks(40, 90, includingZero: true).lower == 0)
        #expect(NiceTicks.ticks(40, 90).lower == 40)
        #expect(NiceTicks.ticks(-90, -40, includingZero: true).upper == 0)
    }

    @Test func percentTicksPrintTheShiftedValue() {
        let ticks = NiceTicks.ticks(0, 1)
        #expect(ticks.labels(.shareAsPercent) == ["0%", "20%", "40%", "60%", "80%", "100%"])
        #expect(NiceTicks.ticks(0, 0.07).labels(.shareAsPercent) == ["0%", "1%", "2%", "3%", "4%", "5%", "6%", "7%"])
        #expect(NiceTicks.ticks(0, 0.003, count: 3).labels(.shareAsPercent) == ["0.0%", "0.1%", "0.2%", "0.3%"])
    }

    @Test func degenerateAndHostileRangesStillGiveTicks() {
        #expect(NiceTicks.ticks(0, 0).values == [0, 0.2, 0.4, 0.6, 0.8, 1])
        let single = NiceTicks.ticks(50, 50)
        #expect(single.lower <= 50 && single.upper >= 50 && single.count > 1)
        for (lower, upper) in [(Double.nan, 3), (.infinity, -.infinity), (-1e308, 1e308), (Double.leastNonzeroMagnitude, Double.leastNormalMagnitude), (1e15, 1e15 + 1), (5, 2)] {
            let ticks = NiceTicks.ticks(lower, upper, count: 0)
            #expect(ticks.count >= 2 && ticks.count <= 60)
            #expect(ticks.values.allSatisfy { $0.isFinite })
            #expect(ticks.lower < ticks.upper)
        }
    }

    @Test(arguments: [(0.7, 5, -1), (0.75, 1, 0), (1.5, 2, 0), (4, 5, 0), (8, 1, 1), (0.0123, 1, -2), (123_456, 1, 5), (1, 1, 0), (10, 1, 1)])
    func stepsFollowHeckbertsThresholds(_ raw: Double, _ mantissa: Int, _ exponent: Int) {
        #expect(TickStep.near(raw) == TickStep(mantissa: mantissa, exponent: exponent))
    }

    @Test func aScaleMapsTheDomainOntoItsRangeBothWays() {
        let scale = LinearScale(domain: 0...200, range: (300, 100))
        #expect(scale(0) == 300 && scale(200) == 100 && scale(50) == 250)
        #expect(scale.value(at: 250) == 50)
        #expect(LinearScale(domain: 5...5, range: (0, 10))(5) == 5)
        #expect(scale(.nan) == 300)
    }
}
