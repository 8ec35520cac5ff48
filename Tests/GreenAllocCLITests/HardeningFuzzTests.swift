import Foundation
import GreenAllocCore
import GreenAllocInputs
import TestSupport
import Testing

/// A short seeded fuzz run through the in-process parsers (the libFuzzer harness in `Fuzz/` runs the same
/// entry points for longer). Every input must come back as a value or as located diagnostics; none may
/// crash or hang. `GREENALLOC_FUZZ_INPUTS` sets the number of inputs per parser (default 20,000) and
/// `GREENALLOC_FUZZ_SEED` the seed.
@Suite struct HardeningFuzzTests {
    static let inputs = ProcessInfo.processInfo.environment["GREENALLOC_FUZZ_INPUTS"].flatMap(Int.init) ?? 20_000
    static let seed = ProcessInfo.processInfo.environment["GREENALLOC_FUZZ_SEED"].flatMap(UInt64.init) ?? 2022

    @Test func csvReaderSurvivesMutatedTables() {
        var random = HardeningRandom(seed: Self.seed)
        let seeds = HardeningMutator.csvSeeds.map { Array($0.utf8) } + [HardeningMutator.gbkSeed]
        for index in 0..<Self.inputs {
            let bytes = HardeningMutator.mutate(seeds[random.below(seeds.count)], others: seeds, random: &random)
            switch CSVReader.parse(bytes, file: "fuzz.csv") {
            case .success(let table):
                #expect(table.rows.count == table.rowLines.count, "input \(index): \(bytes)")
                #expect(table.rows.allSatisfy { $0.count >= table.header.count }, "input \(index): \(bytes)")
                if table.rows.contains(where: { $0.count != table.header.count }) {
                    Issue.record("input \(index): a row wider than its header was accepted: \(bytes)")
                }
            case .failure(let errors):
                checkLocated(errors, file: "fuzz.csv", lines: bytes.lazy.filter { $0 == 0x0A || $0 == 0x0D }.count + 1, input: index, bytes)
            }
        }
    }

    @Test func yamlReaderSurvivesMutatedScenarios() {
        var random = HardeningRandom(seed: Self.seed &+ 1)
        let seeds = HardeningMutator.yamlSeeds.map { Array($0.utf8) }
        for index in 0..<Self.inputs {
            let bytes = HardeningMutator.mutate(seeds[random.below(seeds.count)], others: seeds, random: &random)
            let text = String(decoding: bytes, as: UTF8.self)
            if case .failure(let errors) = YAMLReader.parse(text, file: "fuzz.yaml") {
                checkLocated(errors, file: "fuzz.yaml", lines: text.count + 1, input: index, bytes)
            }
        }
    }

    @Test func expressionCompilerSurvivesMutatedRules() {
        var random = HardeningRandom(seed: Self.seed &+ 2)
        let schema = HardeningMutator.expressionSchema
        let row = HardeningRow()
        for index in 0..<Self.inputs {
            let source = HardeningMutator.expression(random: &random)
            let location = SourceLocation(file: "fuzz.yaml", line: 7, column: 5)
            switch CompiledExpression.compile(source, schema: schema, rule: "rule fuzz", location: location, expecting: nil) {
            case .success(let compiled):
                _ = compiled.evaluate(row)
                _ = compiled.holds(row)
            case .failure(let errors):
                #expect(!errors.diagnostics.isEmpty, "input \(index): \(source)")
                for diagnostic in errors.diagnostics {
                    #expect(diagnostic.location == location, "input \(index): \(source)")
                    #expect(diagnostic.message.hasPrefix("rule fuzz: "), "input \(index): \(source)")
                }
            }
        }
    }

    /// Mutated scenarios and tables through the whole command: exit 0, 3, 4 or 65; an input error names a
    /// place and writes nothing.
    @Test func wholeRunsSurviveMutatedScenarios() throws {
        var random = HardeningRandom(seed: Self.seed &+ 3)
        let runs = max(50, Self.inputs / 100)
        let fixture = try HardeningFixture()
        defer { fixture.remove() }
        for index in 0..<runs {
            let yaml = HardeningMutator.mutateLines(HardeningBase.yaml + HardeningMutator.yamlExtras, random: &random)
            let projects = random.below(3) == 0 ? HardeningMutator.mutateLines(HardeningBase.projects, random: &random) : HardeningBase.projects
            try fixture.fixture.write("scenario.yaml", yaml)
            try fixture.fixture.write("projects.csv", projects)
            try? FileManager.default.removeItem(atPath: fixture.outPath)
            let result = fixture.solveToOut(["--time-limit", "5"])
            #expect([0, 3, 4, 65].contains(result.code), "run \(index): exit \(result.code)\n\(result.error)\n---\n\(yaml)\n---\n\(projects)")
            if result.code == 65 {
                #expect(!FileManager.default.fileExists(atPath: fixture.outPath), "run \(index)")
                let unlocated = result.error.split(separator: "\n").filter { $0.hasPrefix("error: ") }
                #expect(unlocated.isEmpty, "run \(index): errors without a place: \(unlocated)\n---\n\(yaml)")
            }
            #expect(fixture.strayEntries.isEmpty)
        }
    }

    func checkLocated(_ errors: InputErrors, file: String, lines: Int, input: Int, _ bytes: [UInt8]) {
        #expect(!errors.diagnostics.isEmpty, "input \(input): \(bytes)")
        for diagnostic in errors.diagnostics {
            guard let location = diagnostic.location else {
                // Only the "n more errors not shown" summary may lack a place.
                #expect(diagnostic.message.contains("more errors not shown"), "input \(input): \(diagnostic) \(bytes)")
                continue
            }
            #expect(location.file == file)
            #expect(location.line >= 1 && location.line <= lines, "input \(input): \(diagnostic) \(bytes)")
            #expect(location.column >= 1, "input \(input): \(diagnostic) \(bytes)")
        }
    }
}

/// Seeds and mutations shared by the fuzz tests.
enum HardeningMutator {
    static let csvSeeds = [
        HardeningBase.projects,
        ScenarioFixture.defaultParks,
        ScenarioFixture.defaultCities,
        "id,name\r\n\"a,b\",\"x\"\"y\"\r\n\"multi\nline\",z\r\n",
        "\u{FEFF}id,名称,金额\n1,济南,12.5\n2,\"青岛\",1e3\n",
        "a,b,c\n,,\n1,2\n1,2,3,4\n",
    ]

    /// "名称" and "济南" in GBK.
    static let gbkSeed: [UInt8] = Array("id,".utf8) + [0xC3, 0xFB, 0xB3, 0xC6] + Array("\n1,".utf8) + [0xBC, 0xC3, 0xC4, 0xCF] + [0x0A]

    static let yamlSeeds = [
        HardeningBase.yaml,
        HardeningBase.yaml + yamlExtras,
        "a: &a [x, y]\nb: [*a, *a]\nc: {d: 'q''r', e: \"\\u00e9\\n\"}\n",
        "- [1, 2, {a: b}]\n- ? complex\n  : key\n- !!str 12\n- |\n  block\n  text\n- >\n  folded\n",
        "%YAML 1.2\n---\nk: v\n...\n---\nk2: v2\n",
    ]

    static let yamlExtras = """
        limits:
          - name: 单市上限
            sum: subsidy
            fund: f1
            group_by: city
            per_year: true
            max_share: 0.8
          - name: 数量
            sum: count
            where: "project.category == 'air'"
            max: 2
        exclude:
          - name: 撤销
            when: "park.status == 'revoked'"
            reason: 撤销
        targets:
          - name: 减排
            metric: benefit
            min: 10
            penalty: 1
        solver: {time_limit: 5, mip_gap: 0, tiebreak: true}

        """

    /// Bytes that matter to the parsers.
    static let interesting: [[UInt8]] = [
        [0x22], [0x2C], [0x0A], [0x0D], [0x0D, 0x0A], [0x00], [0xEF, 0xBB, 0xBF], [0xFF], [0xFE], [0x81, 0x30],
        [0xC3], [0xE4, 0xB8], [0x27], [0x26], [0x2A], [0x3A], [0x2D, 0x20], [0x5B], [0x7B], [0x7D], [0x5D], [0x7C],
        [0x3E], [0x21, 0x21], [0x25], [0x40], [0x60], [0x09], [0x20, 0x20], [0x23], [0x3F, 0x20],
        Array("1e999".utf8), Array("-0".utf8), Array("NaN".utf8), Array(".inf".utf8), Array("~".utf8),
        Array("2022-02-30".utf8), Array("&x".utf8), Array("*x".utf8), Array("<<: ".utf8),
    ]

    static func mutate(_ seed: [UInt8], others: [[UInt8]], random: inout HardeningRandom) -> [UInt8] {
        var bytes = seed
        for _ in 0...random.below(4) {
            let position = bytes.isEmpty ? 0 : random.below(bytes.count + 1)
            switch random.below(8) {
            case 0 where !bytes.isEmpty:
                bytes[min(position, bytes.count - 1)] ^= UInt8(1 << random.below(8))
            case 1:
                bytes.insert(contentsOf: interesting[random.below(interesting.count)], at: position)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, position + 1 + random.below(16))
                bytes.removeSubrange(min(position, bytes.count)..<end)
            case 3 where !bytes.isEmpty:
                let start = random.below(bytes.count)
                let end = min(bytes.count, start + 1 + random.below(32))
                bytes.insert(contentsOf: bytes[start..<end], at: position)
            case 4:
                let other = others[random.below(others.count)]
                if !other.isEmpty {
                    let start = random.below(other.count)
                    bytes.insert(contentsOf: other[start..<min(other.count, start + random.below(64))], at: position)
                }
            case 5:
                bytes = Array(bytes.prefix(position))
            case 6:
                bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
            default:
                let chunk = interesting[random.below(interesting.count)]
                bytes.insert(contentsOf: Array(repeating: chunk, count: 1 + random.below(64)).joined(), at: position)
            }
        }
        return bytes
    }

    /// Line-level mutation of a text: drop, duplicate, swap, or retype a value.
    static func mutateLines(_ text: String, random: inout HardeningRandom) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let values = [
            "0", "-1", "1e300", "1e-300", "12o0", "inf", ".nan", "''", "\"\"", "[]", "{}", "~", "true", "2022-13-01",
            "[2022, 2022]", "'project.x =='", "\"project.benefit > 'a'\"", "K9", "P9", "f9", "naming_award", "count",
            "\"(((((\"", "&a x", "*a",
        ]
        for _ in 0...random.below(3) where !lines.isEmpty {
            let index = random.below(lines.count)
            switch random.below(5) {
            case 0: lines.remove(at: index)
            case 1: lines.insert(lines[index], at: index)
            case 2: lines.swapAt(index, random.below(lines.count))
            case 3:
                if let colon = lines[index].firstIndex(of: ":") {
                    lines[index] = String(lines[index][...colon]) + " " + values[random.below(values.count)]
                } else if let comma = lines[index].firstIndex(of: ",") {
                    lines[index] = values[random.below(values.count)] + lines[index][comma...]
                }
            default:
                var cells = lines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                if !cells.isEmpty {
                    cells[random.below(cells.count)] = values[random.below(values.count)]
                    lines[index] = cells.joined(separator: ",")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    static let expressionSchema: ExpressionSchema = {
        var schema = ExpressionSchema()
        schema.add(.project, column: "benefit", type: .number, slot: 0)
        schema.add(.project, column: "category", type: .text, slot: 1)
        schema.add(.project, column: "maturity", type: .text, slot: 2, order: maturityOrder)
        schema.add(.project, column: "start", type: .date, slot: 3)
        schema.add(.project, column: "flag", type: .boolean, slot: 4)
        schema.add(.park, column: "status", type: .text, slot: 0)
        schema.add(.park, column: "barred_until", type: .date, slot: 1)
        schema.add(.park, column: "评分", type: .number, slot: 2)
        schema.add(.city, column: "id", type: .text, slot: 0)
        schema.add(.fund, column: "kind", type: .text, slot: 0)
        return schema
    }()

    static let expressionTokens = [
        "project.benefit", "project.category", "project.maturity", "project.start", "project.flag", "park.status",
        "park.barred_until", "park.评分", "city.id", "fund.kind", "as_of", "project.nope", "project.", "park", "x",
        "1", "0", "-", "1e308", "1e-308", "2.5", "1e", "2022-03-31", "2022-02-30", "'air'", "'it''s'", "'open",
        "''", "['a','b']", "[", "]", ",", "[]", "true", "false", "(", ")", "((", "))", "+", "-", "*", "/", "==",
        "!=", "<", "<=", ">", ">=", "=", "!", "in", "not in", "not", "and", "or", "is missing", "is not missing",
        "is", "missing", "'concept'", "'under_construction'", "'bogus'", "\n", "\t", "　", "é", "#", "\"", "\\",
    ]

    static func expression(random: inout HardeningRandom) -> String {
        var parts: [String] = []
        for _ in 0..<(1 + random.below(14)) {
            parts.append(expressionTokens[random.below(expressionTokens.count)])
        }
        if random.below(20) == 0 {
            let depth = random.below(400)
            return String(repeating: "(", count: depth) + parts.joined(separator: " ") + String(repeating: ")", count: depth)
        }
        if random.below(20) == 0 {
            return Array(repeating: parts.joined(separator: " "), count: 1 + random.below(200)).joined(separator: " and ")
        }
        return parts.joined(separator: random.below(4) == 0 ? "" : " ")
    }
}

/// A project row with one value of each type, for evaluating fuzzed expressions.
struct HardeningRow: ExpressionRow {
    func value(_ entity: Entity, slot: Int) -> Value {
        switch (entity, slot) {
        case (.project, 0): .number(1e308)
        case (.project, 1): .text("air")
        case (.project, 2): .text("proposal")
        case (.project, 3): .date(Day(iso: "2022-01-01")!)
        case (.project, 4): .boolean(true)
        case (.park, 0): .text("revoked")
        case (.park, 1): .missing
        case (.park, 2): .number(-0.0)
        default: .missing
        }
    }

    var asOf: Day { Day(iso: "2022-03-31")! }
}
