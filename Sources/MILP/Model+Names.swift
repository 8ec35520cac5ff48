extension Model {
    /// Longest name GLPK accepts (it aborts the process on longer names).
    public static let maximumNameLength = 255

    /// True when `name` is non-empty, at most 255 bytes and made of `[A-Za-z0-9_.]`: a name GLPK, LP and MPS
    /// files accept as it is.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= maximumNameLength && name.utf8.allSatisfy(isNameByte)
    }

    /// `text` itself when it is a valid name of at most `maximumLength` bytes, else `fallback` (which the
    /// caller makes valid and unique, e.g. a prefix and an index).
    public static func safeName(_ text: String, maximumLength: Int = maximumNameLength, fallback: String) -> String {
        isValidName(text) && text.utf8.count <= maximumLength ? text : fallback
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."):
            true
        default:
            false
        }
    }
}
