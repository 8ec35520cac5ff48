import Foundation
import GreenAllocCore
import GreenAllocInputs
import TestSupport
import Testing

/// Throughput of reading and typing a generated 50 MB projects table. Off by default (it allocates a lot and
/// proves nothing in a debug build); run it with
/// `GREENALLOC_CSV_THROUGHPUT=1 swift test -c release --filter CSVThroughputTests`; set it to a file's path
/// instead to time reading that file too (e.g. the same table converted to GB18030).
@Suite struct CSVThroughputTests {
    static let enabled = ProcessInfo.processInfo.environment["GREENALLOC_CSV_THROUGHPUT"] != nil

    /// A projects-like table of about `bytes` bytes: ids, Chinese names, money, dates, flags, quoted notes.
    static func generate(bytes target: Int) -> [UInt8] {
        var generator = SplitMix64(seed: 2022)
        var text = "id,name,park,city,fund,category,investment,request_2022,request_2023,start,naming_prerequisite,co2_t,note\r\n"
        var output: [UInt8] = []
        output.reserveCapacity(target + 1024)
        output.append(contentsOf: text.utf8)
        let categories = ["air", "water", "soil", "solid_waste", "carbon", "capacity"]
        var row = 0
        while output.count < target {
            row += 1
            let random = generator.next()
            let note = random % 5 == 0 ? "\"分期实施, 含\"\"配套\"\"管网\"" : "一期工程"
            text = "P\(row),济南市第\(row)号园区污水处理厂提标改造,K\(row % 400),\(370100 + row % 16 * 100),prov-special,"
                + "\(categories[Int(random % 6)]),\(Double(random % 1_000_000) / 100),\(random % 5000),"
                + "\((random >> 20) % 3000).5,2022-0\(row % 9 + 1)-1\(row % 9),\(random % 2 == 0 ? "true" : "false"),"
                + "\(Double((random >> 32) % 100_000) / 10),\(note)\r\n"
            output.append(contentsOf: text.utf8)
        }
        return output
    }

    @Test(.enabled(if: enabled)) func fiftyMegabytes() throws {
        let bytes = Self.generate(bytes: 50 << 20)
        let clock = ContinuousClock()
        var parsed: RawTable?
        let parseTime = clock.measure {
            if case .success(let table) = CSVReader.parse(bytes, file: "projects.csv") { parsed = table }
        }
        let raw = try #require(parsed)
        var typed: DataTable?
        let typeTime = clock.measure {
            typed = DataTable(
                file: raw.file, header: raw.header, rows: raw.rows, rowLines: raw.rowLines, kind: .projects)
        }
        let megabytes = Double(bytes.count) / Double(1 << 20)
        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        }
        print(
            "CSV throughput: \(bytes.count) bytes, \(raw.rows.count) rows; parse \(seconds(parseTime)) s = \(megabytes / seconds(parseTime)) MB/s; typing \(seconds(typeTime)) s = \(megabytes / seconds(typeTime)) MB/s"
        )
        if let path = ProcessInfo.processInfo.environment["GREENALLOC_CSV_THROUGHPUT"], path.hasPrefix("/") {
            var fileRows = 0
            var encoding = ""
            let readTime = clock.measure {
                if case .success(let table) = CSVReader.read(path: path, displayName: path) {
                    fileRows = table.rows.count
                    encoding = table.encoding
                }
            }
            print("CSV throughput: \(path) (\(encoding)), \(fileRows) rows, read in \(seconds(readTime)) s")
        }
        #expect(typed?.columns.map(\.type).filter { $0 == .number }.count == 4)
        #expect(typed?.column("start")?.type == .date)
        #expect(typed?.column("naming_prerequisite")?.type == .boolean)
    }
}
