/// How a number is spelled in a cell's `<v>`: the shortest form that reads back as the same double, without
/// a trailing `.0` (`300`, `12.5`, `1.0E-5` as `1e-05`). Non-finite values are not written (the cell stays empty).
enum CellNumber {
    static func spelling(_ value: Double) -> String {
        if value == 0 { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }
}

extension CellNumber {
    /// The value in ten-thousandths when it has at most 4 decimals exactly (money rounded to 0.0001 万元, counts):
    /// its 4-decimal spelling then reads back as the same double. Nil otherwise (shares, scores).
    static func tenThousandths(_ value: Double) -> Int64? {
        guard value.isFinite, abs(value) < 9e14 else { return nil }
        let scaled = (value * 10_000).rounded()
        guard scaled / 10_000 == value else { return nil }
        return Int64(scaled)
    }
}
