/// What a campaign (or one shard of it) found for one property: the parts that merge.
///
/// Merging is associative and commutative, so `merge` of shard summaries gives exactly the
/// summary of one unsharded run: case counts add, the violation kept is the one of the lowest
/// case index, the nearest miss the one with the largest lower bound (ties to the lower index).
public struct PropertySummary: Hashable, Sendable, Codable {
    /// The property id.
    public var id: String
    /// Cases judged.
    public var cases: Int
    /// The confirmed violation of lowest case index, with its counterexample.
    public var violation: Finding?
    /// The case closest to a violation, when none was confirmed.
    public var nearest: Finding?
    /// Cases whose first test rejected but whose confirmation with fresh noise did not.
    public var unconfirmed: Int

    public init(id: String) {
        self.id = id
        cases = 0
        unconfirmed = 0
    }

    /// One case's finding.
    public struct Finding: Hashable, Sendable, Codable {
        /// The case index.
        public var caseIndex: Int
        /// The deciding comparison.
        public var label: String
        /// Its test (for a confirmed violation: the confirmation's test); absent for contract
        /// invariants, which a single step violates.
        public var test: PairedTest?
        /// The shrunk counterexample of a confirmed violation.
        public var counterexample: Counterexample?
    }

    /// The two summaries as one.
    public func merged(with other: PropertySummary) -> PropertySummary {
        precondition(id == other.id, "PropertySummary: merging \(id) with \(other.id)")
        var out = self
        out.cases += other.cases
        out.unconfirmed += other.unconfirmed
        out.violation = [violation, other.violation].compactMap { $0 }.min { $0.caseIndex < $1.caseIndex }
        out.nearest = [nearest, other.nearest].compactMap { $0 }.max {
            ($0.test?.lowerBound ?? -.infinity, -$0.caseIndex) < ($1.test?.lowerBound ?? -.infinity, -$1.caseIndex)
        }
        return out
    }

    /// `violated` when a violation was confirmed.
    public var outcome: Outcome { violation == nil ? .holds : .violated }
}

/// A fuzz outcome.
public enum Outcome: String, Hashable, Sendable, Codable {
    /// No case violated the property (within the budget, at the confidence).
    case holds
    /// A case violated it; the counterexample replays.
    case violated
}

/// What the campaign saw of one equilibrium profile: the parts that merge.
public struct ProfileSummary: Hashable, Sendable, Codable {
    /// The profile's name.
    public var profile: String
    /// Cases that examined it.
    public var cases: Int
    /// The first case (lowest index) in which a single deviation paid.
    public var leftAt: Int?
    /// That deviation.
    public var leftBy: String?
    /// Payoffs per strategy in the lowest-index case that examined it.
    public var payoffs: [String: Double]
    /// The case those payoffs come from.
    public var payoffCase: Int?
    /// That case's federation (the counterexample of a stable profile).
    public var federation: Federation?

    /// Stable: examined, and never left profitably.
    public var stable: Bool { cases > 0 && leftAt == nil }

    public func merged(with other: ProfileSummary) -> ProfileSummary {
        var out = self
        out.cases += other.cases
        if let o = other.leftAt, leftAt.map({ o < $0 }) ?? true {
            out.leftAt = o
            out.leftBy = other.leftBy
        }
        if let o = other.payoffCase, payoffCase.map({ o < $0 }) ?? true {
            out.payoffCase = o
            out.payoffs = other.payoffs
            out.federation = other.federation
        }
        return out
    }
}

extension EconomicCampaign.Summary {
    /// The summary with every counterexample's reproduce command set to `command` (a `--time`
    /// run knows its budget only at the end).
    public func withCommand(_ command: String) -> Self {
        var out = self
        for k in out.properties.indices {
            out.properties[k].violation?.counterexample?.command = command
        }
        return out
    }
}
