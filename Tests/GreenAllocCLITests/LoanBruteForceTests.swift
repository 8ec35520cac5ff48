import Foundation
import Testing

/// Random small loan stages (≤ 8 loan-eligible projects, ≤ 3 banks) against brute force over scenario-format §11:
/// every assignment enumerated, best Σ loan_score first, then the most volume.
@Suite struct LoanBruteForceTests {
    @Test(arguments: 1...24) func matchesBruteForce(seed: Int) throws {
        let random = RandomLoanCase(seed: seed)
        let fixture = try random.fixture()
        let result = try fixture.solve()
        #expect(result.code == 0, "\(result.error)")
        let stage = result.json["loan_stage"] as? [String: Any]
        let loans = result.json["loans"] as? [[String: Any]] ?? []
        let volume = loans.reduce(0.0) { $0 + ($1["amount"] as? Double ?? 0) }
        let best = random.bruteForce()
        #expect(stage?["status"] as? String == "optimal")
        let objective = stage?["objective"] as? Double ?? .nan
        #expect(abs(objective - best.score) <= 1e-6 * max(1, best.score), "seed \(seed): \(objective) vs \(best.score)")
        #expect(abs(volume - best.volume) <= 1e-6 * max(1, best.volume), "seed \(seed): volume \(volume) vs \(best.volume)")
    }
}
