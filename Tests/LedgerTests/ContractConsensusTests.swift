import Mechanisms
import Testing

@testable import Ledger

/// Consensus rounds reproducing Table I of Lu, Tang and Wang in integer units, with deposit
/// d = 1000 and reward r = 600 (utility = payout - d):
///
///     Wi \ Wj   σe               σt               σf
///     σe        -d, -d           -d, -d/2         -d, -d/2
///     σt        -d/2, -d         r/2, r/2         -d/2, -d/2
///     σf        -d/2, -d         -d/2, -d/2       -d/2, -d/2
@Suite struct ContractConsensusTests {
    typealias F = Fixture
    static let truth: [UInt8] = [1, 2, 3]
    static let wrong: [UInt8] = [4, 5, 6]

    /// Plays a round where `w0` and `w1` reveal the given results (`nil`: commits, never reveals).
    static func play(_ w0: [UInt8]?, _ w1: [UInt8]?, reward: Int = 600) throws -> Contract {
        var c = try F.deploy(F.consensus(reward: reward))
        var payloads: [(Address, RevealPayload)] = []
        var silent: [Address] = []
        for (k, result) in [w0, w1].enumerated() {
            if let result {
                payloads.append((F.workers[k], .result(result, salt: F.salt(k))))
            } else {
                silent.append(F.workers[k])
            }
        }
        try F.playRound(&c, payloads: payloads, silent: silent)
        return c
    }

    static func utilities(_ c: Contract) -> [Int] {
        c.records[0].payouts.map { $0 - F.deposit }
    }

    /// σt vs σt: each gets r/2 = 300 on top of its deposit; nothing is refunded or slashed.
    @Test func bothTruthful() throws {
        let c = try Self.play(Self.truth, Self.truth)
        #expect(Self.utilities(c) == [300, 300])
        #expect(c.records[0].requesterRefund == 0 && c.funds.slashed == 0)
        #expect(c.balance(of: F.deployer) == 0)
    }

    /// σt vs σf: different results, both lose d/2 = 500; the requester gets r = 600 back.
    @Test func truthfulAgainstFalse() throws {
        let c = try Self.play(Self.truth, Self.wrong)
        #expect(Self.utilities(c) == [-500, -500])
        #expect(c.balance(of: F.deployer) == 600 && c.funds.slashed == 1000)
        #expect(c.records[0].slashed.isEmpty)
    }

    /// σt vs σe: the silent worker loses d, the other d/2.
    @Test func truthfulAgainstSilent() throws {
        let c = try Self.play(Self.truth, nil)
        #expect(Self.utilities(c) == [-500, -1000])
        #expect(c.funds.slashed == 1500 && c.balance(of: F.deployer) == 600)
        #expect(c.records[0].slashed == [F.workers[1]])
    }

    /// A result in E_ck (all zero) counts as σe.
    @Test func junkCountsAsSilence() throws {
        let c = try Self.play([0, 0, 0], Self.truth)
        #expect(Self.utilities(c) == [-1000, -500])
        #expect(c.records[0].slashed == [F.workers[0]])
    }

    /// σe vs σe: both deposits are slashed.
    @Test func bothSilent() throws {
        let c = try Self.play(nil, nil)
        #expect(Self.utilities(c) == [-1000, -1000])
        #expect(c.funds.slashed == 2000 && c.balance(of: F.deployer) == 600)
    }

    /// A member that never registers paid nothing: it is a failure for the others (d/2 each)
    /// but only deposits actually paid are slashed: paid in 1000 + 600 = 500 payout + 600
    /// refund + 500 slashed.
    @Test func unregisteredMemberFails() throws {
        var c = try F.deploy(F.consensus())
        try F.playRound(&c, payloads: [(F.workers[0], .result(Self.truth, salt: F.salt(0)))])
        #expect(c.records[0].payouts == [500, 0])
        #expect(c.funds.slashed == 500 && c.balance(of: F.deployer) == 600)
        #expect(c.records[0].slashed.isEmpty)
        #expect(c.checkInvariants().isEmpty)
    }

    /// Three workers agree with r = 700: r/3 = 233 each (rounded down), 700 - 699 = 1 back.
    @Test func threeWorkersAgree() throws {
        var c = try F.deploy(F.consensus(reward: 700, members: F.workers))
        let payloads = F.workers.enumerated().map { k, w in
            (w, RevealPayload.result(Self.truth, salt: F.salt(k)))
        }
        try F.playRound(&c, payloads: payloads)
        #expect(c.records[0].payouts == [1233, 1233, 1233])
        #expect(c.balance(of: F.deployer) == 1)
        #expect(c.funds.paidIn == 3700 && c.isFinished)
    }
}
