// Consensus instantiations of Lu, Tang and Wang (sections IV to VI), end to end: one round of
// the Ledger's consensus contract played from deploy to settlement (`ConsensusRound`), carrying
// out each worker's `ConsensusAction` (from `Adversary`), copiers and withholders included.
import Adversary
import Ledger
import Mechanisms

/// One round of the Ledger's consensus contract (Lu, Tang and Wang, sections IV and VI),
/// played from deploy to settlement: TaskPrepare (the requester pays r in at deploy, each
/// worker registers with d), Commit, Reveal and Reward.
///
/// Timeline, all at the heights of the contract's windows:
/// 1. at the deploy height every registering worker registers and commits its own result, in
///    worker order; then every copier (`.copyCommitment(of:)`), in worker order, commits the
///    hashCommit its target has published (none if the target has not committed by then);
/// 2. when the reveal window opens, every `.reveal` worker reveals;
/// 3. then every withholder (`.revealUnlessUnprofitable`), in worker order, dry-runs its
///    reveal on a copy of the contract (a value type): it reveals there, assumes the
///    withholders after it reveal too and the copiers copy, settles the copy and reads its own
///    payout; it reveals for real only if that payout is at least d;
/// 4. then every copier whose target has revealed sends the target's payload; a reveal the
///    contract refuses as a mismatch (the `bound` commitment) is recorded in
///    `ConsensusRoundOutcome.refusedReveals` and the copier stays unrevealed;
/// 5. the requester settles at the first settle height.
///
/// Worker k is `Address(index: k)`; salts are deterministic (`Keccak256(address || input)`),
/// which is harmless in a simulation but not how a real worker picks its secret.
public struct ConsensusRound: Hashable, Sendable {
    /// d, each worker's deposit (>= 1).
    public var deposit: Int
    /// r, the requester's reward (>= 0).
    public var reward: Int
    /// E_ck, the results that count as no submission.
    public var junk: CommonKnowledgeSet
    /// The task's public input, for the `equalToInput` rule of E_ck.
    public var input: [UInt8]
    /// What the commitments bind.
    public var commitment: CommitmentScheme
    /// The requester, who deploys (paying r) and settles.
    public var requester: Address
    /// The contract's address.
    public var contract: Address
    /// The deploy height.
    public var deployHeight: Int
    /// Blocks for registration and commit.
    public var commitWindow: Int
    /// Blocks for reveal.
    public var revealWindow: Int

    /// A round with the given money and rules; addresses and windows default to test values
    /// (requester `Address(index: 1_000_000)`, contract `Address(index: 2_000_000)`, deploy at
    /// 100, windows of 10 blocks).
    public init(
        deposit: Int, reward: Int, junk: CommonKnowledgeSet = .paper, input: [UInt8] = [],
        commitment: CommitmentScheme = .bound,
        requester: Address = Address(index: 1_000_000), contract: Address = Address(index: 2_000_000),
        deployHeight: Int = 100, commitWindow: Int = 10, revealWindow: Int = 10
    ) {
        self.deposit = deposit
        self.reward = reward
        self.junk = junk
        self.input = input
        self.commitment = commitment
        self.requester = requester
        self.contract = contract
        self.deployHeight = deployHeight
        self.commitWindow = commitWindow
        self.revealWindow = revealWindow
    }

    /// The address of worker `k`: `Address(index: k)`.
    public static func worker(_ k: Int) -> Address { Address(index: UInt64(k)) }

    /// The contract configuration for `workers` members.
    public func config(workers: Int) -> ContractConfig {
        let terms = ConsensusTerms(reward: reward, junk: junk, input: input, commitment: commitment)
        return ContractConfig(
            contract: contract, mechanism: .consensus(terms), deposit: deposit,
            commitWindow: commitWindow, revealWindow: revealWindow,
            members: (0 ..< workers).map(Self.worker))
    }

    /// Worker `k`'s reveal payload for `result`, with its deterministic salt.
    func payload(_ k: Int, _ result: [UInt8]) -> RevealPayload {
        .result(result, salt: Keccak256.hash(Self.worker(k).bytes + input))
    }

    /// Plays the round with one action per worker, in worker order (see the timeline above).
    /// - Parameter actions: what each worker does (at least one); a copier's target is another
    ///   worker of the round.
    /// - Returns: the settled contract and its round record.
    /// - Throws: `ContractError` if the contract refuses a transaction other than a copier's
    ///   mismatching reveal (a bug in the round or a configuration the contract rejects).
    /// - Complexity: O(n + total result size) plus one Keccak-256 per commitment, and one dry
    ///   run of the reveal phase and settlement per withholder.
    public func play(_ actions: [ConsensusAction]) throws(ContractError) -> ConsensusRoundOutcome {
        precondition(!actions.isEmpty && actions.count < 1_000_000,
                     "ConsensusRound.play: \(actions.count) workers")
        for (k, action) in actions.enumerated() {
            if case .copyCommitment(let target) = action {
                precondition(actions.indices.contains(target) && target != k,
                             "ConsensusRound.play: worker \(k) copies worker \(target)")
            }
        }
        var contract = try Contract(
            config: config(workers: actions.count), deployer: requester, height: deployHeight)
        let start = contract.roundStart
        for (k, action) in actions.enumerated() where action.registers {
            try contract.register(Self.worker(k), value: deposit, at: start)
            if let result = action.committedResult {
                try contract.commit(
                    Self.worker(k), contract.commitment(of: payload(k, result), by: Self.worker(k)),
                    at: start)
            }
        }
        for (k, action) in actions.enumerated() {
            if case .copyCommitment(let target) = action,
                let published = contract.seats[target].commitment
            {
                try contract.commit(Self.worker(k), published, at: start)
            }
        }
        let open = contract.revealBlocks.lowerBound
        for (k, action) in actions.enumerated() {
            if case .reveal(let result) = action {
                try contract.reveal(Self.worker(k), payload(k, result), at: open)
            }
        }
        var withheld: [Int] = []
        for (k, action) in actions.enumerated() {
            guard case .revealUnlessUnprofitable(let result) = action else { continue }
            if try revealingPays(k, result, actions, contract, at: open) {
                try contract.reveal(Self.worker(k), payload(k, result), at: open)
            } else {
                withheld.append(k)
            }
        }
        let refused = try revealCopies(actions, in: &contract, at: open)
        try contract.settle(requester, round: 0, at: contract.settleHeight)
        return ConsensusRoundOutcome(
            actions: actions, contract: contract, refusedReveals: refused, withheld: withheld)
    }

    /// The withholder's dry run: on a copy of `contract`, worker `k` reveals `result`, the
    /// withholders after it reveal, the copiers copy, and the copy is settled; whether `k`'s
    /// payout there is at least the deposit.
    func revealingPays(
        _ k: Int, _ result: [UInt8], _ actions: [ConsensusAction], _ contract: Contract,
        at open: Int
    ) throws(ContractError) -> Bool {
        var dryRun = contract
        try dryRun.reveal(Self.worker(k), payload(k, result), at: open)
        for j in actions.indices where j > k {
            if case .revealUnlessUnprofitable(let later) = actions[j] {
                try dryRun.reveal(Self.worker(j), payload(j, later), at: open)
            }
        }
        _ = try revealCopies(actions, in: &dryRun, at: open)
        try dryRun.settle(requester, round: 0, at: dryRun.settleHeight)
        return dryRun.records[0].payouts[k] >= deposit
    }

    /// Every copier whose target has revealed (and that has committed) sends the target's
    /// payload, in worker order; returns the reveals the contract refused as mismatches.
    /// - Throws: any other refusal.
    func revealCopies(
        _ actions: [ConsensusAction], in contract: inout Contract, at open: Int
    ) throws(ContractError) -> [Int: ContractError] {
        var refused: [Int: ContractError] = [:]
        for (k, action) in actions.enumerated() {
            guard case .copyCommitment(let target) = action,
                contract.seats[k].commitment != nil,
                let copied = contract.seats[target].reveal
            else { continue }
            do {
                try contract.reveal(Self.worker(k), copied, at: open)
            } catch {
                guard case .revealMismatch = error else { throw error }
                refused[k] = error
            }
        }
        return refused
    }

    /// Asks each worker what it does with `task`, then plays the round.
    /// - Parameters:
    ///   - task: the task every worker computes.
    ///   - workers: the workers' behaviours, in worker order.
    /// - Throws: see `play(_:)`.
    public func play<Task>(
        _ task: Task, workers: [any ConsensusWorker<Task>]
    ) throws(ContractError) -> ConsensusRoundOutcome {
        try play(workers.map { $0.action(for: task) })
    }
}
