import Mechanisms
import Testing

@testable import Ledger

/// Exact conservation over random transaction sequences: valid and invalid transactions at
/// random heights, on random PTSFD and consensus contracts. After every step the invariants
/// hold, a refused transaction changed nothing, and the money the test itself counted in
/// (accepted registrations, the reward) and out (withdrawals) matches the contract's accounts.
@Suite struct ContractConservationTests {
    static let seeds: Range<UInt64> = 0 ..< 300
    static let steps = 60

    @Test func randomSequencesConserveFunds() throws {
        for seed in Self.seeds {
            var rng = SplitMix64(seed: seed)
            var fuzz = try Fuzz(config: Self.randomConfig(using: &rng))
            for step in 0 ..< Self.steps {
                fuzz.step(using: &rng)
                let problems = fuzz.problems()
                guard problems.isEmpty else {
                    #expect(problems.isEmpty, "seed \(seed), step \(step): \(problems)")
                    break
                }
            }
            fuzz.withdrawEverything()
            let f = fuzz.contract.funds
            #expect(
                f.paidIn == f.withdrawn + f.slashed + f.residue + f.escrow
                    && fuzz.contract.balances.isEmpty && fuzz.problems().isEmpty,
                "seed \(seed): after withdrawing everything \(f)")
        }
    }

    static func randomConfig(using rng: inout SplitMix64) -> ContractConfig {
        let n = Int.random(in: 2 ... 4, using: &rng)
        let members = (0 ..< n).map { Address(index: UInt64($0)) }
        let mechanism: ContractConfig.Mechanism
        if Int.random(in: 0 ..< 10, using: &rng) < 7 {
            let knobs = Knobs(
                normalization: Normalization.allCases.randomElement(using: &rng)!,
                aggregation: Aggregation.allCases.randomElement(using: &rng)!,
                labelCount: LabelCountPolicy.allCases.randomElement(using: &rng)!,
                commitment: CommitmentScheme.allCases.randomElement(using: &rng)!,
                peersPerSample: Bool.random(using: &rng)
                    ? .all : .k(Int.random(in: 2 ... n, using: &rng)),
                payout: PayoutRule.allCases.randomElement(using: &rng)!)
            let lambdas = (0 ..< Int.random(in: 1 ... 3, using: &rng)).map { _ in
                [0, 0.5, 1, 2, -1].randomElement(using: &rng)!
            }
            mechanism = .ptsfd(
                PTSFDTerms(
                    beta: [0, 0.5, 1].randomElement(using: &rng)!, lambdaSchedule: lambdas,
                    classes: Int.random(in: 1 ... 3, using: &rng),
                    samples: Int.random(in: 1 ... 6, using: &rng), knobs: knobs,
                    unitsPerReward: [1, 3, 1000, 1_000_000].randomElement(using: &rng)!,
                    allocationSeed: rng.next()))
        } else {
            mechanism = .consensus(
                ConsensusTerms(
                    reward: [0, 1, 599, 1000].randomElement(using: &rng)!, junk: .paper, input: [9],
                    commitment: CommitmentScheme.allCases.randomElement(using: &rng)!))
        }
        var config = ContractConfig(
            contract: Address(index: 77), mechanism: mechanism, deposit: 1,
            commitWindow: Int.random(in: 1 ... 3, using: &rng),
            revealWindow: Int.random(in: 1 ... 3, using: &rng), members: members)
        // The largest deposit deployment allows (n^2 * D + r and R * n * D + r <= Int.max / 4)
        // is one of the choices, to exercise the overflow bounds.
        let largest = (Int.max / 4 - config.requesterReward) / (n * max(n, config.rounds))
        config.deposit = [1, 7, 1000, 12_345, largest].randomElement(using: &rng)!
        return config
    }
}

/// One random run: the contract, each member's prepared payload for the current round, and
/// the test's own count of money in and out.
struct Fuzz {
    var contract: Contract
    var prepared: [Address: RevealPayload] = [:]
    var preparedRound = -1
    var paidIn: Int
    var withdrawn = 0
    var refusedButChanged = false
    let accounts: [Address]

    init(config: ContractConfig) throws {
        contract = try Contract(config: config, deployer: Fixture.deployer, height: 10)
        paidIn = config.requesterReward
        accounts = config.members + [Fixture.stranger, Fixture.deployer]
    }

    func problems() -> [String] {
        var problems = contract.checkInvariants()
        if contract.funds.paidIn != paidIn {
            problems.append("paid in \(contract.funds.paidIn), counted \(paidIn)")
        }
        if contract.funds.withdrawn != withdrawn {
            problems.append("withdrawn \(contract.funds.withdrawn), counted \(withdrawn)")
        }
        if refusedButChanged { problems.append("a refused transaction changed the state") }
        return problems
    }

    mutating func step(using rng: inout SplitMix64) {
        if preparedRound != contract.round { prepare(using: &rng) }
        let height = randomHeight(using: &rng)
        let tx =
            Int.random(in: 0 ..< 100, using: &rng) < 60
            ? sensibleTransaction(at: height, using: &rng) : randomTransaction(using: &rng)
        apply(tx, at: height)
    }

    /// Mostly forward by 0 ... 2 blocks; sometimes backwards, a jump, or the end of time.
    func randomHeight(using rng: inout SplitMix64) -> Int {
        let last = contract.height
        switch Int.random(in: 0 ..< 200, using: &rng) {
        case 0: return Int.max - Int.random(in: 0 ... 2, using: &rng)
        case ..<10: return last - Int.random(in: 1 ... 3, using: &rng)
        case ..<16: return saturatingAdd(last, 20)
        default: return saturatingAdd(last, Int.random(in: 0 ... 2, using: &rng))
        }
    }

    /// The transaction an honest member (or anyone, for settle) would send at `height`, with
    /// an occasional wrong payload.
    func sensibleTransaction(at height: Int, using rng: inout SplitMix64) -> Transaction {
        let c = contract
        let member = c.config.members.randomElement(using: &rng)!
        let seat = c.seat(of: member)!
        let payload = prepared[member]!
        if c.commitBlocks.contains(height) {
            if !seat.registered { return .register(sender: member, value: c.config.deposit) }
            return .commit(sender: member, commitment: c.commitment(of: payload, by: member))
        }
        if c.revealBlocks.contains(height) {
            let good = Int.random(in: 0 ..< 5, using: &rng) > 0
            return .reveal(
                sender: member, payload: good ? payload : Self.mutate(payload, using: &rng))
        }
        if height >= c.settleHeight && !c.isFinished {
            return .settle(sender: member, round: c.round)
        }
        return .withdraw(sender: accounts.randomElement(using: &rng)!)
    }

    /// Any transaction from anyone, valid or not.
    func randomTransaction(using rng: inout SplitMix64) -> Transaction {
        let c = contract
        let sender =
            Int.random(in: 0 ..< 100, using: &rng) < 85
            ? c.config.members.randomElement(using: &rng)! : accounts.randomElement(using: &rng)!
        let payload = prepared[sender] ?? .result([1], salt: .zero)
        let roll = Int.random(in: 0 ..< 100, using: &rng)
        switch roll {
        case ..<22:
            let value =
                roll < 18
                ? c.config.deposit : c.config.deposit + Int.random(in: -2 ... 2, using: &rng)
            return .register(sender: sender, value: value)
        case ..<44:
            let good = Int.random(in: 0 ..< 5, using: &rng) > 0
            return .commit(
                sender: sender,
                commitment: good ? c.commitment(of: payload, by: sender) : Self.randomHash(&rng))
        case ..<66:
            let good = Int.random(in: 0 ..< 4, using: &rng) > 0
            return .reveal(
                sender: sender, payload: good ? payload : Self.mutate(payload, using: &rng))
        case ..<80:
            let round =
                Int.random(in: 0 ..< 5, using: &rng) > 0
                ? c.round : c.round + Int.random(in: -1 ... 1, using: &rng)
            return .settle(sender: sender, round: round)
        default:
            return .withdraw(sender: sender)
        }
    }

    mutating func apply(_ tx: Transaction, at height: Int) {
        let before = contract
        do {
            try contract.apply(tx, at: height)
            switch tx {
            case .register(_, let value): paidIn += value
            case .withdraw(let sender): withdrawn += before.balance(of: sender)
            default: break
            }
        } catch {
            if contract != before { refusedButChanged = true }
        }
    }

    mutating func withdrawEverything() {
        for account in accounts where contract.balance(of: account) > 0 {
            apply(.withdraw(sender: account), at: contract.height)
        }
    }

    /// Fresh payloads for the current round: PTSFD labels with 0xFF gaps and an occasional
    /// false labelCount; consensus results drawn from a small pool (agreement, junk, input).
    mutating func prepare(using rng: inout SplitMix64) {
        preparedRound = contract.round
        prepared = [:]
        for member in contract.config.members {
            let salt = Self.randomHash(&rng)
            switch contract.config.mechanism {
            case .ptsfd(let terms):
                let y = (0 ..< terms.samples).map { _ in
                    Int.random(in: 0 ..< 100, using: &rng) < 15
                        ? UInt8(0xFF) : UInt8(Int.random(in: 0 ..< terms.classes, using: &rng))
                }
                var counts = (0 ..< terms.classes).map { x in y.filter { $0 == x }.count }
                if Int.random(in: 0 ..< 5, using: &rng) == 0 {
                    counts = counts.map { _ in Int.random(in: 0 ... terms.samples, using: &rng) }
                }
                prepared[member] = .labels(y: y, labelCount: counts, salt: salt)
            case .consensus(let terms):
                let pool: [[UInt8]] = [[1, 2], [1, 2], [1, 2], [3, 4], [0, 0], terms.input]
                prepared[member] = .result(pool.randomElement(using: &rng)!, salt: salt)
            }
        }
    }

    /// A payload that is malformed or does not match its commitment.
    static func mutate(_ payload: RevealPayload, using rng: inout SplitMix64) -> RevealPayload {
        switch (payload, Int.random(in: 0 ..< 4, using: &rng)) {
        case (.labels(let y, let counts, _), 0):
            .labels(y: y, labelCount: counts, salt: randomHash(&rng))
        case (.labels(let y, let counts, let salt), 1):
            .labels(y: y + [0], labelCount: counts, salt: salt)
        case (.labels(let y, let counts, let salt), 2):
            .labels(
                y: y.map { _ in UInt8.random(in: 0 ... 255, using: &rng) }, labelCount: counts,
                salt: salt)
        case (.labels(let y, let counts, let salt), _):
            .labels(y: y, labelCount: counts.map { -$0 - 1 } + [1], salt: salt)
        case (.result(let bytes, let salt), 0): .result(bytes + [1], salt: salt)
        case (.result(let bytes, _), 1): .result(bytes, salt: randomHash(&rng))
        case (.result, _): .labels(y: [0], labelCount: [1], salt: .zero)
        }
    }

    static func randomHash(_ rng: inout SplitMix64) -> Hash32 {
        Hash32(bytes: (0 ..< 32).map { _ in UInt8.random(in: 0 ... 255, using: &rng) })!
    }
}
