/// What the policy instruments of scenario-format §15 did in a plan; nil on an allocation whose scenario uses none.
public struct PolicyOutcome: Sendable, Hashable {
    public var envelopes: [EnvelopeOutcome] = []
    /// The objective without the envelopes (a second solve), when it was made.
    public var objectiveWithoutEnvelopes: Double?
    public var carry: [FundCarry] = []
    public var review: ReviewOutcome?

    public init(envelopes: [EnvelopeOutcome] = [], carry: [FundCarry] = [], review: ReviewOutcome? = nil) {
        self.envelopes = envelopes
        self.carry = carry
        self.review = review
    }
}

/// One city's envelope and what the plan gives it (§15.1).
public struct EnvelopeOutcome: Sendable, Hashable {
    /// The `factors` entry's name.
    public var name: String
    public var mode: FactorSpec.Mode
    public var city: String
    public var year: Int?
    public var share: Double
    public var envelope: Double
    public var allocation: Double
    public var deviation: Double { allocation - envelope }

    public init(name: String, mode: FactorSpec.Mode, city: String, year: Int?, share: Double, envelope: Double, allocation: Double) {
        self.name = name
        self.mode = mode
        self.city = city
        self.year = year
        self.share = share
        self.envelope = envelope
        self.allocation = allocation
    }
}

/// A fund's money per year with carry-over or an opening balance (§15.2).
public struct FundCarry: Sendable, Hashable {
    public struct Year: Sendable, Hashable {
        public var year: Int
        public var budget: Double
        public var opening: Double
        public var carriedIn: Double
        public var spent: Double
        /// s × (available − spent): what the next year may use (in the last year, what the next round may).
        public var carriedOut: Double
        public var available: Double { budget + opening + carriedIn }
        public var unspent: Double { available - spent }
    }

    public var fund: String
    public var share: Double
    public var years: [Year]
}

/// The review's failing parks (§15.3).
public struct ReviewOutcome: Sendable, Hashable {
    public var name: String
    public var treatment: ReviewSpec.Treatment
    public var parks: [ReviewedPark]
}
