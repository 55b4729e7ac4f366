import Adversary
import Mechanisms
import Specs

/// One consensus case (Lu, Tang and Wang, sections IV to VI): a task outsourced to n workers
/// on the consensus contract under a spec's terms, the strategy each seat plays in the
/// background, the focal seat whose deviations are judged, and the seeds of R replications.
///
/// Replication r draws its task from `noiseSeed` and r alone (`task(replication:)`): a true
/// result of `resultLength` random bytes outside E_ck and a lazy worker's guess of the same
/// length. A counterexample file holds the federation, so it is `Codable`.
public struct ConsensusFederation: Hashable, Sendable, Codable {
    /// n, the workers (>= 2).
    public var workers: Int
    /// d, each worker's deposit (>= 1).
    public var deposit: Int
    /// r, the requester's reward (>= 0).
    public var reward: Int
    /// What a commitment binds (the `commitment` knob).
    public var commitment: CommitmentScheme
    /// E_ck.
    public var junk: CommonKnowledgeSet
    /// The task's public input.
    public var input: [UInt8]
    /// Bytes of a result (>= 1).
    public var resultLength: Int
    /// The consensus strategy of each seat when nothing is judged on it.
    public var background: [String]
    /// The attack parameters of the background seats.
    public var parameters: ConsensusStrategyParameters
    /// The seat whose deviations are judged.
    public var focal: Int
    /// R, the replications.
    public var replications: Int
    /// The seed of the replications' tasks.
    public var noiseSeed: UInt64

    /// c, the cost of computing the task, in units: Lu, Tang and Wang take r >> c and ignore
    /// it (section III), but a free rider saves it, so earning as much as an honest worker is
    /// a gain of c. Any positive cost gives the same verdicts; one unit is the smallest.
    public static let computingCost = 1

    /// `n=3 d=1000000 r=200000 L=32 R=8`.
    public var shape: String {
        "n=\(workers) d=\(deposit) r=\(reward) L=\(resultLength) R=\(replications)"
    }

    /// Replication `r`'s task: a true result outside E_ck and a guess that differs from it.
    public func task(replication r: Int) -> SyntheticConsensusTask {
        var g = SplitMix64(seed: noiseSeed, stream: UInt64(r))
        func bytes() -> [UInt8] { (0 ..< resultLength).map { _ in UInt8(truncatingIfNeeded: g.next()) } }
        var truth = bytes()
        while junk.contains(truth, input: input) { truth = bytes() }
        var guess = bytes()
        while guess == truth { guess = bytes() }
        return SyntheticConsensusTask(input: input, truth: truth, guess: guess)
    }

    /// The seat plan of a world: the background with `overrides` applied, every copier whose
    /// target (`copyTarget`, by default the parameters') is itself or no seat replaced by an
    /// honest seat.
    func seats(_ overrides: [Int: String], copyTarget t: Int? = nil) -> [String] {
        let copier = CommitmentCopier<SyntheticConsensusTask>.strategyName
        let t = t ?? parameters.copyTarget
        return background.indices.map { k in
            let name = overrides[k] ?? background[k]
            if name == copier, t == k || !background.indices.contains(t) { return HonestStrategy.name }
            return name
        }
    }

    /// The actions of `seats` on `task`; coalition members take the coalition's roles in seat
    /// order (a member beyond the split's size plays its last role).
    func actions(
        _ seats: [String], _ parameters: ConsensusStrategyParameters, task: SyntheticConsensusTask,
        catalog: StrategyCatalog
    ) -> [ConsensusAction] {
        var slots: [String: Int] = [:]
        return seats.map { name in
            let slot = slots[name, default: 0]
            slots[name] = slot + 1
            guard let worker = catalog.consensusWorker(named: name, parameters: parameters, slot: slot) else {
                preconditionFailure("ConsensusFederation: no consensus strategy \"\(name)\"")
            }
            return worker.action(for: task)
        }
    }
}

extension ConsensusFederation {
    /// Draws the federation of one case from a consensus spec: n from `[federation]`, d and r
    /// uniformly from the spec's values or ranges, the commitment knob, E_ck and input as
    /// given, 1 to 64 result bytes, each background seat honest with probability `honestShare`
    /// and otherwise one of `allowed`, and the attack parameters from `[strategies]` (or drawn:
    /// a copy target, a junk rule, a split of the seats named `coalition`).
    static func draw(
        spec: Spec, allowed: [String], replications: Int, honestShare: Double,
        using g: inout SplitMix64
    ) -> ConsensusFederation {
        let n = spec.federation.workers
        let deposit = Sampling.integer(in: spec.mechanism.depositRange, using: &g)
        let reward = Sampling.integer(in: spec.mechanism.rewardRange, using: &g)
        let background = (0 ..< n).map { _ -> String in
            if Sampling.unit(using: &g) < honestShare || allowed.isEmpty { return HonestStrategy.name }
            return allowed[Int(Sampling.below(UInt64(allowed.count), using: &g))]
        }
        let junks = ConsensusStrategyParameters.Junk.allCases
        var parameters = ConsensusStrategyParameters(
            copyTarget: Int(Sampling.below(UInt64(n), using: &g)),
            junk: junks[Int(Sampling.below(UInt64(junks.count), using: &g))])
        let members = background.filter { $0 == CoalitionMember<SyntheticConsensusTask>.strategyName }.count
        if members > 0 {
            let splits = ConsensusCoalition.all(size: members)
            parameters.coalition = splits[Int(Sampling.below(UInt64(splits.count), using: &g))]
        }
        if let given = spec.consensusStrategies?.parameters {
            parameters.copyTarget = given.copyTarget
            parameters.junk = given.junk
            if given.coalition.size == members { parameters.coalition = given.coalition }
        }
        return ConsensusFederation(
            workers: n, deposit: deposit, reward: reward, commitment: spec.knobs.commitment,
            junk: spec.mechanism.commonKnowledge, input: spec.mechanism.input,
            resultLength: 1 + Int(Sampling.below(64, using: &g)), background: background,
            parameters: parameters, focal: Int(Sampling.below(UInt64(n), using: &g)),
            replications: replications, noiseSeed: g.next())
    }
}
