import Foundation
import GreenAllocCLI
import GreenAllocCore
import GreenAllocEngine
import GreenAllocInputs
import GreenAllocReports
import MILPGLPK
import Spreadsheet
import Testing

/// A bank's own list (its bank-<id>.csv, `rank --bank ID` as csv, md and json, with or without the nested view)
/// never names another bank: a project another bank took reads "assigned to another bank". The province's
/// project–bank matrix, loans.csv, names the lending bank and agrees with allocation.json and the bank files.
@Suite struct BankOwnListTests {
    struct Bank: Hashable {
        var id: String
        var name: String
    }

    /// Other banks' ids and names found in a bank's own output (byte search: the lists are long). A name that
    /// is part of the bank's own name cannot be told apart from it and is not looked for (no such pair here).
    static func otherBanks(in text: String, own: Bank, banks: [Bank]) -> [String] {
        let bytes = Data(text.utf8)
        return banks.filter { $0 != own }.flatMap { [$0.id, $0.name] }
            .filter { !own.name.contains($0) && bytes.range(of: Data($0.utf8)) != nil }
    }

    static func table(_ path: String) throws -> RawTable {
        try CSVReader.read(path: path, displayName: path).get()
    }

    /// Checks loans.csv in `out` against allocation.json's `loans` and every bank file; returns its rows keyed
    /// by header.
    static func checkLoansFile(out: String, banks: [Bank]) throws -> [[String: String]] {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out + "/loans.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let loansFile = try table(out + "/loans.csv")
        #expect(loansFile.header == LoansCSV.header + banks.map { "bank_" + $0.id })
        let rows = loansFile.rows.map { Dictionary(uniqueKeysWithValues: zip(loansFile.header, $0)) }
        #expect(Set(rows.map { $0["project"] ?? "" }).count == rows.count, "one row per project")

        // The assigned rows are allocation.json's loans, field by field (scores to 1e-12: JSONSerialization reads
        // the shortest round-trip form of a double back only that closely).
        let allocation = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: out + "/allocation.json"))) as? [String: Any] ?? [:]
        let loans = (allocation["loans"] as? [[String: Any]] ?? []).map { loan in
            (fields: [loan["project"] as? String ?? "", loan["bank"] as? String ?? "", "\(loan["rank"] as? Int ?? 0)",
                      "\(loan["amount"] as? Double ?? .nan)"],
             score: loan["loan_score"] as? Double ?? .nan)
        }.sorted { $0.fields[0] < $1.fields[0] }
        let assigned = rows.filter { !($0["bank"] ?? "").isEmpty }.map { row in
            (fields: [row["project"] ?? "", row["bank"] ?? "", row["rank"] ?? "", "\(Double(row["loan_need"] ?? "") ?? .nan)"],
             score: Double(row["loan_score"] ?? "") ?? .nan)
        }.sorted { $0.fields[0] < $1.fields[0] }
        #expect(assigned.map(\.fields) == loans.map(\.fields))
        #expect(assigned.count == loans.count)
        for (row, loan) in zip(assigned, loans) {
            #expect(abs(row.score - loan.score) <= 1e-12 * abs(loan.score), "\(row.fields[0])")
        }
        let names = Dictionary(uniqueKeysWithValues: banks.map { ($0.id, $0.name) })
        for row in rows {
            let bank = row["bank"] ?? ""
            #expect(row["bank_name"] == (bank.isEmpty ? "" : names[bank]), "\(row["project"] ?? "")")
            #expect(bank.isEmpty ? (row["rank"] ?? "").isEmpty : row["bank_" + bank] == "assigned")
        }

        // Each bank's column is what its own file says: its lines, `assigned` or the waitlist reason code.
        for bank in banks {
            let file = try table(out + "/bank-\(bank.id).csv")
            let column = { (name: String) in file.header.firstIndex(of: name) ?? 0 }
            let fromFile = file.rows.map { line in
                [line[column("project")], line[column("status")] == "assigned" ? "assigned" : line[column("reason_code")]]
            }
            let fromMatrix = rows.compactMap { row in
                (row["bank_" + bank.id] ?? "").isEmpty ? nil : [row["project"] ?? "", row["bank_" + bank.id] ?? ""]
            }
            #expect(fromFile.sorted { $0[0] < $1[0] } == fromMatrix.sorted { $0[0] < $1[0] }, "\(bank.id)")
        }
        return rows
    }

    @Test func bundledBaselineBankListsNameNoOtherBank() throws {
        let root = HardeningScenarios.packageRoot + "/Scenarios/shandong"
        let scenario = root + "/baseline-2022.yaml"
        let bankTable = try Self.table(root + "/data/banks.csv")
        let banks = bankTable.rows.map { Bank(id: $0[0], name: $0[1]) }
        #expect(banks.count == 12)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("greenalloc-banks-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out").path
        let capture = Console.Capture()
        #expect(CommandLineRunner.run(["solve", scenario, "--out", out], console: capture.console) == 0, "\(capture.error)")

        var assignedElsewhere = 0
        for bank in banks {
            let text = try String(contentsOfFile: out + "/bank-\(bank.id).csv", encoding: .utf8)
            #expect(Self.otherBanks(in: text, own: bank, banks: banks).isEmpty, "bank-\(bank.id).csv")
            assignedElsewhere += text.components(separatedBy: ",assigned_to_other_bank,已对接他行").count - 1
            // The workbook's texts (shared strings, title, sheet names) name no other bank either.
            let parts = try Workbook.parts(of: Array(Data(contentsOf: URL(fileURLWithPath: out + "/bank-\(bank.id).xlsx"))))
            let texts = ["xl/sharedStrings.xml", "docProps/core.xml", "xl/workbook.xml"].map { String(decoding: parts[$0] ?? [], as: UTF8.self) }
            #expect(Self.otherBanks(in: texts.joined(), own: bank, banks: banks).isEmpty, "bank-\(bank.id).xlsx")
            #expect(texts[0].contains("已对接他行") || !text.contains("已对接他行"), "bank-\(bank.id).xlsx")
        }
        #expect(assignedElsewhere > 100, "the baseline's lists show many projects another bank took")
        let rows = try Self.checkLoansFile(out: out, banks: banks)
        #expect(rows.contains { ($0["bank"] ?? "").isEmpty } && rows.contains { !($0["bank"] ?? "").isEmpty })

        // `rank` in every format and language, for every bank: the writers `rank` prints, on the same plan.
        let inputs = try ScenarioInputs.load(path: scenario).get()
        let (allocation, _) = try AllocationRunner(
            scenario: inputs.scenario, library: inputs.library, rules: inputs.rules, solver: GLPKSolver()
        ).run(settings: RunSettings(scenario: inputs.scenario.solver), inputsSHA256: inputs.inputsSHA256)
        for bank in banks {
            for language in ReportLanguage.allCases {
                for (format, text) in [
                    ("csv", BankCSV.render(allocation, bank: bank.id, language: language)),
                    ("md", BankListDocument.markdown(allocation, bank: bank.id, language: language)),
                    ("json", BankListDocument.json(allocation, bank: bank.id, language: language)),
                ] {
                    #expect(Self.otherBanks(in: text, own: bank, banks: banks).isEmpty, "\(bank.id) \(format) \(language)")
                }
            }
        }
        // And `rank` itself, end to end, for the bank whose waitlist shows the most projects of other banks.
        let busiest = try #require(allocation.loanStage?.details?.banks.max { left, right in
            left.waitlist.filter { $0.reason == .assignedToOtherBank }.count
                < right.waitlist.filter { $0.reason == .assignedToOtherBank }.count
        })
        let own = try #require(banks.first { $0.id == busiest.id })
        for arguments in [["--format", "csv"], ["--format", "md", "--lang", "en"], ["--format", "json"]] {
            let ranked = Console.Capture()
            let code = CommandLineRunner.run(["rank", scenario, "--bank", own.id] + arguments, console: ranked.console)
            #expect(code == 0, "\(ranked.error)")
            #expect(ranked.out.contains(arguments.contains("en") ? "assigned to another bank" : "已对接他行"))
            #expect(Self.otherBanks(in: ranked.out, own: own, banks: banks).isEmpty, "rank \(arguments)")
        }
    }

    @Test(arguments: 1...12)
    func randomLoanCaseBankListsNameNoOtherBank(seed: Int) throws {
        let loanCase = RandomLoanCase(seed: seed)
        let fixture = try loanCase.fixture()
        let banks = loanCase.banks.indices.map { Bank(id: "B\($0)", name: "银行\($0)") }
        let out = fixture.path("out")
        let solved = fixture.run(["solve", fixture.scenarioPath, "--out", out, "--nested", "2"])
        #expect(solved.code == 0, "\(solved.error)")
        for bank in banks {
            let text = try String(contentsOfFile: out + "/bank-\(bank.id).csv", encoding: .utf8)
            #expect(text.contains(",nested_step\n"), "the nested view's column is checked too")
            #expect(Self.otherBanks(in: text, own: bank, banks: banks).isEmpty, "seed \(seed): bank-\(bank.id).csv")
            for arguments in [["--format", "csv"], ["--format", "md"], ["--format", "json"], ["--lang", "en"]] {
                let ranked = fixture.run(["rank", fixture.scenarioPath, "--bank", bank.id, "--nested", "2"] + arguments)
                #expect(ranked.code == 0, "\(ranked.error)")
                #expect(Self.otherBanks(in: ranked.out, own: bank, banks: banks).isEmpty, "seed \(seed): rank \(bank.id) \(arguments)")
            }
        }
        // The matrix: one row per loan-eligible project (every project here), a bank's cell filled exactly
        // where that bank can take the project.
        let rows = try Self.checkLoansFile(out: out, banks: banks)
        #expect(rows.count == loanCase.projects.count)
        for row in rows {
            let project = try #require(loanCase.projects.firstIndex { $0.id == row["project"] })
            for (index, bank) in banks.enumerated() {
                #expect(!(row["bank_" + bank.id] ?? "").isEmpty == loanCase.canTake(bank: index, project: project))
            }
        }
    }

    /// Seeds 1…12 include projects that one bank lends to and another bank's list shows (so the test above
    /// checks the "assigned to another bank" lines, not only lists without them).
    @Test func theRandomCasesIncludeProjectsAssignedToAnotherBank() throws {
        var assignedElsewhere = 0
        for seed in 1...12 {
            let loanCase = RandomLoanCase(seed: seed)
            guard loanCase.banks.count > 1 else { continue }
            let fixture = try loanCase.fixture()
            let out = fixture.path("out")
            #expect(fixture.run(["solve", fixture.scenarioPath, "--out", out]).code == 0)
            let rows = try Self.checkLoansFile(out: out, banks: loanCase.banks.indices.map { Bank(id: "B\($0)", name: "银行\($0)") })
            assignedElsewhere += rows.flatMap(\.values).filter { $0 == "assigned_to_other_bank" }.count
        }
        #expect(assignedElsewhere >= 3)
    }
}
