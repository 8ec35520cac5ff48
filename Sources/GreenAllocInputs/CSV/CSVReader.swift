public import GreenAllocCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the CSV tables of a scenario (scenario-format §3).
///
/// Format: a header row, then data rows; comma separated; RFC 4180 quoting (a quoted cell may hold commas,
/// line breaks and doubled quotes `""`); LF, CRLF or lone CR line ends, mixed freely; optional final line
/// end. Entirely empty lines are skipped (a line of commas only is a row of missing cells). Header names are
/// trimmed of surrounding whitespace; cells are kept exactly as written (typing trims them later).
///
/// Encodings: UTF-8 with or without a byte-order mark; bytes that are not valid UTF-8 are decoded as
/// GB18030 (which covers GBK/GB2312, what Excel in China saves as "CSV (逗号分隔)"). A file that reads as
/// UTF-8 for a few Chinese characters and then breaks is reported as damaged UTF-8 at the bad byte, not
/// decoded as GB18030 (that would turn every name into nonsense); so is a file with a UTF-8 byte-order mark.
///
/// Quoting is strict: a cell is quoted only if its first byte is a quote, and nothing — not even a space —
/// may follow the closing quote before the comma or line end.
///
/// Errors are all collected (up to ``maximumDiagnostics``, then one summary line) and carry the file, the
/// line and the column, where the column is the 1-based field number:
/// - syntax errors (a quote inside an unquoted cell, a character after a closing quote, an unterminated
///   quoted cell) name the physical line of the offending character — for an unterminated cell, the line
///   where its opening quote stands;
/// - a row with more cells than the header is an error on the line where that row starts, at the first
///   extra field; a row with fewer cells is padded with missing cells, silently (missing values are
///   checked where a column is required);
/// - empty or duplicate header names; an empty file or one with no header row;
/// - a file that is not text (NUL bytes, mostly control bytes, an Excel workbook, UTF-16);
/// - a file that is neither UTF-8 nor GB18030, at the line of the first byte that cannot be decoded;
/// - a cell larger than ``maximumCellBytes``, more than ``maximumColumns`` columns or more than
///   ``maximumCells`` cells in all; a file larger than ``maximumFileBytes``.
/// File-level errors (not found, empty) point at line 1, column 1.
public enum CSVReader {
    /// Largest accepted cell, in bytes of UTF-8.
    public static let maximumCellBytes = 1 << 20
    /// Largest accepted header (Excel's own column limit).
    public static let maximumColumns = 16_384
    /// Largest accepted number of cells (header excluded), against memory blow-ups.
    public static let maximumCells = 50_000_000
    /// Largest accepted file.
    public static let maximumFileBytes = 1 << 31
    /// Errors reported per file before the rest are summarised in one line.
    public static let maximumDiagnostics = 100

    /// Reads and parses the file at `path`; messages name it `displayName`.
    public static func read(path: String, displayName: String) -> Result<RawTable, InputErrors> {
        switch readBytes(path: path) {
        case .success(let bytes):
            return parse(bytes, file: displayName)
        case .failure(let reason):
            let location = SourceLocation(file: displayName, line: 1, column: 1)
            return .failure(InputErrors([.error(location, "cannot read the file: \(reason.reason)")]))
        }
    }

    /// Parses the bytes of a CSV file; messages name it `file`.
    public static func parse(_ bytes: [UInt8], file: String) -> Result<RawTable, InputErrors> {
        var sink = DiagnosticSink(file: file)
        if let problem = notTextProblem(bytes) {
            sink.error(offset: problem.offset, in: bytes, problem.message)
            return .failure(sink.errors)
        }
        switch decode(bytes) {
        case .failure(let problem):
            sink.error(offset: problem.offset, in: bytes, problem.message)
            return .failure(sink.errors)
        case .success(let decoded):
            let records = decoded.text.withUnsafeBufferPointer { buffer in
                RecordScanner.scan(UnsafeBufferPointer(rebasing: buffer[decoded.start...]), sink: &sink)
            }
            return assemble(records, encoding: decoded.encoding, sink: &sink)
        }
    }

    /// Turns the scanned records into a table: checks the header, pads short rows.
    private static func assemble(
        _ records: RecordScanner.Records, encoding: String, sink: inout DiagnosticSink
    ) -> Result<RawTable, InputErrors> {
        guard let rawHeader = records.header else {
            if sink.isEmpty {
                sink.error(line: 1, column: 1, "the file is empty: expected a header row with the column names")
            }
            return .failure(sink.errors)
        }
        let header = rawHeader.map(trimmingWhitespace)
        var firstColumn: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            if name.isEmpty {
                sink.error(line: records.headerLine, column: index + 1, "column \(index + 1) has an empty name in the header")
            } else if let earlier = firstColumn[name] {
                sink.error(
                    line: records.headerLine, column: index + 1,
                    "duplicate column name '\(name)' (also column \(earlier + 1))")
            } else {
                firstColumn[name] = index
            }
        }
        guard sink.isEmpty else { return .failure(sink.errors) }
        var rows = records.rows
        for index in rows.indices where rows[index].count < header.count {
            rows[index].append(contentsOf: repeatElement("", count: header.count - rows[index].count))
        }
        return .success(
            RawTable(
                file: sink.file, header: header, rows: rows, rowLines: records.rowLines, encoding: encoding,
                headerLine: records.headerLine))
    }

    /// Header names lose surrounding whitespace (spaces, tabs, ideographic and no-break spaces, line breaks).
    static func trimmingWhitespace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// The whole file, or why it cannot be read.
    private static func readBytes(path: String) -> Result<[UInt8], ReadFailure> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(ReadFailure(systemError())) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(ReadFailure(systemError())) }
        if (status.st_mode & S_IFMT) == S_IFDIR { return .failure(ReadFailure("it is a directory, not a CSV file")) }
        guard status.st_size <= maximumFileBytes else {
            return .failure(ReadFailure("it is larger than \(maximumFileBytes >> 20) MB"))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(status.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { readSome(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure(systemError()))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > maximumFileBytes { return .failure(ReadFailure("it is larger than \(maximumFileBytes >> 20) MB")) }
        }
        return .success(bytes)
    }

    private struct ReadFailure: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    private static func readSome(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.read(descriptor, buffer, count)
        #else
            Darwin.read(descriptor, buffer, count)
        #endif
    }

    private static func systemError() -> String {
        String(cString: strerror(errno))
    }
}

/// Collects the errors of one file, capped at ``CSVReader/maximumDiagnostics``.
struct DiagnosticSink {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var dropped = 0

    init(file: String) { self.file = file }

    var isEmpty: Bool { diagnostics.isEmpty }

    var isFull: Bool { diagnostics.count >= CSVReader.maximumDiagnostics }

    mutating func error(line: Int, column: Int, _ message: String) {
        guard !isFull else {
            dropped += 1
            return
        }
        diagnostics.append(.error(SourceLocation(file: file, line: line, column: column), message))
    }

    /// An error at a byte offset of the undecoded file (line and field are worked out from the bytes).
    mutating func error(offset: Int, in bytes: [UInt8], _ message: String) {
        let place = CSVReader.position(ofOffset: offset, in: bytes)
        error(line: place.line, column: place.field, message)
    }

    var errors: InputErrors {
        var all = diagnostics
        if dropped > 0 {
            all.append(.error(nil, "\(file): \(dropped) more errors not shown; fix the ones above first"))
        }
        return InputErrors(all)
    }
}
