import GreenAllocCore
import TestSupport
import Testing

@Suite struct ExpressionRobustnessTests {
    private func timed<T>(_ body: () -> T) -> (T, Duration) {
        let clock = ContinuousClock()
        var result: T?
        let elapsed = clock.measure { result = body() }
        return (result!, elapsed)
    }

    @Test func longOrChainCompilesQuicklyAndEvaluates() throws {
        var clauses: [String] = []
        var length = 0
        while length < 10_000 {
            let clause = "project.x == \(clauses.count + 100)"
            clauses.append(clause)
            length += clause.count + 4
        }
        let source = clauses.joined(separator: " or ") + " or project.x == 7"
        #expect(source.count > 10_000)
        let (result, elapsed) = timed { compile(source) }
        let expression = try result.get()
        #expect(elapsed < .seconds(2))
        #expect(expression.holds(fullRow))
        #expect(!expression.holds(emptyRow))
    }

    @Test(arguments: [" and ", " + ", " * ", " - "])
    func longChainsOfOneOperator(separator: String) throws {
        let operand = separator == " and " ? "project.x > 1" : "1"
        let count = 3_000
        var source = Array(repeating: operand, count: count).joined(separator: separator)
        switch separator {
        case " + ": source += " == \(count)"
        case " * ": source += " == 1"
        case " - ": source += " == \(2 - count)"
        default: break
        }
        let (result, elapsed) = timed { compile(source) }
        let expression = try result.get()
        #expect(elapsed < .seconds(2))
        #expect(expression.holds(fullRow), "\(separator)")
    }

    @Test(arguments: [("(", ")"), ("not (", ")"), ("- (", ")"), ("not ", ""), ("- ", ""), ("[", "]")])
    func deepNestingIsAnErrorNotACrash(open: String, close: String) {
        // `not (` and `- (` nest two levels each; the limit is 200 levels.
        let allowed = open.count > 2 ? 99 : 200
        for depth in [allowed, 10_000] {
            let core = open == "[" || open.hasPrefix("-") ? "1" : "true"
            var source = String(repeating: open, count: depth) + core + String(repeating: close, count: depth)
            if open.hasPrefix("-") { source += " == 0" }
            if open == "[" { source = "1 in " + source }
            let result = compile(source, expecting: nil)
            if depth == 10_000 || open == "[" {
                guard case .failure(let errors) = result else {
                    Issue.record("\(open) × \(depth) compiled")
                    continue
                }
                if depth == 10_000 {
                    #expect(errors.diagnostics.first?.message.contains("nested too deeply") == true, "\(open)")
                }
            } else {
                #expect((try? result.get()) != nil, "\(open) × \(depth)")
            }
        }
    }

    @Test func moderateNestingEvaluatesCorrectly() {
        let source = String(repeating: "not (", count: 99) + "project.x > 1" + String(repeating: ")", count: 99)
        #expect(evaluate(source) == .boolean(false))
        #expect(evaluate(source, emptyRow) == .boolean(true))
        #expect(!diagnostics("not (not (" + source + "))").isEmpty)  // 202 levels
    }

    /// Random strings built from the language's pieces and from arbitrary characters never crash the
    /// compiler or the evaluator.
    @Test func randomInputsNeverCrash() {
        let pieces = [
            "project.x", "project.maturity", "project.flag", "park.status", "park.barred_until", "as_of", "project.复查得分",
            "project.start", "city.id", "fund.kind", "projet.x", "park.zz", "'concept'", "'ready_to_start'", "'a''b'",
            "'", "''", "2022-03-31", "2022-13-45", "2022-03", "1", "0", "-1", "1.5", "1e3", "1e999", "12ab", ".5",
            "true", "false", "missing", "and", "or", "not", "in", "is", "not in", "is missing", "is not missing",
            "==", "!=", "<", "<=", ">", ">=", "=", "!", "+", "-", "*", "/", "(", ")", "[", "]", ",", " ", "  ",
            "\t", "\n", "\"", "&&", "|", "（", "复", "é", "e\u{301}", "\u{0}", "🙂", "$", "%", ".", "_", "AND",
        ]
        let characters = Array("abcxyz_.'\"()[],+-*/<>=! 0123456789复查\u{301}🙂\t\n")
        var generator = SplitMix64(seed: 20_220_331)
        var compiled = 0
        for round in 0..<4_000 {
            var source = ""
            let length = Int.random(in: 0...14, using: &generator)
            for _ in 0..<length {
                if round % 3 == 2 {
                    source.append(characters.randomElement(using: &generator)!)
                } else {
                    source += pieces.randomElement(using: &generator)!
                    if Bool.random(using: &generator) { source += " " }
                }
            }
            switch compile(source, expecting: round % 2 == 0 ? .boolean : nil) {
            case .success(let expression):
                compiled += 1
                _ = expression.evaluate(fullRow)
                _ = expression.evaluate(emptyRow)
                _ = expression.holds(fullRow.with(project: "maturity", .text("bogus")))
            case .failure(let errors):
                #expect(!errors.diagnostics.isEmpty)
                for diagnostic in errors.diagnostics {
                    #expect(diagnostic.detail.count == 2)
                    #expect(diagnostic.detail[1].contains("^"))
                }
            }
        }
        #expect(compiled > 50)
    }

    /// Valid rules with one character changed, dropped or doubled.
    @Test func mutatedRulesNeverCrash() {
        let rules = [
            "park.status in ['named_provincial','named_national','under_construction']",
            "project.maturity >= 'ready_to_start' and not (park.barred_until > as_of)",
            "project.复查得分 * 2 - 1 > project.x / (project.y + 1) or project.start is missing",
            "as_of - project.start <= 365 and project.finance_tier not in ['none']",
        ]
        let replacements = Array("'()[],.+-*/<>= 0129az复\n")
        var generator = SplitMix64(seed: 7)
        for round in 0..<3_000 {
            var characters = Array(rules[round % rules.count])
            let position = Int.random(in: 0..<characters.count, using: &generator)
            switch round % 3 {
            case 0: characters[position] = replacements.randomElement(using: &generator)!
            case 1: characters.remove(at: position)
            default: characters.insert(characters[position], at: position)
            }
            if case .success(let expression) = compile(String(characters)) {
                _ = expression.holds(fullRow)
                _ = expression.holds(emptyRow)
            }
        }
    }
}
