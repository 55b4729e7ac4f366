import Adversary
import Mechanisms

/// The economic layer on a consensus spec: case k draws a `ConsensusFederation` from
/// `caseGenerator(seed:index:)` alone and judges each selected property's
/// `ConsensusScenario` on it; a violation is confirmed with fresh tasks and twice the
/// replications, then shrunk (fewer seats, a shorter result, an honest background, fewer
/// replications) while it still violates.
extension EconomicCampaign {
    /// The consensus federation of case `index`.
    public func consensusFederation(seed: UInt64, index: Int, ranges: FederationRanges) -> ConsensusFederation {
        var g = caseGenerator(seed: seed, index: index)
        return ConsensusFederation.draw(
            spec: spec, allowed: allowed, replications: Self.consensusReplications,
            honestShare: ranges.honestShare, using: &g)
    }

    /// R of a consensus case: the payoffs are deterministic given the actions, so a few tasks
    /// suffice (they vary the result length's bytes, the guess and the salts' preimages).
    static let consensusReplications = 4

    /// Case `index` of a consensus spec.
    func judgeConsensusCase(_ index: Int, economic: [FuzzPropertyID], _ options: Options) throws -> Summary {
        let f = consensusFederation(seed: options.seed, index: index, ranges: options.ranges)
        var rounds = 0
        var properties: [PropertySummary] = []
        for id in economic {
            let (summary, played) = try judgeConsensus(id, f, index: index, options)
            rounds += played
            properties.append(summary)
        }
        let profiles = EquilibriumProfile.profiles.map { ProfileSummary(profile: $0.name, cases: 0, payoffs: [:]) }
        return Summary(properties: properties, profiles: profiles, rounds: rounds)
    }

    /// One property on consensus federation `f` as case `index`.
    func judgeConsensus(
        _ id: FuzzPropertyID, _ f: ConsensusFederation, index: Int, _ options: Options
    ) throws -> (PropertySummary, rounds: Int) {
        var summary = PropertySummary(id: id.rawValue)
        summary.cases = 1
        let scenario = ConsensusScenario.make(id, f)
        let verdict = try scenario.judge(f, confidence: options.confidence)
        if verdict.violated {
            var fresh = f
            var stream = SplitMix64(seed: f.noiseSeed, stream: 0xC0F1)
            fresh.noiseSeed = stream.next()
            fresh.replications = 2 * f.replications
            if try ConsensusScenario.make(id, fresh).judge(fresh, confidence: options.confidence).violated {
                summary.violation = try shrinkConsensus(id, f, index: index, options)
            } else {
                summary.unconfirmed = 1
                summary.nearest = .init(caseIndex: index, label: verdict.label, test: verdict.test, counterexample: nil)
            }
        } else {
            summary.nearest = .init(caseIndex: index, label: verdict.label, test: verdict.test, counterexample: nil)
        }
        return (summary, scenario.worlds.count * f.replications)
    }

    /// The shrunk counterexample of a confirmed consensus violation.
    func shrinkConsensus(
        _ id: FuzzPropertyID, _ f: ConsensusFederation, index: Int, _ options: Options
    ) throws -> PropertySummary.Finding {
        let (minimal, steps) = try f.shrunk(limit: options.shrinkLimit) { candidate in
            try ConsensusScenario.make(id, candidate).judge(candidate, confidence: options.confidence).violated
        }
        let verdict = try ConsensusScenario.make(id, minimal).judge(minimal, confidence: options.confidence)
        var counterexample = Counterexample(
            schema: Counterexample.schema, property: id.rawValue, specName: spec.name,
            specPath: specPath, specText: specText, seed: options.seed, caseIndex: index,
            confidence: options.confidence, federation: nil, profile: nil, contract: nil,
            label: verdict.label, test: verdict.test, originalShape: f.shape, shrinkSteps: steps,
            command: options.command)
        counterexample.consensus = minimal
        return PropertySummary.Finding(
            caseIndex: index, label: verdict.label, test: verdict.test, counterexample: counterexample)
    }
}

extension ConsensusFederation {
    /// Simpler federations, most aggressive first: one replication, an all-honest background,
    /// a one-byte result, each non-focal seat removed (n >= 2 stays), each background seat
    /// made honest, half the replications.
    func shrinkCandidates() -> [ConsensusFederation] {
        var out: [ConsensusFederation] = []
        if replications > 1 {
            var c = self
            c.replications = 1
            out.append(c)
        }
        let honest = HonestStrategy.name
        if background.contains(where: { $0 != honest }) {
            var c = self
            c.background = background.map { _ in honest }
            out.append(c)
        }
        if resultLength > 1 {
            var c = self
            c.resultLength = 1
            out.append(c)
        }
        if workers > 2 {
            for k in (0 ..< workers).reversed() where k != focal {
                var c = self
                c.workers -= 1
                c.background.remove(at: k)
                if c.focal > k { c.focal -= 1 }
                if c.parameters.copyTarget >= c.workers || c.parameters.copyTarget == k {
                    c.parameters.copyTarget = 0
                } else if c.parameters.copyTarget > k {
                    c.parameters.copyTarget -= 1
                }
                out.append(c)
            }
        }
        for k in background.indices where k != focal && background[k] != honest {
            var c = self
            c.background[k] = honest
            out.append(c)
        }
        if replications > 2 {
            var c = self
            c.replications = replications / 2
            out.append(c)
        }
        return out
    }

    /// Greedy shrinking over `shrinkCandidates()` (`greedyShrink`).
    func shrunk(limit: Int, stillFails: (ConsensusFederation) throws -> Bool) rethrows -> (ConsensusFederation, Int) {
        try greedyShrink(self, limit: limit, candidates: { $0.shrinkCandidates() }, stillFails: stillFails)
    }
}
