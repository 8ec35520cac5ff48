/// Sampling helpers on the project's own generator. Every draw consumes a fixed, documented number of 64-bit
/// outputs (except the rejection loop of `normal()`), so adding a column later does not reshuffle earlier ones
/// as long as it draws from its own sub-stream.
extension Xoshiro256StarStar {
    /// Uniform in [0, 1) with 53 random bits.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in [lower, upper).
    mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * unit()
    }

    /// Uniform integer in the closed range, by Lemire's multiply-and-reject (no modulo bias).
    mutating func integer(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) &+ 1
        if span == 0 { return Int(truncatingIfNeeded: next()) }
        var product = next().multipliedFullWidth(by: span)
        if product.low < span {
            let threshold = (0 &- span) % span
            while product.low < threshold { product = next().multipliedFullWidth(by: span) }
        }
        return range.lowerBound + Int(product.high)
    }

    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// Standard normal by the polar form of Box–Muller (Marsaglia), with the project's own logarithm.
    mutating func normal() -> Double {
        while true {
            let first = 2 * unit() - 1
            let second = 2 * unit() - 1
            let radius = first * first + second * second
            if radius > 0 && radius < 1 {
                return first * (-2 * DeterministicMath.log(radius) / radius).squareRoot()
            }
        }
    }

    /// Lognormal with the given median and log-standard deviation.
    mutating func logNormal(median: Double, sigma: Double) -> Double {
        median * DeterministicMath.exp(sigma * normal())
    }

    /// Index drawn with probability proportional to its weight (weights ≥ 0, not all 0).
    mutating func weightedIndex(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            if target < weight { return index }
            target -= weight
        }
        return weights.lastIndex { $0 > 0 } ?? 0
    }

    /// One value of `choices` by weight.
    mutating func pick<Value>(_ choices: [(Value, Double)]) -> Value {
        choices[weightedIndex(choices.map(\.1))].0
    }

    /// One element, uniformly.
    mutating func element<Value>(of values: [Value]) -> Value {
        values[integer(in: 0...(values.count - 1))]
    }

    /// Fisher–Yates shuffle with this generator (the standard library's `shuffle(using:)` does not promise a
    /// stable algorithm across releases).
    mutating func shuffle<Value>(_ values: inout [Value]) {
        guard values.count > 1 else { return }
        for index in stride(from: values.count - 1, to: 0, by: -1) {
            let other = integer(in: 0...index)
            if other != index { values.swapAt(index, other) }
        }
    }
}
