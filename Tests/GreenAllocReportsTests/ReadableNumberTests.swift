@testable import GreenAllocReports
import Testing

@Suite struct ReadableNumberTests {
    @Test(arguments: [
        (44438.159999999996, "44438.16"), (2872.7999999999997, "2872.8"), (121560.9, "121560.9"), (40, "40"),
        (-57.599999999999994, "-57.6"), (0.000123456789012, "0.000123456789"), (0, "0"), (1234567890123, "1234567890123"),
    ])
    func scoresReadWithoutBinaryNoise(_ value: Double, _ text: String) {
        #expect(BankListDocument.readable(value) == text)
    }
}
