import Mechanisms
import Testing

@testable import Ledger

/// The integer settlement of `contracts/README.md` ("Integer settlement"), against hand
/// arithmetic, and its distance from the `Double` settlement.
@Suite struct FixedPointSettlementTests {
    static let wad = FixedPoint.wad

    /// Rows per worker, -1 for no report:
    /// ```
    /// w0: 0 0 1 1
    /// w1: 0 0 1 -
    /// w2: 0 1 1 0
    /// ```
    static let votes = try! VoteMatrix(rows: [[0, 0, 1, 1], [0, 0, 1, nil], [0, 1, 1, 0]], classes: 2)

    static func settle(
        _ votes: VoteMatrix = votes, reported: [[Int]]? = nil, beta: Double = 0.5,
        lambda: Double = 1, normalization: Normalization, payout: PayoutRule,
        labelCount: LabelCountPolicy = .verified, deposit: Int = 10_000
    ) -> FixedPointSettlement {
        let knobs = Knobs(normalization: normalization, labelCount: labelCount, payout: payout)
        return FixedPointSettlement.settle(
            votes: votes, reportedLabelCounts: reported, betaWad: FixedPoint.wad(beta),
            lambdaWad: FixedPoint.wad(lambda), knobs: knobs, unitsPerReward: 1000,
            deposit: deposit)
    }

    // Per sample (v = votes per class, peers = reporters - 1, factor = floor((v[x]-1) WAD / peers)):
    //   j0: v = [3, 0], peers 2: class 0 gets floor(2 WAD / 2) = WAD
    //   j1: v = [2, 1], peers 2: class 0 gets WAD / 2, class 1 gets 0
    //   j2: v = [0, 3], peers 2: class 1 gets WAD
    //   j3: v = [1, 1], peers 1: both classes get 0
    // S_0 = [1.5 WAD, WAD], E_0 = 4, count_0 = [2, 2]
    // S_1 = [1.5 WAD, WAD], E_1 = 3, count_1 = [2, 1]
    // S_2 = [WAD, WAD],     E_2 = 4, count_2 = [2, 2]
    // G = [6, 5], Gtot = 11; others_0 = [4, 3], others_1 = [4, 4], others_2 = [4, 3].
    // Labels (argmax, ties low): [0, 0, 1, 0].

    /// normalization paper: denom_i = n' * M_i = 12, 9, 12.
    /// matched_0 = 1.5 * 12 / 4 + 12 / 3 = 8.5 WAD, inner_0 = 8.5 - 0.5 * 4 = 6.5 WAD -> 6500
    /// matched_1 = 1.5 * 9 / 4 + 9 / 4 = 5.625 WAD, inner_1 = 5.625 - 1.5 = 4.125 WAD -> 4125
    /// matched_2 = 12 / 4 + 12 / 3 = 7 WAD, inner_2 = 7 - 2 = 5 WAD -> 5000
    /// Payout paper, D = 10,000, pool 30,000: claims 16,500, 14,125, 15,000 sum to 45,625 > pool,
    /// so pro rata floor(claim * 30,000 / 45,625) = 10,849, 9,287, 9,863, residue 1.
    @Test func handCasePaper() {
        let s = Self.settle(normalization: .paper, payout: .paper)
        #expect(s.labels == [0, 0, 1, 0])
        #expect(s.rewardWads == [6_500, 4_125, 5_000].map { Int128($0) * Self.wad / 1000 })
        #expect(s.units == [6_500, 4_125, 5_000])
        #expect(s.unbounded == [false, false, false])
        #expect(s.reported == [4, 3, 4])
        #expect(s.plan == PayoutPlan(payouts: [10_849, 9_287, 9_863], residue: 1, shortfall: true))
    }

    /// normalization proper: denom_i = Gtot - M_i = 7, 8, 7.
    /// matched_0 = floor(1.5 WAD * 7 / 4) + floor(7 WAD / 3) = 2,625,000,000,000,000,000
    ///   + 2,333,333,333,333,333,333; inner_0 = that - 2 WAD = 2,958,333,333,333,333,333 -> 2958
    /// matched_1 = 1.5 * 8 / 4 + 8 / 4 = 5 WAD, inner_1 = 5 - 1.5 = 3.5 WAD -> 3500
    /// matched_2 = floor(7 WAD / 4) + floor(7 WAD / 3) = 4,083,333,333,333,333,333,
    ///   inner_2 = 2,083,333,333,333,333,333 -> 2083
    /// Payout balanced: sum u = 8541, 3 u_i - sum = 333, 1959, -2292; loss_2 = ceil(2292 / 3) =
    /// 764; gains floor(333 * 764 / 2292) = 111 and floor(1959 * 764 / 2292) = 653 (both exact).
    @Test func handCaseProper() {
        let s = Self.settle(normalization: .proper, payout: .balanced)
        #expect(s.labels == [0, 0, 1, 0])
        #expect(s.rewardWads == [2_958_333_333_333_333_333, 3_500_000_000_000_000_000, 2_083_333_333_333_333_333])
        #expect(s.units == [2958, 3500, 2083])
        #expect(s.plan == PayoutPlan(payouts: [10_111, 10_653, 9_236], residue: 0, shortfall: false))
    }

    /// A negative t_i floors toward minus infinity at both divisions, where truncation differs.
    /// proper, lambda = -0.5: t_0 = floor(-0.5 WAD * 2,958,333,333,333,333,333 / WAD)
    /// = floor(-1,479,166,666,666,666,666.5) = -1,479,166,666,666,666,667 (truncation: ...666),
    /// units_0 = floor(-1479.166...) = -1480 (truncation: -1479).
    /// lambda = -1: t_2 = -2,083,333,333,333,333,333 exactly, units_2 = floor(-2083.33...) = -2084.
    @Test func negativeRewardsFloor() {
        let half = Self.settle(lambda: -0.5, normalization: .proper, payout: .balanced)
        #expect(half.rewardWads[0] == -1_479_166_666_666_666_667)
        #expect(half.units[0] == -1480)
        #expect(half.units[1] == -1750)  // -0.5 * 3.5 WAD, exact
        let whole = Self.settle(lambda: -1, normalization: .proper, payout: .balanced)
        #expect(whole.rewardWads[2] == -2_083_333_333_333_333_333)
        #expect(whole.units[2] == -2084)
        #expect(FixedPoint.floorDivide(Int128(-7), 2) == -4)
        #expect(FixedPoint.floorDivide(Int128(7), 2) == 3)
        #expect(FixedPoint.floorDivide(Int128(-8), 2) == -4)
    }

    /// Under `labelCount = paper`, w1 reveals labelCount [0, 2] for votes [0, 0]; w0 is
    /// truthful ([2, 0]). G = [2, 2]: others_0[0] = 2 - 2 = 0 while S_0[0] = 2 WAD (w1 agreed
    /// twice), so w0 is unbounded and gets sign(lambda) * pool, pool = 2 * 10,000.
    /// w1: others_1[0] = 2, denom_1 = n' * M_1 = 4, matched_1 = 2 WAD * 4 / 2 = 4 WAD,
    /// inner_1 = 4 WAD - 0.5 * 2 WAD = 3 WAD, units_1 = lambda * 3000.
    @Test func unboundedWorker() {
        let votes = try! VoteMatrix(rows: [[0, 0], [0, 0]], classes: 2)
        for (lambda, w0, w1) in [(1.0, 20_000, 3000), (-1.0, -20_000, -3000), (0.0, 0, 0)] {
            let s = Self.settle(
                votes, reported: [[2, 0], [0, 2]], lambda: lambda, normalization: .paper,
                payout: .paper, labelCount: .paper)
            #expect(s.unbounded == [true, false], "lambda \(lambda)")
            #expect(s.units == [w0, w1], "lambda \(lambda)")
        }
        // The same votes with recomputed labelCounts are bounded.
        let verified = Self.settle(votes, reported: [[2, 0], [0, 2]], normalization: .paper, payout: .paper)
        #expect(verified.unbounded == [false, false])
    }

    /// The clamps: a reward beyond the pool is paid as the pool, in t_i and in units.
    /// w0 of the paper hand case earns 6.5 per unit of lambda; with lambda = 4096 and
    /// D = 1 (pool 3) t_0 = 26,624 WAD is clamped to 3 WAD and units_0 to 3.
    @Test func clampsAtThePool() {
        let s = Self.settle(lambda: 4096, normalization: .paper, payout: .paper, deposit: 1)
        #expect(s.rewardWads == [3, 3, 3].map { Int128($0) * Self.wad })
        #expect(s.units == [3, 3, 3])
        // lambda = -4096: lambda_wad and t_i are negative values of two 64-bit words.
        let negative = Self.settle(lambda: -4096, normalization: .paper, payout: .paper, deposit: 1)
        #expect(negative.rewardWads == [-3, -3, -3].map { Int128($0) * Self.wad })
        #expect(negative.units == [-3, -3, -3])
        #expect(negative.reward(of: 0) == -3)
    }

    /// Conversions between `Int128` and `BigInt` keep negative multi-word values.
    @Test func bigIntegerRoundTrip() {
        for x: Int128 in [0, -1, 1 << 100, -(1 << 100) - 5, -3000 * Self.wad, Int128.max, Int128.min + 1] {
            #expect(FixedPoint.int128(FixedPoint.big(x)) == x, "\(x)")
        }
        #expect(FixedPoint.big(-(1 << 100) - 5).description == "-1267650600228229401496703205381")
    }

    /// The per-sample floor can cost a unit against the `Double` settlement. Four workers vote
    /// 0, 0, 1, 1 on one sample: peers 3, each worker's S_i[x] = floor(1 * WAD / 3) =
    /// 333,333,333,333,333,333. proper: G = [2, 2], denom_i = 4 - 1 = 3, others_i[x] = 1, so
    /// matched_i = 999,999,999,999,999,999 and with beta = 0 units_i = floor(999.99...) = 999,
    /// where the `Double` settlement's reward is (1/3) * 3 = 1 (1000 units).
    @Test func perSampleFloorCostsAUnit() {
        let votes = try! VoteMatrix(rows: [[0], [0], [1], [1]], classes: 2)
        let s = Self.settle(votes, beta: 0, normalization: .proper, payout: .balanced)
        #expect(s.rewardWads == [Int128](repeating: 999_999_999_999_999_999, count: 4))
        #expect(s.units == [999, 999, 999, 999])
        // seven workers 0, 0, 0, 1, 1, 1, 1: peers 6, class 0 floor(2 WAD / 6), class 1 WAD / 2;
        // G = [3, 4], denom_i = 6, others = 2 (class 0) and 3 (class 1):
        // class 0: floor(333,333,333,333,333,333 * 6 / 2) = 999,999,999,999,999,999;
        // class 1: 0.5 WAD * 6 / 3 = WAD.
        let seven = try! VoteMatrix(rows: [[0], [0], [0], [1], [1], [1], [1]], classes: 2)
        let t = Self.settle(seven, beta: 0, normalization: .proper, payout: .balanced)
        #expect(t.rewardWads == [999_999_999_999_999_999, 999_999_999_999_999_999, 999_999_999_999_999_999]
            + [Int128](repeating: Self.wad, count: 4))
    }

    /// `FixedPoint.wad` is the IEEE product rounded to nearest, ties to even.
    @Test func wadOfADouble() {
        #expect(FixedPoint.wad(1) == Self.wad)
        #expect(FixedPoint.wad(-4096) == -4096 * Self.wad)
        #expect(FixedPoint.wad(0.5) == Self.wad / 2)
        // 0.1 * 1e18 in doubles is exactly 100,000,000,000,000,000 (the nearest double).
        #expect(FixedPoint.wad(0.1) == 100_000_000_000_000_000)
    }
}
