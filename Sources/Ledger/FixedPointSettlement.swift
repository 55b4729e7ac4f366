import BigInt
import Mechanisms

/// The PTSFD settlement in integers, step for step as `contracts/README.md` ("Integer
/// settlement") specifies it, so that `contracts/ptsfd.vy` computes the same units bit for bit.
///
/// Per sample j (fixed-width integers, the hot loop): `v_j[c]` votes per class, `peers_j =
/// reporters_j - 1`, and for each worker i voting x, `count_i[x] += 1` and, if `peers_j > 0`,
/// `S_i[x] += floor((v_j[x] - 1) * WAD / peers_j)` and `E_i += 1`. Per worker (`BigInt`):
/// ```
/// matched_i = sum_{x: S_i[x] != 0} floor(S_i[x] * denom_i / others_i[x])
/// t_i       = clamp(floor(lambda_wad * (matched_i - beta_wad * E_i) / WAD), +-pool * WAD)
/// units_i   = clamp(floor(t_i * unitsPerReward / WAD), +-pool)
/// ```
/// A worker with `S_i[x] != 0` but `others_i[x] <= 0` or `denom_i <= 0` is *unbounded*
/// (the `Double` settlement's `1 / R_i(x) = +infinity`): `units_i = sign(lambda) * pool`.
/// The payouts are `Payout.plan(rule:deposits:units:)`.
public struct FixedPointSettlement: Hashable, Sendable {
    /// Y_aggr of each sample (`MajorityAggregation.label`; -1 where nobody voted under `argmax`).
    public var labels: [Int]
    /// units_i, the reward of each worker in integer units, what the payout plan consumed.
    public var units: [Int]
    /// t_i, the reward of each worker in WAD (clamped to `+-pool * WAD`); for an unbounded
    /// worker `sign(lambda) * pool * WAD`.
    public var rewardWads: [Int128]
    /// Whether worker i is unbounded (a class it shares has `others_i[x] <= 0` or `denom_i <= 0`).
    public var unbounded: [Bool]
    /// M_i: how many samples worker i voted on (after masking).
    public var reported: [Int]
    /// L_i: the labelCounts R_i was computed from (revealed under `paper`, else recomputed).
    public var labelCounts: [[Int]]
    /// The payouts out of the pool of deposits.
    public var plan: PayoutPlan

    /// reward_i as a `Double`, for display and analysis: `t_i / WAD`, or `+-infinity` for an
    /// unbounded worker (0 when lambda is 0, where `units_i` is 0 too).
    public func reward(of worker: Int) -> Double {
        guard unbounded[worker] else {
            return Double(rewardWads[worker]) / Double(FixedPoint.wad)
        }
        return rewardWads[worker] > 0 ? .infinity : rewardWads[worker] < 0 ? -.infinity : 0
    }

    /// reward_i / M_i, or 0 for a worker that voted on nothing.
    public func meanReward(of worker: Int) -> Double {
        reported[worker] == 0 ? 0 : reward(of: worker) / Double(reported[worker])
    }

    /// Settles one round of already masked votes, every worker of `votes` settling.
    /// - Parameters:
    ///   - votes: the settling workers' votes, after the peer allocation's mask.
    ///   - reportedLabelCounts: the revealed labelCounts, used under `labelCount = paper`
    ///     (recomputed from `votes` when `nil` or under `verified`).
    ///   - betaWad: `FixedPoint.wad(beta)`.
    ///   - lambdaWad: `FixedPoint.wad(lambda_r)`.
    ///   - knobs: normalization, aggregation, labelCount policy and payout rule
    ///     (`peersPerSample` is ignored: the votes are already masked).
    ///   - unitsPerReward: units per 1.0 of reward (>= 1).
    ///   - deposit: D, each settling worker's deposit; the pool is `n' * D`.
    /// - Precondition: `|betaWad|, |lambdaWad| < 2^72`, revealed labelCount entries >= 0, one
    ///   revealed labelCount of `classes` entries per worker, the pool fits an `Int`.
    /// - Complexity: O(m * (n + |C|)) fixed-width time, plus O(n * |C|) `BigInt` operations.
    public static func settle(
        votes: VoteMatrix, reportedLabelCounts: [[Int]]?, betaWad: Int128, lambdaWad: Int128,
        knobs: Knobs, unitsPerReward: Int, deposit: Int
    ) -> FixedPointSettlement {
        let n = votes.workers, classes = votes.classes, width = classes + 1
        var agreement = [Int128](repeating: 0, count: n * width)  // S_i[x]
        var counted = [Int](repeating: 0, count: n * width)  // count_i[x]
        var lonely = [Int](repeating: 0, count: n)  // votes of i without a peer
        var labels = [Int](repeating: 0, count: votes.samples)
        accumulate(
            votes, aggregation: knobs.aggregation, agreement: &agreement, counted: &counted,
            lonely: &lonely, labels: &labels)

        let count = (0 ..< n).map { i in Array(counted[i * width ..< i * width + classes]) }
        let reported = count.map { $0.reduce(0, +) }
        let trusted = knobs.labelCount == .paper && reportedLabelCounts != nil
        let labelCounts = trusted ? reportedLabelCounts! : count

        let (pool, deposits) = Self.pool(workers: n, deposit: deposit)
        let wad = FixedPoint.big(FixedPoint.wad), poolUnits = BigInt(pool), poolWad = poolUnits * wad
        let g = (0 ..< classes).map { x in labelCounts.reduce(Int128(0)) { $0 + Int128($1[x]) } }
        let gTotal = g.reduce(0, +)
        var units = [Int](repeating: 0, count: n)
        var rewardWads = [Int128](repeating: 0, count: n)
        var unbounded = [Bool](repeating: false, count: n)
        for i in 0 ..< n {
            let denom: Int128 = switch knobs.normalization {
            case .paper: Int128(n) * Int128(reported[i])
            case .proper: gTotal - labelCounts[i].reduce(Int128(0)) { $0 + Int128($1) }
            }
            var matched = BigInt(0)
            for x in 0 ..< classes where agreement[i * width + x] != 0 {
                let others = g[x] - Int128(labelCounts[i][x])
                guard others > 0 && denom > 0 else {
                    unbounded[i] = true
                    break
                }
                matched += FixedPoint.floorDivide(
                    FixedPoint.big(agreement[i * width + x]) * FixedPoint.big(denom), FixedPoint.big(others))
            }
            if unbounded[i] {
                let sign = lambdaWad.signum()
                units[i] = Int(sign) * pool
                rewardWads[i] = Int128(sign) * Int128(pool) * FixedPoint.wad
                continue
            }
            let eligible = reported[i] - lonely[i]  // E_i
            let inner = matched - FixedPoint.big(betaWad) * BigInt(eligible)
            let t = FixedPoint.clamp(
                FixedPoint.floorDivide(FixedPoint.big(lambdaWad) * inner, wad), poolWad)
            rewardWads[i] = FixedPoint.int128(t)
            units[i] = Int(FixedPoint.int128(FixedPoint.clamp(
                FixedPoint.floorDivide(t * BigInt(unitsPerReward), wad), poolUnits)))
        }
        let plan = Payout.plan(rule: knobs.payout, deposits: deposits, units: units)
        return FixedPointSettlement(
            labels: labels, units: units, rewardWads: rewardWads, unbounded: unbounded,
            reported: reported, labelCounts: labelCounts, plan: plan)
    }

    /// The pool `n' * D` and the deposits of the n' settling workers.
    static func pool(workers n: Int, deposit: Int) -> (pool: Int, deposits: [Int]) {
        let (pool, overflow) = n.multipliedReportingOverflow(by: deposit)
        precondition(!overflow && deposit >= 0, "the pool of deposits does not fit in an Int")
        return (pool, [Int](repeating: deposit, count: n))
    }
}
