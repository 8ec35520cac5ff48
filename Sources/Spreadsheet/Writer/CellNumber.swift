/// How a number is spelled in a cell's `<v>`: the shortest form that reads back as the same double, without
/// a trailing `.0` (`300`, `12.5`, `1.0E-5` as `1e-05`). Non-finite values are not written (the cell stays empty).
enum CellNumber {
    static func spelling(_ value: Double) -> String {
        if value == 0 { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }
}
