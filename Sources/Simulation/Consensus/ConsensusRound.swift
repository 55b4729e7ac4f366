// Consensus instantiations of Lu, Tang and Wang (section V), end to end: what a worker does in
// one commit-reveal round (`ConsensusAction`), who decides it (`ConsensusWorker`, one small
// value type per behaviour), and one round of the Ledger's consensus contract played from
// deploy to settlement (`ConsensusRound`).
import Ledger
import Mechanisms

/// What one worker does in a consensus round (Lu, Tang and Wang, section IV: Commit, Reveal).
public enum ConsensusAction: Hashable, Sendable {
    /// Registers with the deposit d, commits to the result and reveals it (σt when the result
    /// is the correct one, σf otherwise, or σe when it lies in E_ck).
    case reveal([UInt8])
    /// Registers and commits to the result but never reveals (σe: fails to de-commit).
    case commitWithoutReveal([UInt8])
    /// Registers with the deposit and never commits (σe: fails to commit).
    case registerOnly
    /// Never registers, so pays no deposit; the round still counts it as a failed worker.
    case absent

    /// The result the worker commits to, if any.
    public var committedResult: [UInt8]? {
        switch self {
        case .reveal(let result), .commitWithoutReveal(let result): result
        case .registerOnly, .absent: nil
        }
    }
}

/// A worker's behaviour in a consensus task: from the task to what it does in the round.
///
/// One small value type per behaviour (honest, or one kind of laziness); add a behaviour by
/// adding a conforming type.
/// A machine-learning task run through the consensus mechanism, whose public randomness is
/// the requester's coin r (section V).
public protocol ConsensusTask {
    /// r: the requester's coin.
    var coin: Hash32 { get }
}

extension ConsensusTask {
    /// The consensus round for this task with deposit d and reward r; the task's public input
    /// (for the `equalToInput` rule of E_ck) is the coin's 32 bytes.
    public func round(deposit: Int, reward: Int) -> ConsensusRound {
        ConsensusRound(deposit: deposit, reward: reward, input: coin.bytes)
    }

    /// Runs the task end to end through the Ledger's consensus contract: each worker decides
    /// its action (training or evaluating as it chooses), then `round(deposit:reward:)` is
    /// played.
    /// - Parameters:
    ///   - workers: the workers' behaviours, in worker order.
    ///   - deposit: d.
    ///   - reward: r.
    /// - Throws: `ContractError` if the contract refuses a transaction.
    public func run(
        _ workers: [any ConsensusWorker<Self>], deposit: Int, reward: Int
    ) throws(ContractError) -> ConsensusRoundOutcome {
        try round(deposit: deposit, reward: reward).play(self, workers: workers)
    }
}

public protocol ConsensusWorker<Task> {
    /// The kind of task (`ClassifierEvaluation`, `OutsourcedTraining`).
    associatedtype Task
    /// A short label for reports, such as "honest" or "fewer epochs (1)".
    var name: String { get }
    /// What the worker does in the round of `task`.
    func action(for task: Task) -> ConsensusAction
}

/// A worker that pays the deposit and then does nothing (σe), for any task.
public struct NonSubmitting<Task>: ConsensusWorker, Sendable {
    /// A non-submitting worker.
    public init() {}

    /// "does not submit".
    public var name: String { "does not submit" }

    /// Always `.registerOnly`.
    public func action(for task: Task) -> ConsensusAction { .registerOnly }
}

/// One round of the Ledger's consensus contract (Lu, Tang and Wang, sections IV and VI),
/// played from deploy to settlement: TaskPrepare (the requester pays r in at deploy, each
/// worker registers with d), Commit, Reveal and Reward.
///
/// Timeline: every registering worker registers and commits at the deploy height, every
/// revealing worker reveals when the reveal window opens, and the requester settles at the
/// first settle height. Worker k is `Address(index: k)`; salts are deterministic
/// (`Keccak256(address || input)`), which is harmless in a simulation but not how a real
/// worker picks its secret.
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

    /// Plays the round with one action per worker, in worker order.
    /// - Parameter actions: what each worker does (at least one).
    /// - Returns: the settled contract and its round record.
    /// - Throws: `ContractError` if the contract refuses a transaction (a bug in the round or
    ///   a configuration the contract rejects).
    /// - Complexity: O(n + total result size) plus one Keccak-256 per commitment.
    public func play(_ actions: [ConsensusAction]) throws(ContractError) -> ConsensusRoundOutcome {
        precondition(!actions.isEmpty && actions.count < 1_000_000,
                     "ConsensusRound.play: \(actions.count) workers")
        var contract = try Contract(
            config: config(workers: actions.count), deployer: requester, height: deployHeight)
        let start = contract.roundStart
        let members = contract.config.members
        func payload(_ k: Int, _ result: [UInt8]) -> RevealPayload {
            .result(result, salt: Keccak256.hash(members[k].bytes + input))
        }
        for (k, action) in actions.enumerated() where action != .absent {
            try contract.register(members[k], value: deposit, at: start)
            if let result = action.committedResult {
                try contract.commit(
                    members[k], contract.commitment(of: payload(k, result), by: members[k]),
                    at: start)
            }
        }
        let reveal = contract.revealBlocks.lowerBound
        for (k, action) in actions.enumerated() {
            if case .reveal(let result) = action {
                try contract.reveal(members[k], payload(k, result), at: reveal)
            }
        }
        try contract.settle(requester, round: 0, at: contract.settleHeight)
        return ConsensusRoundOutcome(actions: actions, contract: contract)
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

/// A settled consensus round.
public struct ConsensusRoundOutcome: Equatable, Sendable {
    /// What each worker did, in worker order.
    public var actions: [ConsensusAction]
    /// The contract after settlement (balances not yet withdrawn).
    public var contract: Contract

    /// The contract's record of the round.
    public var record: RoundRecord { contract.records[0] }

    /// What the contract credits each worker (deposit refund included), in worker order.
    public var payouts: [Int] { record.payouts }

    /// Each worker's utility, payout minus the deposit it paid (0 for an absent worker that
    /// paid nothing and got nothing): the entries of Lu, Tang and Wang's Tables I and II.
    public var utilities: [Int] {
        zip(actions, record.payouts).map { action, payout in
            action == .absent ? payout : payout - contract.config.deposit
        }
    }
}
