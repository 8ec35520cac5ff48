/// Levenshtein distance, for "did you mean" hints.
func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let left = Array(lhs)
    let right = Array(rhs)
    if left.isEmpty { return right.count }
    if right.isEmpty { return left.count }
    var previous = Array(0...right.count)
    for (row, leftCharacter) in left.enumerated() {
        var current = [row + 1] + Array(repeating: 0, count: right.count)
        for (column, rightCharacter) in right.enumerated() {
            current[column + 1] = Swift.min(
                previous[column + 1] + 1, current[column] + 1,
                previous[column] + (leftCharacter == rightCharacter ? 0 : 1))
        }
        previous = current
    }
    return previous[right.count]
}
