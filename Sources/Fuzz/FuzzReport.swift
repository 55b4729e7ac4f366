import Messages
import Specs

/// The result of `fuzz` on one spec, as written to `--json` (schema 1) and read by `merge`.
///
/// Findings only, no timings, so the same seed and budget give byte-identical files whatever
/// the thread count or shard split. `summary` holds the mergeable findings themselves
/// (counterexamples included); the other fields are derived from it and the spec.
public struct FuzzReport: Hashable, Sendable, Codable {
    /// The schema version, 1.
    public var schema: Int
    /// The spec's path.
    public var spec: String
    /// The campaign seed.
    public var seed: UInt64
    /// Cases in the whole campaign (all shards).
    public var budget: Int
    /// `I/N` for one shard's file, absent for a whole or merged campaign.
    public var shard: String?
    /// One line per property judged.
    public var properties: [Line]
    /// Every profile other than all-honest that no single worker left profitably.
    public var stableProfiles: [StableProfile]
    /// The mergeable findings.
    public var summary: EconomicCampaign.Summary

    /// One property's line.
    public struct Line: Hashable, Sendable, Codable {
        public var id: String
        public var outcome: Outcome
        public var expected: String
        public var cases: Int
        /// Mean gain of the deciding comparison (net units; per sample for the threshold property).
        public var effect: Double?
        /// Its one-sided lower confidence bound.
        public var lowerBound: Double?
        public var confidence: Double?
        /// The deciding comparison in words.
        public var comparison: String?
        /// The counterexample file's path.
        public var counterexample: String?
        /// The command that reproduces the finding.
        public var reproduce: String

        /// Whether the outcome meets the spec's expectation.
        public var meetsExpectation: Bool { outcome.rawValue == expected }
    }

    /// A stable profile and what it pays.
    public struct StableProfile: Hashable, Sendable, Codable {
        public var profile: String
        public var cases: Int
        /// Mean net payout (units) per strategy.
        public var payoffs: [String: Double]
    }

    /// Whether every property meets its expectation.
    public var allMet: Bool { properties.allSatisfy(\.meetsExpectation) }
}

extension FuzzReport {
    /// The report of `summary` for `spec`; counterexample files are named
    /// `<out>/<spec name>/<property>.json` (the caller writes them, see `counterexampleFiles`).
    public static func make(
        spec: Spec, specPath: String, seed: UInt64, budget: Int, shard: String?,
        confidence: Double, summary: EconomicCampaign.Summary, out: String, command: String
    ) -> FuzzReport {
        var lines: [Line] = []
        for property in summary.properties {
            let expected = spec.checks[property.id]?.outcomeWord ?? Outcome.holds.rawValue
            let decisive = property.violation ?? property.nearest
            lines.append(Line(
                id: property.id, outcome: property.outcome, expected: expected, cases: property.cases,
                effect: decisive?.test?.mean, lowerBound: decisive?.test?.lowerBound,
                confidence: decisive?.test == nil ? nil : confidence, comparison: decisive?.label,
                counterexample: property.violation == nil
                    ? nil : counterexamplePath(out: out, spec: spec.name, property: property.id),
                reproduce: property.violation?.counterexample.map { _ in
                    "serumcheck replay \(counterexamplePath(out: out, spec: spec.name, property: property.id))"
                } ?? command))
        }
        let stable = summary.profiles.filter { $0.stable && $0.profile != EquilibriumProfile.profiles[0].name }
        let honest = summary.profiles.first { $0.profile == EquilibriumProfile.profiles[0].name }
        if summary.profiles.contains(where: { $0.cases > 0 }) {
            let id = FuzzPropertyID.honestUniqueEquilibrium.rawValue
            let violated = !stable.isEmpty || honest?.leftAt != nil
            let tested = summary.profiles.reduce(0) { $0 + $1.cases }
            lines.append(Line(
                id: id, outcome: violated ? .violated : .holds,
                expected: spec.checks[id]?.outcomeWord ?? Outcome.holds.rawValue, cases: tested,
                effect: nil, lowerBound: nil, confidence: confidence,
                comparison: violated
                    ? (stable.map { "\($0.profile) is stable" } + (honest?.leftBy.map { ["all honest is left: \($0)"] } ?? []))
                        .joined(separator: "; ")
                    : "only all honest is stable",
                counterexample: violated && equilibriumCounterexample(summary) != nil
                    ? counterexamplePath(out: out, spec: spec.name, property: id) : nil,
                reproduce: violated && equilibriumCounterexample(summary) != nil
                    ? "serumcheck replay \(counterexamplePath(out: out, spec: spec.name, property: id))" : command))
        }
        return FuzzReport(
            schema: 1, spec: specPath, seed: seed, budget: budget, shard: shard, properties: lines,
            stableProfiles: stable.map { StableProfile(profile: $0.profile, cases: $0.cases, payoffs: $0.payoffs) },
            summary: summary)
    }

    /// `<out>/<spec name>/<property>.json`.
    public static func counterexamplePath(out: String, spec: String, property: String) -> String {
        "\(out)/\(spec)/\(property).json"
    }

    /// The counterexample files of the report: path and content.
    /// - Parameters:
    ///   - specText: the spec's text, embedded in the equilibrium counterexample.
    ///   - command: the campaign's reproduce command, likewise.
    public func counterexampleFiles(
        out: String, specName: String, specText: String, command: String
    ) -> [(String, Counterexample)] {
        var files: [(String, Counterexample)] = summary.properties.compactMap { property in
            property.violation?.counterexample.map {
                (Self.counterexamplePath(out: out, spec: specName, property: property.id), $0)
            }
        }
        if let line = properties.first(where: { $0.id == FuzzPropertyID.honestUniqueEquilibrium.rawValue }),
            line.outcome == .violated, var counterexample = Self.equilibriumCounterexample(summary)
        {
            counterexample.specName = specName
            counterexample.specPath = spec
            counterexample.specText = specText
            counterexample.seed = seed
            counterexample.command = command
            files.append((Self.counterexamplePath(out: out, spec: specName, property: line.id), counterexample))
        }
        return files
    }

    /// The counterexample of `honest-unique-equilibrium`: the first stable profile other than
    /// all-honest (or all-honest itself when a single worker leaves it), on the federation of
    /// the lowest case that examined it. The spec fields are filled in by the caller.
    static func equilibriumCounterexample(_ summary: EconomicCampaign.Summary) -> Counterexample? {
        let honest = EquilibriumProfile.profiles[0].name
        let chosen = summary.profiles.first { $0.stable && $0.profile != honest }
            ?? summary.profiles.first { $0.profile == honest && $0.leftAt != nil }
        guard let profile = chosen, let federation = profile.federation, let index = profile.payoffCase else {
            return nil
        }
        let stable = profile.profile != honest
        return Counterexample(
            schema: Counterexample.schema, property: FuzzPropertyID.honestUniqueEquilibrium.rawValue,
            specName: "", specPath: "", specText: "", seed: 0, caseIndex: index, confidence: 0.99,
            federation: federation, profile: profile.profile, contract: nil,
            label: stable ? "\(profile.profile) is stable" : "all honest is left: \(profile.leftBy ?? "")",
            test: nil, originalShape: federation.shape, shrinkSteps: 0, command: "")
    }

    /// The command that reproduces shards merged into one campaign: the first violation's own
    /// command, else the whole campaign's (`fuzz SPEC --seed S --budget N`); `nil` for no reports.
    public static func reproduceCommand(of reports: [FuzzReport]) -> String? {
        guard let first = reports.first else { return nil }
        return first.summary.properties.compactMap { $0.violation?.counterexample?.command }.first
            ?? "serumcheck fuzz \(first.spec) --seed \(first.seed) --budget \(first.budget)"
    }

    /// Joins shard reports of one campaign into the report one unsharded run gives.
    /// - Throws: `FuzzMergeError` when the files are of different campaigns.
    public static func merge(_ reports: [FuzzReport], spec: Spec, confidence: Double, out: String, command: String) throws(FuzzMergeError) -> FuzzReport {
        guard let first = reports.first else { throw .noFiles }
        for r in reports.dropFirst() where r.spec != first.spec || r.seed != first.seed || r.budget != first.budget {
            throw .differentCampaigns(first: "\(first.spec) seed \(first.seed) budget \(first.budget)",
                                      other: "\(r.spec) seed \(r.seed) budget \(r.budget)")
        }
        var summary = first.summary
        for r in reports.dropFirst() {
            guard r.summary.properties.map(\.id) == summary.properties.map(\.id) else {
                throw .differentCampaigns(first: summary.properties.map(\.id).joined(separator: ","),
                                          other: r.summary.properties.map(\.id).joined(separator: ","))
            }
            summary = summary.merged(with: r.summary)
        }
        return make(spec: spec, specPath: first.spec, seed: first.seed, budget: first.budget, shard: nil,
                    confidence: confidence, summary: summary, out: out, command: command)
    }
}

/// Why shard files cannot be merged.
public enum FuzzMergeError: Error, Hashable, Sendable, CustomStringConvertible {
    case noFiles
    case differentCampaigns(first: String, other: String)

    public var description: String {
        switch self {
        case .noFiles: "no shard files to merge"
        case .differentCampaigns(let a, let b): "the files come from different campaigns: \(Echo.path(a)) and \(Echo.path(b))"
        }
    }
}
