import Mechanisms
import Testing

@testable import Ledger

/// The integer settlement against the `Double` one (`PTSFD.settle` + `Payout.toUnits`).
///
/// Bound, for a worker that neither side clamps and that is not unbounded, with beta and lambda
/// dyadic so that `beta_wad = beta * WAD` and `lambda_wad = lambda * WAD` exactly. Let r be the
/// exact rational reward, n <= 6 workers, m <= 40 samples, |C| <= 4 classes, |lambda| <= 2.5.
/// - Integer: each `S_i[x]` is below `WAD * S_i(x)` by less than m (one floor per sample), and
///   `denom_i / others_i[x] <= n * m` (paper: `n' * M_i`; proper: `Gtot <= n * m`, others >= 1),
///   so `matched_i` is within `n * m^2 + |C|` of `WAD * sum_x S_i(x) / R_i(x)`; the floor of t_i
///   adds one: `|t_i / WAD - r| < (|lambda| * (n * m^2 + |C|) + 1) / WAD < 10^-13`.
/// - Double: `PTSFD.settle` makes at most 4 * n * m + 4 |C| roundings, each of relative size
///   2^-53, on magnitudes below `PTSFD.rewardBound` = `|lambda| * m * max(beta, |C| n)` <= 2400,
///   so `|reward_double - r| < 1000 * 2400 * 2^-52 < 10^-9`.
/// - Scaled by `unitsPerReward` = 1000 the two arguments of the final floors differ by less than
///   10^-5 < 1, and `|a - b| < 1` implies `|floor(a) - floor(b)| <= 1`.
/// So `|units_int - units_double| <= 1`.
@Suite struct FixedPointVersusDoubleTests {
    @Test func withinOneUnitOfTheDoubleSettlement() {
        let betas: [Double] = [0, 0.5, 1, 1.25], lambdas: [Double] = [1, -0.75, 2.5, 0.125]
        var exact = 0, total = 0
        for seed in UInt64(0) ..< 400 {
            var rng = SplitMix64(seed: seed)
            func draw(_ bound: Int) -> Int { Int(rng.draw(below: UInt64(bound))) }
            let n = 2 + draw(5), m = 1 + draw(40), classes = 2 + draw(3)
            var votes = VoteMatrix(workers: n, samples: m, classes: classes)
            for j in 0 ..< m {
                let truth = draw(classes)
                for i in 0 ..< n {
                    let roll = draw(10)
                    votes[worker: i, sample: j] = roll == 0 ? nil : roll < 3 ? draw(classes) : truth
                }
            }
            let knobs = Knobs(
                normalization: draw(2) == 0 ? .paper : .proper,
                aggregation: draw(2) == 0 ? .paper : .argmax, payout: .balanced)
            let beta = betas[draw(4)], lambda = lambdas[draw(4)]
            let deposit = 1_000_000_000
            let integer = FixedPointSettlement.settle(
                votes: votes, reportedLabelCounts: nil, betaWad: FixedPoint.wad(beta),
                lambdaWad: FixedPoint.wad(lambda), knobs: knobs, unitsPerReward: 1000,
                deposit: deposit)
            let double = PTSFD.settle(
                votes: votes, parameters: .init(beta: beta, lambda: lambda), knobs: knobs)
            #expect(integer.labels == double.labels, "seed \(seed)")
            #expect(integer.reported == double.reported, "seed \(seed)")
            let pool = n * deposit
            for i in 0 ..< n {
                let units = Payout.toUnits(double.rewards[i], unitsPerReward: 1000, bound: pool)
                #expect(double.rewards[i].isFinite && !integer.unbounded[i], "seed \(seed) worker \(i)")
                #expect(abs(units) < pool && abs(integer.units[i]) < pool, "seed \(seed) worker \(i)")
                #expect(abs(integer.units[i] - units) <= 1, "seed \(seed) worker \(i)")
                total += 1
                if integer.units[i] == units { exact += 1 }
            }
        }
        // Not a bound, a sanity check that the comparison saw work: most agree exactly.
        #expect(exact * 2 > total, "\(exact) of \(total) equal")
    }
}
