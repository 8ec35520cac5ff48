/// A pull tokenizer for the XML parts of a workbook, fed in chunks so that a sheet never has to be held whole.
///
/// It reads the XML that SpreadsheetML writers produce: elements (namespace prefixes are dropped: `x:c` is
/// `c`), attributes in single or double quotes, character and the five predefined entity references, CDATA
/// sections, comments and processing instructions (skipped). A document type declaration is refused (workbook
/// parts never have one, and it is the door to entity expansion). It checks that tags nest and close, and
/// reports anything else as malformed. Tokens hold byte ranges into ``buffer`` and are valid until the next
/// ``append(_:)``.
struct XMLScanner {
    struct Tag {
        /// The local name (after any prefix).
        var name: Range<Int>
        /// The bytes between the name and the closing `>` or `/>`.
        var attributes: Range<Int>
    }

    enum Token {
        case start(Tag)
        case end(name: Range<Int>)
        /// Character data as written (entity references still in it); `cdata` text is taken literally.
        case text(Range<Int>, cdata: Bool)
    }

    private(set) var buffer: [UInt8] = []
    private var index = 0
    private var isFinal = false
    /// Hashes of the open elements' qualified names, innermost last.
    private var open: [UInt64] = []
    private var pendingEnd: Range<Int>?
    private var sawRoot = false
    private var checkedStart = false

    /// Adds the next chunk of the document; `final` when it is the last one.
    mutating func append(_ chunk: some Collection<UInt8>, final: Bool) {
        if index > 0 {
            buffer.removeSubrange(0..<index)
            index = 0
        }
        buffer.append(contentsOf: chunk)
        isFinal = final
    }

    /// The next token, or nil when the buffer holds no complete token (at the end of the document if the last
    /// chunk was appended). Throws on malformed XML.
    mutating func next() throws(XMLSyntaxError) -> Token? {
        if let name = pendingEnd {
            pendingEnd = nil
            return .end(name: name)
        }
        if !checkedStart {
            guard buffer.count >= 3 || isFinal else { return nil }
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }  // a UTF-8 byte-order mark
            checkedStart = true
        }
        while index < buffer.count {
            if open.isEmpty, buffer[index] != UInt8(ascii: "<") {
                // Only white space may stand between the prolog, the root element and what follows it.
                while index < buffer.count, Self.isSpace(buffer[index]) { index += 1 }
                if index < buffer.count, buffer[index] != UInt8(ascii: "<") {
                    throw XMLSyntaxError("text outside the root element")
                }
                continue
            }
            guard buffer[index] == UInt8(ascii: "<") else { return try textToken() }
            guard index + 1 < buffer.count else { return try incomplete() }
            switch buffer[index + 1] {
            case UInt8(ascii: "/"): return try endTag()
            case UInt8(ascii: "?"):
                guard try skip(past: Array("?>".utf8)) else { return try incomplete() }
            case UInt8(ascii: "!"):
                switch try markup() {
                case .token(let token): return token
                case .skipped: continue
                case .incomplete: return nil
                }
            default: return try startTag()
            }
        }
        if isFinal, !open.isEmpty { throw XMLSyntaxError("the part ends inside an element") }
        if isFinal, !sawRoot { throw XMLSyntaxError("the part holds no XML element") }
        return nil
    }

    /// Nil when more bytes may complete the token; an error at the end of the document.
    private func incomplete() throws(XMLSyntaxError) -> Token? {
        if isFinal { throw XMLSyntaxError("the part ends in the middle of a tag") }
        return nil
    }

    private mutating func textToken() throws(XMLSyntaxError) -> Token? {
        let start = index
        var end = start
        while end < buffer.count, buffer[end] != UInt8(ascii: "<") { end += 1 }
        if end == buffer.count, !isFinal { return nil }
        index = end
        return .text(start..<end, cdata: false)
    }

    private enum Markup {
        case token(Token), skipped, incomplete
    }

    /// Comments are skipped, CDATA is text; a document type declaration is refused.
    private mutating func markup() throws(XMLSyntaxError) -> Markup {
        let cdataOpen = Array("<![CDATA[".utf8)
        let commentOpen = Array("<!--".utf8)
        if hasPrefix(commentOpen) {
            return try skip(past: Array("-->".utf8)) ? .skipped : .incomplete
        }
        if hasPrefix(cdataOpen) {
            let start = index + cdataOpen.count
            guard let end = find(Array("]]>".utf8), from: start) else {
                if isFinal { throw XMLSyntaxError("a CDATA section is not closed") }
                return .incomplete
            }
            guard !open.isEmpty else { throw XMLSyntaxError("CDATA outside the root element") }
            index = end + 3
            return .token(.text(start..<end, cdata: true))
        }
        if buffer.count - index < cdataOpen.count, !isFinal { return .incomplete }
        throw XMLSyntaxError("a document type declaration or unknown markup (workbook parts have none)")
    }

    private mutating func startTag() throws(XMLSyntaxError) -> Token? {
        guard let close = tagEnd(from: index + 1) else { return try incomplete() }
        let selfClosing = buffer[close - 1] == UInt8(ascii: "/")
        let contentEnd = selfClosing ? close - 1 : close
        let (qualified, local) = try name(from: index + 1, limit: contentEnd)
        guard !(open.isEmpty && sawRoot) else { throw XMLSyntaxError("a second root element") }
        sawRoot = true
        let tag = Tag(name: local, attributes: qualified.upperBound..<contentEnd)
        index = close + 1
        if selfClosing {
            pendingEnd = local
        } else {
            open.append(hash(qualified))
        }
        return .start(tag)
    }

    private mutating func endTag() throws(XMLSyntaxError) -> Token? {
        guard let close = tagEnd(from: index + 2) else { return try incomplete() }
        let (qualified, local) = try name(from: index + 2, limit: close)
        guard buffer[qualified.upperBound..<close].allSatisfy(Self.isSpace) else {
            throw XMLSyntaxError("unexpected characters in a closing tag")
        }
        guard let innermost = open.popLast(), innermost == hash(qualified) else {
            throw XMLSyntaxError("closing tag </\(String(decoding: buffer[qualified], as: UTF8.self))> does not match the open element")
        }
        index = close + 1
        return .end(name: local)
    }

    /// The `>` that ends the tag starting before `from`, skipping quoted attribute values; nil if not yet read.
    private func tagEnd(from start: Int) -> Int? {
        var quote: UInt8 = 0
        var position = start
        while position < buffer.count {
            let byte = buffer[position]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return position
            }
            position += 1
        }
        return nil
    }

    /// The qualified name starting at `start` and its local part.
    private func name(from start: Int, limit: Int) throws(XMLSyntaxError) -> (Range<Int>, Range<Int>) {
        var end = start
        var localStart = start
        while end < limit, !Self.isSpace(buffer[end]), buffer[end] != UInt8(ascii: "/") {
            if buffer[end] == UInt8(ascii: ":") { localStart = end + 1 }
            end += 1
        }
        guard localStart < end else { throw XMLSyntaxError("a tag without a name") }
        return (start..<end, localStart..<end)
    }

    private func hash(_ range: Range<Int>) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in buffer[range] { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return value
    }

    private func hasPrefix(_ prefix: [UInt8]) -> Bool {
        buffer.count - index >= prefix.count && buffer[index..<index + prefix.count].elementsEqual(prefix)
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard buffer.count >= needle.count else { return nil }
        var position = start
        while position + needle.count <= buffer.count {
            if buffer[position] == needle[0], buffer[position..<position + needle.count].elementsEqual(needle) {
                return position
            }
            position += 1
        }
        return nil
    }

    /// Moves past `terminator`; false if it is not in the buffer yet.
    private mutating func skip(past terminator: [UInt8]) throws(XMLSyntaxError) -> Bool {
        guard let end = find(terminator, from: index + 2) else {
            if isFinal { throw XMLSyntaxError("a comment or processing instruction is not closed") }
            return false
        }
        index = end + terminator.count
        return true
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

/// Why a part is not well-formed XML.
struct XMLSyntaxError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
