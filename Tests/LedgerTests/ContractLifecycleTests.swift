import Mechanisms
import Testing

@testable import Ledger

/// Whole PTSFD rounds with payouts worked out by hand.
///
/// Votes (classes {0, 1}, 4 samples), used throughout:
///
///     w0: 0 0 1 1    labelCount (2, 2)
///     w1: 0 0 1 0    labelCount (3, 1)
///     w2: 0 1 1 1    labelCount (1, 3)
///
/// beta = 1, deposit D = 10 000, 1001 units per reward (so that no exact reward lands on a unit
/// boundary where floating-point rounding could tip `floor`), `proper` normalization, argmax,
/// `balanced` payout.
@Suite struct ContractLifecycleTests {
    typealias F = Fixture
    static let y0: [UInt8] = [0, 0, 1, 1]
    static let y1: [UInt8] = [0, 0, 1, 0]
    static let y2: [UInt8] = [0, 1, 1, 1]

    static func honest() -> [(Address, RevealPayload)] {
        [
            (F.workers[0], F.labels(y0, salt: 0)), (F.workers[1], F.labels(y1, salt: 1)),
            (F.workers[2], F.labels(y2, salt: 2)),
        ]
    }

    /// Three honest workers, lambda 1.
    ///
    /// G = (6, 6); R_i = (G - labelCount_i) / 8, so 1/R_0 = (2, 2), 1/R_1 = (8/3, 8/5),
    /// 1/R_2 = (8/5, 8/3). Every sample has n_peers = 2; tau_ij = (agreeing peers / 2) / R_i(x).
    /// - w0: s0 2/2*2 + s1 1/2*2 + s2 2/2*2 + s3 1/2*2 = 6, minus beta * 4 -> reward 2
    /// - w1: s0 8/3 + s1 1/2*8/3 + s2 8/5 + s3 0 = 5.6, minus 4 -> reward 1.6
    /// - w2: s0 8/5 + s1 0 + s2 8/3 + s3 1/2*8/3 = 5.6, minus 4 -> reward 1.6
    /// Units: floor(2 * 1001) = 2002, floor(1.6 * 1001) = 1601 twice; sum 5204.
    /// Balanced, scaled by k = 3: 3*2002 - 5204 = 802 (gain), 3*1601 - 5204 = -401, loss
    /// ceil(401/3) = 134 each; losses 268 pay the one gain of 802 * 268 / 802 = 268.
    /// Payouts 10268, 9866, 9866; residue 0. Labels (argmax): 0, 0, 1, 1.
    @Test func happyRoundWithThreeWorkers() throws {
        var c = try F.deploy(F.ptsfd())
        try F.playRound(&c, payloads: Self.honest())
        let record = try #require(c.records.first)
        #expect(record.workers == F.workers)
        #expect(record.payouts == [10268, 9866, 9866])
        #expect(record.residue == 0 && record.slashed.isEmpty && !record.shortfall)
        #expect(record.labels == [0, 0, 1, 1])
        #expect(zip(record.rewards, [2, 1.6, 1.6]).allSatisfy { isClose($0, $1) })
        #expect(record.startHeight == 100 && record.settleHeight == 120)
        #expect(c.isFinished && c.roundStart == 120)
        #expect(F.workers.map { c.balance(of: $0) } == [10268, 9866, 9866])
        #expect(c.funds.paidIn == 30_000 && c.funds.escrow == 0)
        for (k, worker) in F.workers.enumerated() {
            #expect(try c.withdraw(worker, at: 121 + k) == [10268, 9866, 9866][k])
        }
        #expect(c.funds.withdrawn == 30_000 && c.balances.isEmpty)
        #expect(c.checkInvariants().isEmpty)
    }

    /// w2 commits and never reveals: its deposit is slashed and w0, w1 settle alone.
    ///
    /// G = (5, 3); 1/R_0 = 1/((3, 1)/4) = (4/3, 4), 1/R_1 = 1/((2, 2)/4) = (2, 2); n_peers = 1.
    /// They agree on samples 0, 1 (class 0) and 2 (class 1), not on 3.
    /// - w0: 2 * 4/3 + 1 * 4 - 4 = 8/3 -> floor(2669.33) = 2669 units
    /// - w1: 2 * 2 + 1 * 2 - 4 = 2 -> 2002 units
    /// Balanced, k = 2, sum 4671: 2*2669 - 4671 = 667 gain, 2*2002 - 4671 = -667, loss
    /// ceil(667/2) = 334, paid to w0. Payouts 10334, 9666; slashed 10 000. Labels 0, 0, 1, 0
    /// (sample 3 is a 1-1 tie, argmax takes the lower class).
    @Test func nonRevealerIsSlashed() throws {
        var c = try F.deploy(F.ptsfd())
        try F.playRound(&c, payloads: Array(Self.honest()[0 ..< 2]), silent: [F.workers[2]])
        let record = try #require(c.records.first)
        #expect(record.workers == [F.workers[0], F.workers[1]])
        #expect(record.payouts == [10334, 9666])
        #expect(record.slashed == [F.workers[2]] && record.slashedAmount == 10_000)
        #expect(record.labels == [0, 0, 1, 0])
        #expect(c.funds.slashed == 10_000 && c.balance(of: F.workers[2]) == 0)
        #expect(c.checkInvariants().isEmpty)
    }

    /// Under `verified`, w2 reveals its votes with the false labelCount (2, 2) (true: (1, 3)):
    /// the reveal matches its commitment and is accepted, but settlement slashes w2 and
    /// excludes it, so w0 and w1 are paid exactly as in `nonRevealerIsSlashed`.
    @Test func verifiedLabelCountMismatchIsSlashed() throws {
        var c = try F.deploy(F.ptsfd())
        var payloads = Self.honest()
        payloads[2].1 = F.labels(Self.y2, labelCount: [2, 2], salt: 2)
        try F.playRound(&c, payloads: payloads)
        let record = try #require(c.records.first)
        #expect(record.payouts == [10334, 9666])
        #expect(record.slashed == [F.workers[2]] && c.funds.slashed == 10_000)
    }

    /// Under the `paper` label-count policy the same lie is accepted and pays.
    ///
    /// G = (2,2) + (3,1) + (2,2) = (7, 5); every denominator is 12 - 4 = 8:
    /// 1/R_0 = 1/((5, 3)/8) = (1.6, 8/3), 1/R_1 = (2, 2), 1/R_2 = (1.6, 8/3).
    /// Agreement sums S_i(x) (from the happy round): S_0 = (1.5, 1.5), S_1 = (1.5, 1),
    /// S_2 = (1, 1.5).
    /// - w0: 1.5*1.6 + 1.5*8/3 - 4 = 2.4 -> 2402 units
    /// - w1: 1.5*2 + 1*2 - 4 = 1 -> 1001 units
    /// - w2: 1*1.6 + 1.5*8/3 - 4 = 1.6 -> 1601 units
    /// Balanced, sum 5004: 3*2402 - 5004 = 2202 gain; 3*1001 - 5004 = -2001, loss 667;
    /// 3*1601 - 5004 = -201, loss 67. Losses 734 all go to w0. Payouts 10734, 9333, 9933
    /// (honest, w2 would get 9866: the lie earns 67).
    @Test func paperLabelCountLieIsAccepted() throws {
        var knobs = F.knobs
        knobs.labelCount = .paper
        var c = try F.deploy(F.ptsfd(knobs: knobs))
        var payloads = Self.honest()
        payloads[2].1 = F.labels(Self.y2, labelCount: [2, 2], salt: 2)
        try F.playRound(&c, payloads: payloads)
        let record = try #require(c.records.first)
        #expect(record.slashed.isEmpty)
        #expect(record.payouts == [10734, 9333, 9933])
        #expect(zip(record.rewards, [2.4, 1, 1.6]).allSatisfy { isClose($0, $1) })
    }

    /// Lambda schedule (1, 0.5): two rounds, the second starting at the first's settle height.
    ///
    /// Round 1 halves the happy round's rewards: (1, 0.8, 0.8) -> 1001, 800, 800 units, sum
    /// 2601; 3*1001 - 2601 = 402 gain, 3*800 - 2601 = -201, loss 67 each, 134 to w0.
    /// Payouts 10134, 9933, 9933; with round 0's 10268, 9866, 9866 the balances are 20402,
    /// 19799, 19799.
    @Test func multiRoundLambdaSchedule() throws {
        var c = try F.deploy(F.ptsfd(lambdas: [1, 0.5]))
        try F.playRound(&c, payloads: Self.honest())
        #expect(c.round == 1 && !c.isFinished)
        #expect(c.commitBlocks == 120 ..< 130 && c.revealBlocks == 130 ..< 140)
        try F.playRound(&c, payloads: Self.honest())
        #expect(c.records.map(\.payouts) == [[10268, 9866, 9866], [10134, 9933, 9933]])
        #expect(c.records[1].startHeight == 120 && c.records[1].settleHeight == 140)
        #expect(F.workers.map { c.balance(of: $0) } == [20402, 19799, 19799])
        #expect(c.funds.paidIn == 60_000 && c.isFinished)
        #expect(c.checkInvariants().isEmpty)
    }

    /// With k = n = 3 peers per sample the allocation keeps every vote: the happy payouts.
    @Test func peerAllocationWithEveryPeerChangesNothing() throws {
        var knobs = F.knobs
        knobs.peersPerSample = .k(3)
        var c = try F.deploy(F.ptsfd(knobs: knobs))
        try F.playRound(&c, payloads: Self.honest())
        #expect(c.records[0].payouts == [10268, 9866, 9866])
        #expect(c.records[0].allocationSeed == Contract.allocationSeed(42, round: 0))
    }

    /// With k = 2 and every member settling, the contract's mask-then-select path gives the
    /// rewards that `PTSFD.settle` computes with its own `.k(2)` allocation from the same seed.
    @Test func peerAllocationMatchesMechanisms() throws {
        var knobs = F.knobs
        knobs.peersPerSample = .k(2)
        var c = try F.deploy(F.ptsfd(knobs: knobs))
        try F.playRound(&c, payloads: Self.honest())
        let votes = try VoteMatrix(
            rows: [Self.y0, Self.y1, Self.y2].map { $0.map { Int($0) } }, classes: 2)
        let direct = PTSFD.settle(
            votes: votes, parameters: .init(beta: 1, lambda: 1), knobs: knobs,
            allocationSeed: Contract.allocationSeed(42, round: 0))
        // rewards 0, 7/6 and -4/3: the integer settlement's t_i / WAD is within 10^-17 of
        // them, and its units are floor(1001 * 7/6) = 1167 and floor(-1001 * 4/3) = -1335.
        #expect(zip(c.records[0].rewards, direct.rewards).allSatisfy { isClose($0, $1) })
        #expect(c.records[0].rewardUnits == [0, 1167, -1335])
        #expect(c.records[0].labels == direct.labels)
    }

    /// With D = 1000 the two-worker pool is 2000 units and both rewards of
    /// `nonRevealerIsSlashed` (2669 and 2002 units) are clamped to it: equal rewards, so the
    /// balanced rule pays both their deposits back.
    @Test func rewardsBeyondThePoolAreClamped() throws {
        var c = try F.deploy(F.ptsfd(deposit: 1000))
        try F.playRound(&c, payloads: Array(Self.honest()[0 ..< 2]), silent: [F.workers[2]])
        #expect(c.records[0].payouts == [1000, 1000] && c.funds.slashed == 1000)
    }

    /// A member that never registers pays nothing, loses nothing and is not a worker.
    @Test func absentMemberIsIgnored() throws {
        var c = try F.deploy(F.ptsfd())
        try F.playRound(&c, payloads: Array(Self.honest()[0 ..< 2]))
        #expect(c.records[0].payouts == [10334, 9666] && c.records[0].slashed.isEmpty)
        #expect(c.funds.paidIn == 20_000 && c.funds.slashed == 0)
    }

    /// A round nobody joins settles to nothing; the next round starts at the settle height.
    @Test func emptyRoundSettles() throws {
        var c = try F.deploy(F.ptsfd(lambdas: [1, 1]))
        try c.settle(F.stranger, round: 0, at: 150)
        let record = c.records[0]
        #expect(record.workers.isEmpty && record.payouts.isEmpty && record.labels.isEmpty)
        #expect(record.paidIn == 0 && c.roundStart == 150 && c.commitBlocks == 150 ..< 160)
    }

    /// A deployable but huge public data set (2^40 samples) costs nothing until somebody
    /// reveals: a round whose only worker stays silent settles without building the votes.
    @Test func hugeDataSetWithoutRevealsSettles() throws {
        var c = try F.deploy(ContractDeployTests.terms { $0.samples = 1 << 40 })
        try c.register(F.workers[0], value: F.ptsfdDeposit, at: 100)
        try c.commit(F.workers[0], .zero, at: 100)
        try c.settle(F.stranger, round: 0, at: 120)
        #expect(c.records[0].slashed == [F.workers[0]] && c.funds.slashed == F.ptsfdDeposit)
    }
}
