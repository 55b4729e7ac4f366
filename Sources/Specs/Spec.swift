public import Mechanisms

/// A mechanism spec: who takes part, which mechanism pays them, how the contract runs, and
/// which verdicts the checks are expected to reach. Read from TOML by `Spec.load(path:)`;
/// every field is documented in `specs/README.md`.
///
/// A spec built in code can be checked with `validate(file:)`; `load` and `parse` always
/// return validated specs.
public struct Spec: Hashable, Sendable {
    /// A short identifier (`name = "paper"`).
    public var name: String
    /// What the spec models, in prose.
    public var description: String
    /// The workers and the task (`[federation]`).
    public var federation: Federation
    /// The reward mechanism and its parameters (`[mechanism]`).
    public var mechanism: Mechanism
    /// The PTSFD knobs (`[knobs]`, plus `mechanism.peers_per_sample`); hardened by default.
    public var knobs: Knobs
    /// The contract's windows, rounds and units (`[contract]`).
    public var contract: Contract
    /// Property id -> expected verdict (`[checks]`).
    public var checks: [String: ExpectedVerdict]
    /// An explicit belief matrix (`[beliefs]`), or `nil` to derive beliefs from the accuracy.
    public var beliefs: Beliefs?
    /// What `simulate` trains and runs (`[data]`, `[training]`, `[strategies]`), or `nil`
    /// when the spec has none of those tables.
    public var simulation: Simulation?
    /// A consensus spec's `[strategies]`: what each worker does in a fuzz campaign's
    /// background, or `nil` to draw from the whole consensus catalogue.
    public var consensusStrategies: ConsensusStrategies?
    /// What taking part costs a worker (`[costs]`, `Spec+Costs.swift`); none by default.
    public var costs: Costs = .none
    /// The values a simulation's trained models are settled again at (`[sweeps]`), or `nil`.
    public var sweeps: Sweeps?

    public init(
        name: String, description: String = "", federation: Federation, mechanism: Mechanism,
        knobs: Knobs = .hardened, contract: Contract = Contract(),
        checks: [String: ExpectedVerdict] = [:], beliefs: Beliefs? = nil,
        simulation: Simulation? = nil, consensusStrategies: ConsensusStrategies? = nil,
        costs: Costs = .none, sweeps: Sweeps? = nil
    ) {
        self.costs = costs
        self.sweeps = sweeps
        self.consensusStrategies = consensusStrategies
        self.beliefs = beliefs
        self.simulation = simulation
        self.name = name
        self.description = description
        self.federation = federation
        self.mechanism = mechanism
        self.knobs = knobs
        self.contract = contract
        self.checks = checks
    }
}

extension Spec {
    /// The `[federation]` table: n workers classifying into |C| classes.
    public struct Federation: Hashable, Sendable {
        /// n, the number of workers (2 ... 10 000).
        public var workers: Int
        /// |C|, the number of classes (2 ... 254). Unused by consensus specs.
        public var classes: Int
        /// The prior over the reported labels (R).
        public var prior: Prior
        /// The honest workers' accuracy.
        public var accuracy: Accuracy
        /// The fraction of workers that may collude (`collusion-unprofitable`), in (0, 1].
        public var coalition: Parameter
        /// Class-dependent errors (`Spec+Workers.swift`), or `nil` for the accuracy model. When
        /// set, `accuracy` is derived from it (each worker's `sum_t pi(t) Q[t][t]`).
        public var confusion: Confusion?
        /// The share of the samples each worker reports (`Spec+Workers.swift`).
        public var reportFraction: ReportFraction

        /// The coalition fractions checked when a spec does not say.
        public static let defaultCoalition = Parameter.range(min: 0.1, max: 1)

        public init(
            workers: Int, classes: Int, prior: Prior = .uniform, accuracy: Accuracy,
            coalition: Parameter = defaultCoalition, confusion: Confusion? = nil,
            reportFraction: ReportFraction = .everySample
        ) {
            self.coalition = coalition
            self.confusion = confusion
            self.reportFraction = reportFraction
            self.workers = workers
            self.classes = classes
            self.prior = prior
            self.accuracy = accuracy
        }
    }

    /// The prior distribution of the reported labels.
    public enum Prior: Hashable, Sendable {
        /// Every class equally likely: `1 / |C|` each.
        case uniform
        /// One probability per class, each >= 0, summing to 1.
        case distribution([Double])

        /// One probability per class.
        public func probabilities(classes: Int) -> [Double] {
            switch self {
            case .uniform: [Double](repeating: 1 / Double(classes), count: classes)
            case .distribution(let p): p
            }
        }
    }

    /// The probability that an honest worker's label (or result) is correct.
    public enum Accuracy: Hashable, Sendable {
        /// The same accuracy, a value or a range, for every worker.
        case all(Parameter)
        /// One accuracy per worker, in worker order.
        case perWorker([Double])

        /// One parameter per worker.
        public func parameters(workers: Int) -> [Parameter] {
            switch self {
            case .all(let p): [Parameter](repeating: p, count: workers)
            case .perWorker(let values): values.map { .value($0) }
            }
        }
    }

    /// The `[mechanism]` table.
    public struct Mechanism: Hashable, Sendable {
        /// Which mechanism pays the workers.
        public enum Kind: String, Hashable, Sendable, CaseIterable {
            /// The Peer Truth Serum for Federated Distillation (Witt et al.).
            case ptsfd
            /// The commit-reveal consensus mechanism (Lu, Tang and Wang).
            case consensus
        }

        /// `ptsfd` or `consensus`.
        public var kind: Kind
        /// beta, the penalty term of Eq. 2 (PTSFD only; >= 0).
        public var beta: Parameter
        /// lambda, the reward scale of Eq. 2 (PTSFD only; >= 0).
        public var lambda: Parameter
        /// D_i in integer units for PTSFD; d for consensus (1 ... 10^15): one value, or every
        /// value of a range (`verify` only).
        public var depositRange: ClosedRange<Int>
        /// r, the requester's reward in integer units (consensus only; 0 ... 10^15): one value,
        /// or every value of a range (`verify` only).
        public var rewardRange: ClosedRange<Int>
        /// The deposit (the lower end of a range); setting it makes the deposit a single value.
        public var deposit: Int {
            get { depositRange.lowerBound }
            set { depositRange = newValue ... newValue }
        }
        /// The reward (the lower end of a range); setting it makes the reward a single value.
        public var reward: Int {
            get { rewardRange.lowerBound }
            set { rewardRange = newValue ... newValue }
        }
        /// The seed of the peer allocation when `knobs.peersPerSample` is `.k` (PTSFD only).
        public var seed: UInt64
        /// E_ck, the common-knowledge junk set (consensus only).
        public var commonKnowledge: CommonKnowledgeSet
        /// The task's input, for the `equal_input` rule of E_ck (consensus only).
        public var input: [UInt8]

        public init(
            kind: Kind, beta: Parameter = .value(1), lambda: Parameter = .value(1),
            deposit: Int, reward: Int = 0, seed: UInt64 = 0,
            commonKnowledge: CommonKnowledgeSet = .paper, input: [UInt8] = []
        ) {
            self.kind = kind
            self.beta = beta
            self.lambda = lambda
            self.depositRange = deposit ... deposit
            self.rewardRange = reward ... reward
            self.seed = seed
            self.commonKnowledge = commonKnowledge
            self.input = input
        }
    }

    /// The `[contract]` table.
    public struct Contract: Hashable, Sendable {
        /// Blocks the commit phase stays open (1 ... 10^9).
        public var commitWindow: Int
        /// Blocks the reveal phase stays open (1 ... 10^9).
        public var revealWindow: Int
        /// Number of settlement rounds (1 ... 1000).
        public var rounds: Int
        /// lambda of each round (PTSFD only); exactly `rounds` entries, each >= 0.
        public var lambdaSchedule: [Parameter]
        /// Integer units paid per 1.0 of PTSFD reward (1 ... 10^12).
        public var unitsPerReward: Int

        public init(
            commitWindow: Int = 100, revealWindow: Int = 100, rounds: Int = 1,
            lambdaSchedule: [Parameter] = [.value(1)], unitsPerReward: Int = 1
        ) {
            self.commitWindow = commitWindow
            self.revealWindow = revealWindow
            self.rounds = rounds
            self.lambdaSchedule = lambdaSchedule
            self.unitsPerReward = unitsPerReward
        }
    }

    /// The verdict a check is expected to reach (`[checks]`).
    public enum ExpectedVerdict: String, Hashable, Sendable, CaseIterable {
        /// The property holds.
        case proved
        /// A counterexample exists.
        case refuted
        /// The solver cannot decide (for example it times out).
        case unknown
    }
}

extension Spec {
    /// The PTSFD parameters of one round: `mechanism.beta` and `contract.lambda_schedule[round]`.
    /// - Parameters:
    ///   - round: 0-based round, `0 ..< contract.rounds`.
    ///   - file: the spec's path, for the message.
    /// - Throws: `SpecError` when beta or the round's lambda is a range.
    /// - Precondition: `round` is a valid round.
    public func ptsfdParameters(round: Int = 0, file: String) throws(SpecError)
        -> PTSFD.Parameters
    {
        precondition(contract.lambdaSchedule.indices.contains(round), "no such round")
        let beta = try mechanism.beta.single(file: file, key: "mechanism.beta")
        let lambda = try contract.lambdaSchedule[round].single(
            file: file, key: "contract.lambda_schedule[\(round)]")
        return PTSFD.Parameters(beta: beta, lambda: lambda)
    }
}
