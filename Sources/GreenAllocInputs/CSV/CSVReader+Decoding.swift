#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Telling text from binary, and UTF-8 from GB18030.
extension CSVReader {
    /// A reason the bytes cannot be read, at a byte offset of the file.
    struct ByteProblem: Error {
        var offset: Int
        var message: String
    }

    /// Text decoded to UTF-8; the records start at `start` (after a byte-order mark).
    struct Decoded {
        var text: [UInt8]
        var start: Int
        var encoding: String
    }

    static let notCSV = "this does not look like a CSV text file"

    /// Why the bytes are not text at all, or nil: a NUL byte, a workbook or UTF-16 signature, or a start
    /// that is mostly control bytes.
    static func notTextProblem(_ bytes: [UInt8]) -> ByteProblem? {
        func starts(with signature: [UInt8]) -> Bool { bytes.starts(with: signature) }
        if starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return ByteProblem(offset: 0, message: notCSV + " (it is an Excel .xlsx workbook or another ZIP archive); in Excel use Save As → CSV UTF-8")
        }
        if starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return ByteProblem(offset: 0, message: notCSV + " (it is an Excel .xls workbook); in Excel use Save As → CSV UTF-8")
        }
        if starts(with: [0xFF, 0xFE]) || starts(with: [0xFE, 0xFF]) {
            return ByteProblem(offset: 0, message: notCSV + " (it is UTF-16 \"Unicode text\"); in Excel use Save As → CSV UTF-8")
        }
        let nul: Int? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let hit = memchr(base, 0, buffer.count) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        if let nul {
            return ByteProblem(offset: nul, message: notCSV + " (it contains a NUL byte; is it a binary file?)")
        }
        // Control bytes other than tab, line ends, form feed and the DOS end-of-file mark never occur in
        // UTF-8 or GB18030 text, whatever the language; a few may, a lot means binary.
        let sample = bytes.prefix(1 << 16)
        var controls = 0
        var firstControl = 0
        for (offset, byte) in sample.enumerated() where byte < 0x20 || byte == 0x7F {
            switch byte {
            case 0x09, 0x0A, 0x0C, 0x0D, 0x1A: continue
            default:
                if controls == 0 { firstControl = offset }
                controls += 1
            }
        }
        if controls > 0, controls * 100 > sample.count {
            return ByteProblem(offset: firstControl, message: notCSV + " (it is full of control bytes; is it a binary file?)")
        }
        return nil
    }

    /// Valid multi-byte UTF-8 characters before the first invalid byte from which the file is taken for
    /// damaged UTF-8 rather than GB18030 (GBK text passes as UTF-8 for more than two characters in a row
    /// well under 1% of the time; a UTF-8 file with Chinese text has many).
    static let utf8Evidence = 3

    /// UTF-8 (with or without a byte-order mark) as is, else GB18030 converted to UTF-8.
    static func decode(_ bytes: [UInt8]) -> Result<Decoded, ByteProblem> {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            if let bad = checkUTF8(bytes, from: 3).firstInvalid {
                return .failure(
                    ByteProblem(
                        offset: bad,
                        message: "the file starts with a UTF-8 byte-order mark but byte \(hex(bytes[bad])) is not valid UTF-8"))
            }
            return .success(Decoded(text: bytes, start: 3, encoding: "UTF-8 BOM"))
        }
        let utf8 = checkUTF8(bytes, from: 0)
        guard let badUTF8 = utf8.firstInvalid else {
            return .success(Decoded(text: bytes, start: 0, encoding: "UTF-8"))
        }
        if utf8.multibyteBefore >= utf8Evidence {
            // Decoding it as GB18030 would succeed more often than not, and turn every name into nonsense.
            return .failure(
                ByteProblem(
                    offset: badUTF8,
                    message: "the file is UTF-8 text up to here, but byte \(hex(bytes[badUTF8])) is not valid UTF-8; is the file damaged or pieced together from files in different encodings?"))
        }
        switch convertGB18030(bytes) {
        case .success(let text):
            return .success(Decoded(text: text, start: 0, encoding: "GB18030"))
        case .failure(let badGB):
            // Point at whichever decoding got further: that one is most likely what the file was meant to be.
            let offset = max(badUTF8, badGB.offset)
            return .failure(
                ByteProblem(
                    offset: offset,
                    message: "the file is neither UTF-8 nor GB18030 text: byte \(hex(bytes[min(offset, bytes.count - 1)])) cannot be decoded; save it as CSV UTF-8"))
        }
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
    }

    /// Offset of the first byte that does not belong to a well-formed UTF-8 sequence (nil if there is
    /// none), and how many multi-byte characters come before it.
    static func checkUTF8(_ bytes: [UInt8], from start: Int) -> (firstInvalid: Int?, multibyteBefore: Int) {
        bytes.withUnsafeBufferPointer { buffer -> (Int?, Int) in
            var multibyte = 0
            let count = buffer.count
            var index = start
            let raw = UnsafeRawBufferPointer(buffer)
            while index < count {
                // ASCII fast path, eight bytes at a time.
                while index + 8 <= count,
                    raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                }
                guard index < count else { break }
                let lead = buffer[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                let length: Int
                var lowest: UInt8 = 0x80
                var highest: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; lowest = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; highest = 0x9F
                case 0xF0: length = 4; lowest = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; highest = 0x8F
                default: return (index, multibyte)
                }
                guard index + length <= count else { return (index, multibyte) }
                let second = buffer[index + 1]
                guard second >= lowest, second <= highest else { return (index, multibyte) }
                for next in 2..<length where buffer[index + next] & 0xC0 != 0x80 { return (index, multibyte) }
                index += length
                multibyte += 1
            }
            return (nil, multibyte)
        }
    }

    /// GB18030 bytes as UTF-8 through iconv, or the offset of the first byte it cannot convert.
    static func convertGB18030(_ bytes: [UInt8]) -> Result<[UInt8], ByteProblem> {
        #if canImport(Glibc)
            let converter = iconv_open("UTF-8", "GB18030")
            guard Int(bitPattern: converter) != -1 else {
                return .failure(ByteProblem(offset: 0, message: "GB18030 decoding is not available on this system"))
            }
            defer { iconv_close(converter) }
            // A GB18030 character of n bytes is at most n + 1 bytes of UTF-8 (2 → 3, 4 → 4, 1 → 1).
            let capacity = bytes.count + bytes.count / 2 + 16
            var failure: Int?
            let text = [UInt8](unsafeUninitializedCapacity: capacity) { output, initialized in
                bytes.withUnsafeBufferPointer { input in
                    guard let inputBase = input.baseAddress, let outputBase = output.baseAddress else { return }
                    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inputBase)
                        .assumingMemoryBound(to: CChar.self)
                    var inLeft = input.count
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outputBase)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = output.count
                    if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1 {
                        failure = input.count - inLeft
                    }
                    initialized = output.count - outLeft
                }
            }
            if let failure { return .failure(ByteProblem(offset: failure, message: "")) }
            return .success(text)
        #else
            return .failure(ByteProblem(offset: 0, message: ""))
        #endif
    }

    /// The 1-based line and field number of a byte offset, following quotes (used for error messages only).
    /// Commas, quotes and line ends are single ASCII bytes in UTF-8 and GB18030 alike, so the raw bytes do.
    static func position(ofOffset offset: Int, in bytes: [UInt8]) -> (line: Int, field: Int) {
        var line = 1
        var field = 1
        var quoted = false
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            switch bytes[index] {
            case UInt8(ascii: "\""): quoted.toggle()
            case UInt8(ascii: ","): if !quoted { field += 1 }
            case UInt8(ascii: "\n"):
                line += 1
                if !quoted { field = 1 }
            case UInt8(ascii: "\r"):
                if index + 1 >= bytes.count || bytes[index + 1] != UInt8(ascii: "\n") {
                    line += 1
                    if !quoted { field = 1 }
                }
            default: break
            }
            index += 1
        }
        return (line, field)
    }
}
