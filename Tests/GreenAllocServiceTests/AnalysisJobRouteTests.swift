import Foundation
import GreenAllocHistory
import GreenAllocService
import GreenAllocWorkspace
import Hummingbird
import HummingbirdTesting
import Testing
import WorkspaceTestSupport

/// compare, sweep and explain as jobs from the office's forms; the run pages, the files of a run rendered
/// again from the history, and diff between two runs.
@Suite struct AnalysisJobRouteTests {
    /// loans.yaml with less money in 2022.
    static let less = "extends: loans.yaml\nfunds:\n  - id: f1\n    budget:\n      2022: 50\n"

    @Test func formsAreCheckedBeforeAnythingIsQueued() async throws {
        let space = try LoanWorkspace()
        defer { space.remove() }
        try await OfficeClient.with(folder: space.folder) { office, workspace in
            let page = String(buffer: try await office.get("/office?lang=en").body)
            #expect(page.contains("action=\"/office/sweep?lang=en\"") && page.contains("action=\"/office/compare?lang=en\""))
            let sweep = "scenario=loans.yaml&fund=f1&from=0.5&to=1.5&steps=3"
            #expect(try await office.post("/office/sweep", sweep, csrf: false).status == .forbidden)
            #expect(try await office.post("/office/sweep", "csrf=forged&" + sweep, csrf: false).status == .forbidden)
            let refused: [(String, String, HTTPResponse.Status)] = [
                ("/office/sweep", "scenario=..%2Floans.yaml&fund=f1&from=0.5&to=1.5&steps=3", .notFound),
                ("/office/sweep", "scenario=%2Fetc%2Fpasswd&fund=f1&from=0.5&to=1.5&steps=3", .notFound),
                ("/office/sweep", "scenario=loans.yaml&fund=f1%2F..&from=0.5&to=1.5&steps=3", .unprocessableContent),
                ("/office/sweep", "scenario=loans.yaml&fund=f1&from=2&to=1&steps=3", .unprocessableContent),
                ("/office/sweep", "scenario=loans.yaml&fund=f1&from=0.5&to=1e9&steps=3", .unprocessableContent),
                ("/office/sweep", "scenario=loans.yaml&fund=f1&from=0.5&to=1.5&steps=500", .unprocessableContent),
                ("/office/explain", "scenario=loans.yaml&project=..%2FL1", .unprocessableContent),
                ("/office/explain", "scenario=cities.csv", .notFound),
                ("/office/compare", "scenario=loans.yaml", .unprocessableContent),
                ("/office/compare", "scenario=loans.yaml&scenario=loans.yaml", .unprocessableContent),
                ("/office/compare", "scenario=loans.yaml&scenario=..%2F..%2Floans.yaml", .notFound),
            ]
            for (uri, fields, status) in refused {
                #expect(try await office.post(uri, fields).status == status, "\(uri) \(fields)")
            }
            #expect(try workspace.jobs().isEmpty)
        }
    }

    @Test func compareSweepAndExplainJobsServeTheirDocuments() async throws {
        let space = try LoanWorkspace()
        defer { space.remove() }
        try Data(Self.less.utf8).write(to: space.url.appendingPathComponent("less.yaml"))
        try await OfficeClient.with(folder: space.folder) { office, workspace in
            let compare = try await office.job("/office/compare", "scenario=loans.yaml&scenario=less.yaml")
            #expect(compare.page.contains("<strong>done</strong>") && compare.page.contains("/files/compare.xlsx"), "\(compare.page)")
            let table = try await office.get(compare.path + "/files/compare.en.md")
            let expected = "| Objective (points) | 30.00 | 20.00 | -10.00 | -33.3% |"
            #expect(table.status == .ok && String(buffer: table.body).contains(expected), "\(String(buffer: table.body))")

            let sweep = try await office.job("/office/sweep", "scenario=loans.yaml&fund=f1&from=50%25&to=1.5&steps=3")
            #expect(sweep.page.contains("<strong>done</strong>") && sweep.page.contains("/files/sweep.html"), "\(sweep.page)")
            let chart = try await office.get(sweep.path + "/files/sweep.html")
            #expect(chart.status == .ok && chart.headers[.contentType] == "text/html; charset=utf-8")
            let csv = String(buffer: try await office.get(sweep.path + "/files/sweep.csv").body)
            // The objective at 50%, 100% and 150% of f1's budget: L2 alone (20), then L1 and L2 (30), no more to fund.
            #expect(csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[2] } == ["20.0", "30.0", "30.0"], "\(csv)")

            let explain = try await office.job("/office/explain", "scenario=loans.yaml&project=L1")
            #expect(explain.page.contains("<strong>done</strong>") && explain.page.contains("/files/explain.html"), "\(explain.page)")
            let cards = String(buffer: try await office.get(explain.path + "/files/explain.en.md").body)
            #expect(cards.contains("## 一号 (L1)") && !cards.contains("(L2)"), "\(cards)")
            let kinds = try workspace.jobs().map(\.kind)
            #expect(kinds == ["explain", "sweep", "compare"])
            let runs = try workspace.jobs().compactMap(\.runID)
            #expect(runs.count == 3)
            for run in runs {
                #expect(try await office.get("/office/runs/\(run)?lang=en").status == .ok)
            }
        }
    }

    @Test func aShellRunIsRenderedAgainAndTwoRunsAreDiffed() async throws {
        let space = try LoanWorkspace()
        defer { space.remove() }
        try Data(Self.less.utf8).write(to: space.url.appendingPathComponent("less.yaml"))
        let history = Workspace.historyPath(space.folder)
        for name in ["loans", "less"] {
            let solved = space.run(["solve", space.path(name + ".yaml"), "--out", space.path("out-" + name), "--history", history])
            #expect(solved.code == 0, "\(solved.error)")
        }
        try await OfficeClient.with(folder: space.folder) { office, workspace in
            let runs = try workspace.database.runs().map(\.id)
            let history = String(buffer: try await office.get("/office/history?lang=en").body)
            #expect(history.contains("href=\"/office/runs/\(runs[0])?lang=en\"") && history.contains("action=\"/office/diff\""))
            let runPage = String(buffer: try await office.get("/office/runs/\(runs[0])?lang=en").body)
            #expect(runPage.contains("/office/runs/\(runs[0])/files/allocation.json") && runPage.contains("/office/runs/\(runs[0])/render"))
            let stored = try await office.get("/office/runs/\(runs[0])/files/allocation.json")
            let allocation = try Data(contentsOf: space.url.appendingPathComponent("out-loans/allocation.json"))
            #expect(stored.status == .ok && Data(buffer: stored.body) == allocation)
            #expect(try await office.get("/office/runs/\(runs[0])/files/..%2F..%2Fhistory.sqlite").status == .notFound)

            let rendered = try await office.job("/office/runs/\(runs[0])/render", "")
            #expect(rendered.page.contains("<strong>done</strong>") && rendered.page.contains("/files/report.html"), "\(rendered.page)")
            let report = try await office.get(rendered.path + "/files/report.html")
            let expected = try Data(contentsOf: space.url.appendingPathComponent("out-loans/report.html"))
            #expect(Data(buffer: report.body) == expected)
            let runAfterRender = String(buffer: try await office.get("/office/runs/\(runs[0])?lang=en").body)
            #expect(runAfterRender.contains(rendered.path + "?lang=en"))

            let page = try await office.get("/office/diff?before=\(runs[0])&after=\(runs[1])&lang=en")
            #expect(page.status == .ok && String(buffer: page.body).contains("format=csv"))
            for format in ["csv", "json"] {
                let download = try await office.get("/office/diff?before=\(runs[0])&after=\(runs[1])&format=\(format)")
                let cli = space.run(["diff", String(runs[0]), String(runs[1]), "--format", format, "--history", Workspace.historyPath(space.folder)])
                #expect(download.status == .ok && String(buffer: download.body) == cli.out, "\(format)")
            }
            let xlsx = try await office.get("/office/diff?before=\(runs[0])&after=\(runs[1])&format=xlsx")
            #expect(xlsx.status == .ok && Array(Data(buffer: xlsx.body).prefix(2)) == [0x50, 0x4B])
            #expect(try await office.get("/office/diff?before=\(runs[0])&after=999").status == .notFound)
            #expect(try await office.get("/office/diff?before=\(runs[0])&after=\(runs[1])&format=..%2Fx").status == .unprocessableContent)
        }
    }
}

extension Data {
    init(buffer: ByteBuffer) { self.init(buffer.readableBytesView) }
}
