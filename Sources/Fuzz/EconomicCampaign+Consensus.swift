import Adversary
import Mechanisms

/// The economic layer on a consensus spec: case k draws a `ConsensusFederation` from
/// `caseGenerator(seed:index:)` alone and judges each selected property's
/// `ConsensusScenario` on it; a violation is confirmed with fresh tasks and twice the
/// replications, then shrunk (fewer seats, a shorter result, an honest background, fewer
/// replications) while it still violates.
extension EconomicCampaign {
    /// The most workers an economic case plays: every world of every replication runs through
    /// the contract, so one case grows with n (n = 100: about 5 s on 2 cores, n = 300 about 15 s,
    /// release); `fuzz` refuses a larger spec unless only contract properties are asked for.
    public static let maximumWorkers = 100

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

    /// One property on consensus federation `f` as case `index` (`decide`).
    func judgeConsensus(
        _ id: FuzzPropertyID, _ f: ConsensusFederation, index: Int, _ options: Options
    ) throws -> (PropertySummary, rounds: Int) {
        let scenario = ConsensusScenario.make(id, f)
        let summary = try decide(
            id, f, index: index, options, first: scenario.judge(f, confidence: options.confidence),
            judge: { try ConsensusScenario.make(id, $0).judge($0, confidence: options.confidence) },
            shrunk: { try $0.shrunk(limit: options.shrinkLimit, stillFails: $1) },
            store: { $0.consensus = $1 })
        return (summary, scenario.worlds.count * f.replications)
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
