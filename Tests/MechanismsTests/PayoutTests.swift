import Mechanisms
import Testing

@Suite struct PayoutTests {
    @Test func paperPaysDepositPlusRewardFlooredAndKeepsTheRest() {
        // claims 110, floor(100 - 20.5) = 79, floor(105.7) = 105 -> 294 of 300, residue 6
        let plan = Payout.plan(rule: .paper, deposits: [100, 100, 100], rewards: [10, -20.5, 5.7], unitsPerReward: 1)
        #expect(plan.payouts == [110, 79, 105])
        #expect(plan.residue == 6)
        #expect(!plan.shortfall)
    }

    @Test func paperSharesAnUnpayableSettlementProRata() {
        // claims 250, 100, 100 = 450 > 300: floor(250*300/450) = 166, floor(100*300/450) = 66
        let plan = Payout.plan(rule: .paper, deposits: [100, 100, 100], rewards: [150, 0, 0], unitsPerReward: 1)
        #expect(plan.payouts == [166, 66, 66])
        #expect(plan.residue == 2)
        #expect(plan.shortfall)
        #expect(plan.pool == 300)
    }

    @Test func paperClampsInfiniteAndNegativeClaims() {
        // inf -> 300 (the pool), -inf -> 0: claims 300, 0, 100 = 400 > 300 -> 225, 0, 75
        let plan = Payout.plan(
            rule: .paper, deposits: [100, 100, 100], rewards: [.infinity, -.infinity, 0], unitsPerReward: 1)
        #expect(plan.payouts == [225, 0, 75])
        #expect(plan.residue == 0)
        #expect(plan.shortfall)
    }

    @Test func unitsPerRewardScalesBeforeFlooring() {
        // 0.0125 * 1000 = 12.5 -> 12; -0.0125 * 1000 -> -13
        let plan = Payout.plan(rule: .paper, deposits: [50, 50], rewards: [0.0125, -0.0125], unitsPerReward: 1000)
        #expect(plan.payouts == [62, 37])
        #expect(plan.residue == 1)
    }

    @Test func balancedIsZeroSumAroundTheMean() {
        // mean -2: deltas +12, -18, +6 -> 112, 82, 106
        let plan = Payout.plan(rule: .balanced, deposits: [100, 100, 100], rewards: [10, -20, 4], unitsPerReward: 1)
        #expect(plan.payouts == [112, 82, 106])
        #expect(plan.residue == 0)
    }

    @Test func balancedCapsLossesAtTheDepositAndScalesGains() {
        // deltas +30, -60, +30; the loser can only lose 10, so each winner gains 5
        let plan = Payout.plan(rule: .balanced, deposits: [10, 10, 10], rewards: [30, -60, 30], unitsPerReward: 1)
        #expect(plan.payouts == [15, 0, 15])
        #expect(plan.residue == 0)
    }

    @Test func balancedNeverPaysMoreThanThePoolOnRandomInput() {
        for seed in UInt64(0) ..< 500 {
            var rng = SplitMix64(seed: seed)
            let n = Int.random(in: 1 ... 9, using: &rng)
            let deposits = (0 ..< n).map { _ in Int.random(in: 0 ... 1000, using: &rng) }
            let rewards = (0 ..< n).map { _ in Double.random(in: -3000 ... 3000, using: &rng) }
            for rule in PayoutRule.allCases {
                let plan = Payout.plan(rule: rule, deposits: deposits, rewards: rewards, unitsPerReward: 1)
                #expect(plan.payouts.allSatisfy { $0 >= 0 }, "seed \(seed) \(rule)")
                #expect(plan.residue >= 0, "seed \(seed) \(rule)")
                #expect(plan.pool == deposits.reduce(0, +), "seed \(seed) \(rule)")
            }
        }
    }
}

@Suite struct PayoutLimitsTests {
    @Test func hugeAmountsDoNotOverflow() {
        // A pool near 10^18 and rewards at the clamp: 128-bit intermediates keep every sum exact.
        let deposits = [Int](repeating: 300_000_000_000_000_000, count: 3)
        for rule in PayoutRule.allCases {
            let plan = Payout.plan(
                rule: rule, deposits: deposits, rewards: [.infinity, -.infinity, 1e30], unitsPerReward: 1_000_000)
            #expect(plan.pool == 900_000_000_000_000_000, "\(rule)")
            #expect(plan.payouts.allSatisfy { $0 >= 0 }, "\(rule)")
        }
        // balanced: u = [pool, -pool, pool] -> the loser forfeits its deposit, split by the winners.
        let balanced = Payout.plan(rule: .balanced, deposits: deposits, rewards: [.infinity, -.infinity, .infinity], unitsPerReward: 1)
        #expect(balanced.payouts == [450_000_000_000_000_000, 0, 450_000_000_000_000_000])
    }
}
