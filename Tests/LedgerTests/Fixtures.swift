import Mechanisms
import Testing

@testable import Ledger

/// Shared accounts and configurations of the contract tests.
enum Fixture {
    static let workers = (0 ..< 3).map { Address(index: UInt64($0)) }
    static let stranger = Address(index: 999)
    static let deployer = Address(index: 1000)
    static let contract = Address(index: 2000)
    /// Deploy height; with windows of 10 blocks round 0 commits in [100, 110), reveals in
    /// [110, 120) and settles from 120.
    static let deployHeight = 100
    /// The consensus deposit d.
    static let deposit = 1000
    /// The PTSFD deposit, large enough that no test reward exceeds the pool (`Payout` clamps
    /// rewards in units to `[-pool, pool]`).
    static let ptsfdDeposit = 10_000

    /// Proper normalization, argmax, verified labelCount, bound commitments, every peer,
    /// balanced payout.
    static let knobs = Knobs(
        normalization: .proper, aggregation: .argmax, labelCount: .verified, commitment: .bound,
        peersPerSample: .all, payout: .balanced)

    /// Two classes, four samples, beta 1, 1001 units per reward, 10-block windows.
    static func ptsfd(
        lambdas: [Double] = [1], knobs: Knobs = knobs, members: [Address] = workers,
        deposit: Int = ptsfdDeposit
    ) -> ContractConfig {
        let terms = PTSFDTerms(
            beta: 1, lambdaSchedule: lambdas, classes: 2, samples: 4, knobs: knobs,
            unitsPerReward: 1001, allocationSeed: 42)
        return ContractConfig(
            contract: contract, mechanism: .ptsfd(terms), deposit: deposit,
            commitWindow: 10, revealWindow: 10, members: members)
    }

    /// Consensus with reward r, the paper's junk set and input [9, 9, 9].
    static func consensus(
        reward: Int = 600, members: [Address] = Array(workers[0 ..< 2]),
        commitment: CommitmentScheme = .bound
    ) -> ContractConfig {
        let terms = ConsensusTerms(
            reward: reward, junk: .paper, input: [9, 9, 9], commitment: commitment)
        return ContractConfig(
            contract: contract, mechanism: .consensus(terms), deposit: deposit,
            commitWindow: 10, revealWindow: 10, members: members)
    }

    static func deploy(_ config: ContractConfig) throws -> Contract {
        try Contract(config: config, deployer: deployer, height: deployHeight)
    }

    /// A salt that differs per worker.
    static func salt(_ k: Int) -> Hash32 {
        Hash32(bytes: [UInt8](repeating: UInt8(truncatingIfNeeded: k + 1), count: 32))!
    }

    /// A PTSFD reveal of `y` with its true labelCount over two classes (or `labelCount`).
    static func labels(_ y: [UInt8], labelCount: [Int]? = nil, salt k: Int) -> RevealPayload {
        let counts = labelCount ?? [y.filter { $0 == 0 }.count, y.filter { $0 == 1 }.count]
        return .labels(y: y, labelCount: counts, salt: salt(k))
    }

    /// Plays one round from its start: everyone in `payloads` and `silent` registers and
    /// commits at the round start, everyone in `payloads` reveals when the reveal window
    /// opens, and `settler` settles at the deadline. `silent` members commit and never reveal.
    static func playRound(
        _ c: inout Contract, payloads: [(Address, RevealPayload)], silent: [Address] = [],
        settler: Address = stranger
    ) throws {
        let start = c.roundStart
        for (worker, payload) in payloads {
            try c.register(worker, value: c.config.deposit, at: start)
            try c.commit(worker, c.commitment(of: payload, by: worker), at: start)
        }
        for worker in silent {
            try c.register(worker, value: c.config.deposit, at: start)
            try c.commit(worker, salt(77), at: start)
        }
        for (worker, payload) in payloads {
            try c.reveal(worker, payload, at: c.revealBlocks.lowerBound)
        }
        try c.settle(settler, round: c.round, at: c.settleHeight)
    }
}

/// Expects `tx` to be refused with exactly `expected` and the contract to be unchanged.
func expectRefused(
    _ c: inout Contract, _ tx: Transaction, at height: Int, _ expected: ContractError,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let before = c
    do {
        try c.apply(tx, at: height)
        Issue.record("accepted \(tx) at \(height)", sourceLocation: sourceLocation)
    } catch {
        #expect(error == expected, sourceLocation: sourceLocation)
    }
    #expect(c == before, "a refused transaction changed the state", sourceLocation: sourceLocation)
    #expect(c.checkInvariants().isEmpty, sourceLocation: sourceLocation)
}

/// `|a - b| <= 1e-9 * max(1, |a|, |b|)`.
func isClose(_ a: Double, _ b: Double) -> Bool {
    a == b || abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
}
