/// Integer payouts of one settled round, out of the pool of the settling workers' deposits.
///
/// Rewards are real numbers; a contract pays integers. A reward becomes integer units as
/// `floor(reward * unitsPerReward)`, clamped to `[-pool, pool]` (a reward beyond the pool could
/// never be paid; infinities clamp to the bound, NaN counts as 0). Every rounding step rounds in
/// the pool's favour, and what is not paid stays in the contract as `residue`, so
/// `sum(payouts) + residue == pool` always holds and no payout is negative.
///
/// - `paper`: `claim_i = clamp(D_i + reward_i, 0, pool)` (section 3.1). If the claims exceed the
///   pool the contract does not lock: it pays every claim pro rata,
///   `floor(claim_i * pool / sum(claims))`, and flags the settlement as a `shortfall`.
/// - `balanced`: zero-sum around the mean. With `delta_i = reward_i - mean(reward)`, worker i
///   loses `min(D_i, max(0, -delta_i))` and gains `max(0, delta_i)` scaled by
///   `sum(losses) / sum(gains)` (1 unless a loss was capped at the deposit), so the winners are
///   paid exactly from what the losers forfeit.
public struct PayoutPlan: Hashable, Sendable {
    /// What each settling worker is paid back, deposit included.
    public var payouts: [Int]
    /// Units of the pool paid to nobody (rounding dust, or an unclaimed remainder).
    public var residue: Int
    /// True when the `paper` claims exceeded the pool and were paid pro rata.
    public var shortfall: Bool

    public init(payouts: [Int], residue: Int, shortfall: Bool) {
        self.payouts = payouts
        self.residue = residue
        self.shortfall = shortfall
    }

    /// The pool the plan shares out.
    public var pool: Int { payouts.reduce(0, +) + residue }
}

public enum Payout {
    /// The payout plan for one settled round from `Double` rewards (analysis): each reward
    /// becomes `toUnits(reward, unitsPerReward:, bound: pool)`, then `plan(rule:deposits:units:)`.
    /// - Parameters:
    ///   - rule: `paper` or `balanced`.
    ///   - deposits: D_i of each settling worker (each >= 0).
    ///   - rewards: reward_i of each settling worker, lambda already applied.
    ///   - unitsPerReward: integer units paid per 1.0 of reward (>= 1).
    /// - Precondition: `deposits.count == rewards.count`, deposits non-negative and their sum
    ///   (the pool) representable as an `Int`. Intermediate products use 128-bit integers.
    /// - Complexity: O(n).
    public static func plan(
        rule: PayoutRule, deposits: [Int], rewards: [Double], unitsPerReward: Int
    ) -> PayoutPlan {
        precondition(deposits.count == rewards.count, "one reward per deposit")
        precondition(unitsPerReward >= 1)
        let pool = Self.pool(deposits)
        let units = rewards.map { toUnits($0, unitsPerReward: unitsPerReward, bound: pool) }
        return plan(rule: rule, deposits: deposits, units: units)
    }

    /// The payout plan for one settled round from integer reward units: the one
    /// implementation of the payout rules (the contract's integer settlement calls it).
    /// - Parameters:
    ///   - rule: `paper` or `balanced`.
    ///   - deposits: D_i of each settling worker (each >= 0).
    ///   - units: units_i of each settling worker, each in `[-pool, pool]`.
    /// - Precondition: `deposits.count == units.count`, deposits non-negative, their sum (the
    ///   pool) representable as an `Int`, every unit within the pool.
    /// - Complexity: O(n).
    public static func plan(rule: PayoutRule, deposits: [Int], units: [Int]) -> PayoutPlan {
        precondition(deposits.count == units.count, "one reward per deposit")
        let pool = Self.pool(deposits)
        precondition(units.allSatisfy { -pool <= $0 && $0 <= pool }, "units beyond the pool")
        switch rule {
        case .paper: return paper(deposits: deposits, units: units, pool: pool)
        case .balanced: return balanced(deposits: deposits, units: units, pool: pool)
        }
    }

    /// The sum of the deposits.
    static func pool(_ deposits: [Int]) -> Int {
        precondition(deposits.allSatisfy { $0 >= 0 }, "negative deposit")
        let wide = deposits.reduce(Int128(0)) { $0 + Int128($1) }
        precondition(wide <= Int128(Int.max), "the pool of deposits does not fit in an Int")
        return Int(wide)
    }

    /// `floor(reward * unitsPerReward)` clamped to `[-bound, bound]`; NaN gives 0.
    public static func toUnits(_ reward: Double, unitsPerReward: Int, bound: Int) -> Int {
        let scaled = (reward * Double(unitsPerReward)).rounded(.down)
        if scaled.isNaN { return 0 }
        if scaled >= Double(bound) { return bound }
        if scaled <= -Double(bound) { return -bound }
        // A whole number strictly inside (-Double(bound), Double(bound)), and Double(bound) is
        // at most 2^63: the conversion is exact and cannot trap.
        return Int(scaled)
    }

    /// `floor(a * b / c)` in 128-bit arithmetic, for `0 <= a, b` and `0 < c`, when the result
    /// fits an `Int` (`a <= c` or `b <= c`).
    @inlinable
    public static func mulDiv(_ a: Int, _ b: Int, _ c: Int128) -> Int {
        Int((Int128(a) * Int128(b)) / c)
    }

    static func paper(deposits: [Int], units: [Int], pool: Int) -> PayoutPlan {
        // Each claim lies in [0, pool]; their sum is taken in 128 bits.
        let claims = zip(deposits, units).map { d, u in min(pool, max(0, d + u)) }
        let total = claims.reduce(Int128(0)) { $0 + Int128($1) }
        if total <= Int128(pool) {
            return PayoutPlan(payouts: claims, residue: pool - Int(total), shortfall: false)
        }
        let paid = claims.map { mulDiv($0, pool, total) }
        return PayoutPlan(payouts: paid, residue: pool - paid.reduce(0, +), shortfall: true)
    }
}
