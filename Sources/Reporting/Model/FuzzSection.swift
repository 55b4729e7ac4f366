import Fuzz

/// What a fuzz campaign found on one spec (from `FuzzReport`, schema 1): one entry per
/// property judged, and the stable profiles other than all-honest.
public struct FuzzSection: Hashable, Sendable, Codable {
    public var seed: UInt64
    /// Cases in the whole campaign.
    public var budget: Int
    /// One entry per property, in `FuzzPropertyID` order.
    public var entries: [FuzzEntry]
    public var stableProfiles: [StableProfile]

    enum CodingKeys: String, CodingKey {
        case seed, budget, entries
        case stableProfiles = "stable_profiles"
    }

    public init(seed: UInt64, budget: Int, entries: [FuzzEntry], stableProfiles: [StableProfile]) {
        self.seed = seed
        self.budget = budget
        self.entries = entries.sorted { $0.id < $1.id }
        self.stableProfiles = stableProfiles
    }

    /// The section of a campaign's report.
    public init(_ report: FuzzReport) {
        let entries = report.properties.map { line in
            let violation = report.summary.properties.first { $0.id == line.id }?.violation
            return FuzzEntry(line, counterexample: violation?.counterexample.map(FuzzCounterexample.init))
        }
        self.init(
            seed: report.seed, budget: report.budget, entries: entries,
            stableProfiles: report.stableProfiles.map { p in
                StableProfile(
                    profile: p.profile, cases: p.cases,
                    payoffs: p.payoffs.keys.sorted().map { NamedNumber(name: $0, value: p.payoffs[$0]!) })
            })
    }

    /// A stable profile and the mean net payout (units) of each strategy in it.
    public struct StableProfile: Hashable, Sendable, Codable {
        public var profile: String
        public var cases: Int
        public var payoffs: [NamedNumber]

        public init(profile: String, cases: Int, payoffs: [NamedNumber]) {
            self.profile = profile
            self.cases = cases
            self.payoffs = payoffs
        }
    }
}

/// One property a fuzz campaign judged.
public struct FuzzEntry: Hashable, Sendable, Codable {
    public var id: FuzzPropertyID
    public var outcome: Outcome
    /// `holds`, `violated` or `unknown`, as the spec's `[checks]` says (default `holds`).
    public var expected: String
    public var met: Bool
    public var cases: Int
    /// Mean gain of the deciding comparison (net units; per sample for the threshold property).
    public var effect: Double?
    /// Its one-sided lower confidence bound.
    public var lowerBound: Double?
    public var confidence: Double?
    /// The deciding comparison in words.
    public var comparison: String?
    /// The counterexample file `fuzz --out` writes.
    public var counterexampleFile: String?
    /// The command that reproduces the outcome.
    public var reproduce: String
    /// The shrunk counterexample of a violation.
    public var counterexample: FuzzCounterexample?

    enum CodingKeys: String, CodingKey {
        case id, outcome, expected, met, cases, effect, confidence, comparison, reproduce, counterexample
        case lowerBound = "lower_bound", counterexampleFile = "counterexample_file"
    }

    public init(
        id: FuzzPropertyID, outcome: Outcome, expected: String, cases: Int, effect: Double? = nil,
        lowerBound: Double? = nil, confidence: Double? = nil, comparison: String? = nil,
        counterexampleFile: String? = nil, reproduce: String, counterexample: FuzzCounterexample? = nil
    ) {
        self.id = id
        self.outcome = outcome
        self.expected = expected
        self.met = outcome.rawValue == expected
        self.cases = cases
        self.effect = effect
        self.lowerBound = lowerBound
        self.confidence = confidence
        self.comparison = comparison
        self.counterexampleFile = counterexampleFile
        self.reproduce = reproduce
        self.counterexample = counterexample
    }

    /// The entry of one line of a fuzz report.
    public init(_ line: FuzzReport.Line, counterexample: FuzzCounterexample?) {
        guard let id = FuzzPropertyID(rawValue: line.id) else {
            preconditionFailure("FuzzEntry: the fuzz report names no known property: \(line.id)")
        }
        self.init(
            id: id, outcome: line.outcome, expected: line.expected, cases: line.cases, effect: line.effect,
            lowerBound: line.lowerBound, confidence: line.confidence, comparison: line.comparison,
            counterexampleFile: line.counterexample, reproduce: line.reproduce, counterexample: counterexample)
        self.met = line.meetsExpectation
    }

    /// Violated, or not the expected outcome: a finding.
    public var isFinding: Bool { outcome == .violated || !met }
}

/// The shrunk counterexample of a fuzz violation, as data.
public struct FuzzCounterexample: Hashable, Sendable, Codable {
    /// The campaign case it came from.
    public var caseIndex: Int
    /// The violated comparison or invariant in words.
    public var label: String
    /// The profile of an equilibrium counterexample.
    public var profile: String?
    /// The federation's shape after shrinking (`n=... m=... |C|=... R=...`).
    public var shape: String?
    /// The shape before shrinking.
    public var originalShape: String
    public var shrinkSteps: Int
    /// Mean gain and its lower confidence bound, for an economic property.
    public var mean: Double?
    public var lowerBound: Double?

    enum CodingKeys: String, CodingKey {
        case label, profile, shape, mean
        case caseIndex = "case", originalShape = "original_shape", shrinkSteps = "shrink_steps"
        case lowerBound = "lower_bound"
    }

    public init(
        caseIndex: Int, label: String, profile: String? = nil, shape: String? = nil, originalShape: String,
        shrinkSteps: Int, mean: Double? = nil, lowerBound: Double? = nil
    ) {
        self.caseIndex = caseIndex
        self.label = label
        self.profile = profile
        self.shape = shape
        self.originalShape = originalShape
        self.shrinkSteps = shrinkSteps
        self.mean = mean
        self.lowerBound = lowerBound
    }

    public init(_ c: Counterexample) {
        self.init(
            caseIndex: c.caseIndex, label: c.label, profile: c.profile, shape: c.federation?.shape,
            originalShape: c.originalShape, shrinkSteps: c.shrinkSteps, mean: c.test?.mean, lowerBound: c.test?.lowerBound)
    }
}

/// A name and a number.
public struct NamedNumber: Hashable, Sendable, Codable {
    public var name: String
    public var value: Double

    public init(name: String, value: Double) {
        self.name = name
        self.value = value
    }
}
