/// Estimated text widths for layout without a font engine: a CJK character takes one em, a Latin letter
/// or digit about 0.6 em. Estimates err on the wide side so labels keep apart.
enum TextMetrics {
    static func width(_ text: String, fontSize: Double) -> Double {
        text.unicodeScalars.reduce(0) { total, scalar in total + advance(scalar) } * fontSize
    }

    static func advance(_ scalar: Unicode.Scalar) -> Double {
        switch scalar.value {
        case 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0x20000...0x3FFFF: 1.0
        case 0x20, 0x2C, 0x2E, 0x3A, 0x3B, 0x69, 0x6A, 0x6C, 0x7C: 0.32
        case 0x41...0x5A, 0x6D, 0x77: 0.72
        default: 0.6
        }
    }

    /// `text` shortened with `…` so that its estimated width is at most `width`.
    static func truncated(_ text: String, toWidth width: Double, fontSize: Double) -> String {
        guard self.width(text, fontSize: fontSize) > width else { return text }
        var characters = Array(text)
        while !characters.isEmpty, self.width(String(characters) + "…", fontSize: fontSize) > width {
            characters.removeLast()
        }
        return String(characters) + "…"
    }
}
