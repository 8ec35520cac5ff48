/// The `robustness:` section (an extension of the format): the ranges and sampling of `greenalloc robustness`,
/// each overridden by the command's option of the same name. Ranges are kept as written (`0.5..2`, `±30%`) with
/// their place in the file; the command checks them against the objective and reports a bad one there.
public struct RobustnessSpec: Sendable, Hashable {
    /// One range as written: a weight column or bonus name (`budget` for the budget range), its text, its place.
    public struct Range: Sendable, Hashable {
        public var name: String
        public var text: String
        public var location: SourceLocation?
        public init(name: String, text: String, location: SourceLocation?) {
            self.name = name
            self.text = text
            self.location = location
        }
    }

    public var weights: [Range] = []
    public var bonus: [Range] = []
    public var budget: Range?
    public var samples: Int?
    public var seed: UInt64?
    public var location: SourceLocation?

    public init(location: SourceLocation? = nil) { self.location = location }
}
