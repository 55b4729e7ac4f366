import Ledger
import Mechanisms

/// Draws contract configurations around a `ContractBase` and, step by step, transactions for
/// a contract's current state: mostly what honest members would send, plus random and
/// out-of-protocol transactions (`OutOfProtocolMove`: late, duplicate, unregistered sender,
/// wrong deposit, malformed and oversized payloads), at heights that move forward, jump to
/// phase boundaries, and sometimes go backwards.
///
/// All randomness comes from the generator passed in (a case's `caseGenerator(seed:index:)`).
public struct TransactionGenerator: Sendable {
    /// The fixed parts of drawn configurations.
    public var base: ContractBase

    /// A generator drawing around `base`.
    public init(base: ContractBase = ContractBase()) { self.base = base }

    /// The deploy height of generated cases.
    public static let deployHeight = 10

    /// Draws a configuration that deploys (both mechanisms unless the base fixes one).
    /// - Complexity: O(members + rounds).
    public func drawConfig(using rng: inout SplitMix64) -> ContractConfig {
        let drawn = base.members ?? Int.random(in: 2 ... 4, using: &rng)
        let n = max(2, min(drawn, ContractAccounts.maximumMembers))
        let members = Array(ContractAccounts.members[0 ..< n])
        let ptsfd: Bool
        switch base.kind {
        case .ptsfd?: ptsfd = true
        case .consensus?: ptsfd = false
        case nil: ptsfd = Int.random(in: 0 ..< 10, using: &rng) < 7
        }
        let mechanism: ContractConfig.Mechanism =
            ptsfd
            ? .ptsfd(drawPTSFD(members: members.count, using: &rng))
            : .consensus(drawConsensus(using: &rng))
        var config = ContractConfig(
            contract: ContractAccounts.contract, mechanism: mechanism, deposit: 1,
            commitWindow: base.commitWindow ?? Int.random(in: 1 ... 3, using: &rng),
            revealWindow: base.revealWindow ?? Int.random(in: 1 ... 3, using: &rng),
            members: members)
        // The largest deposit deployment allows (n^2 * D + r and R * n * D + r <= Int.max / 4)
        // is one of the choices, to exercise the overflow bounds.
        let largest = (Int.max / 4 - config.requesterReward) / (n * max(n, config.rounds))
        if let deposits = base.deposits {
            config.deposit = min(Int.random(in: deposits, using: &rng), largest)
        } else {
            config.deposit = [1, 7, 1000, 12_345, largest].randomElement(using: &rng)!
        }
        return config
    }

    func drawPTSFD(members n: Int, using rng: inout SplitMix64) -> PTSFDTerms {
        var knobs = Knobs(
            normalization: Normalization.allCases.randomElement(using: &rng)!,
            aggregation: Aggregation.allCases.randomElement(using: &rng)!,
            labelCount: LabelCountPolicy.allCases.randomElement(using: &rng)!,
            commitment: CommitmentScheme.allCases.randomElement(using: &rng)!,
            peersPerSample: Bool.random(using: &rng)
                ? .all : .k(Int.random(in: 2 ... n, using: &rng)),
            payout: PayoutRule.allCases.randomElement(using: &rng)!)
        if let fixed = base.knobs {
            knobs = fixed
            if case .k(let k) = fixed.peersPerSample, k > n { knobs.peersPerSample = .k(n) }
        }
        let lambdas = (0 ..< Int.random(in: 1 ... 3, using: &rng)).map { _ in
            [0, 0.5, 1, 2, -1].randomElement(using: &rng)!
        }
        return PTSFDTerms(
            beta: [0, 0.5, 1].randomElement(using: &rng)!, lambdaSchedule: lambdas,
            classes: base.classes ?? Int.random(in: 1 ... 3, using: &rng),
            samples: Int.random(in: 1 ... 6, using: &rng), knobs: knobs,
            unitsPerReward: [1, 3, 1000, 1_000_000].randomElement(using: &rng)!,
            allocationSeed: rng.next())
    }

    func drawConsensus(using rng: inout SplitMix64) -> ConsensusTerms {
        let reward =
            base.rewards.map { Int.random(in: $0, using: &rng) }
            ?? [0, 1, 599, 1000].randomElement(using: &rng)!
        return ConsensusTerms(
            reward: reward, junk: .paper, input: [9],
            commitment: CommitmentScheme.allCases.randomElement(using: &rng)!)
    }
}
