/// Natural logarithm and exponential computed with `+ - * /` only, so that results are bit-identical on every
/// platform (libm's `log` and `exp` may differ in the last place between glibc and Darwin, and one ulp can flip
/// a rounded figure in a committed table).
enum DeterministicMath {
    static let ln2 = 0.693_147_180_559_945_3
    static let sqrt2 = 1.414_213_562_373_095_1

    /// ln(x) for finite x > 0: x = m · 2^e with m in [√½, √2), ln m = 2·atanh((m−1)/(m+1)) by its series.
    static func log(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite, "log of a non-positive or non-finite number")
        var exponent = Int(x.exponent)
        var mantissa = x.significand  // exact, in [1, 2)
        if mantissa > sqrt2 {
            mantissa /= 2  // exact
            exponent += 1
        }
        let ratio = (mantissa - 1) / (mantissa + 1)  // |ratio| < 0.172
        let square = ratio * ratio
        var term = ratio
        var sum = 0.0
        var denominator = 1.0
        for _ in 0..<14 {
            sum += term / denominator
            term *= square
            denominator += 2
        }
        return Double(exponent) * ln2 + 2 * sum
    }

    /// e^x: x = k·ln2 + r with |r| ≤ ln2/2, e^r by its Taylor series, then scaled by 2^k exactly.
    static func exp(_ x: Double) -> Double {
        precondition(x.isFinite && x < 700 && x > -700, "exp argument out of range")
        let power = (x / ln2).rounded()
        let remainder = x - power * ln2
        var term = 1.0
        var sum = 1.0
        for index in 1...22 {
            term *= remainder / Double(index)
            sum += term
        }
        return sum * Double(sign: .plus, exponent: Int(power), significand: 1)
    }
}
