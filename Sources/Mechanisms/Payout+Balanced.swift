extension Payout {
    /// The zero-sum `balanced` rule in exact integer arithmetic.
    ///
    /// To stay in integers the deviations are scaled by k, the number of workers:
    /// `k * delta_i = k * u_i - sum(u)`. Losses are `min(D_i, ceil(max(0, -k * delta_i) / k))`
    /// and each gain is `floor(gain'_i * sum(losses) / sum(gain'))` with `gain'_i = max(0, k *
    /// delta_i)`; rounding goes to the residue, never beyond the pool.
    static func balanced(deposits: [Int], units: [Int], pool: Int) -> PayoutPlan {
        let k = units.count
        guard k > 0 else { return PayoutPlan(payouts: [], residue: pool, shortfall: false) }
        let wideK = Int128(k)
        let total = units.reduce(Int128(0)) { $0 + Int128($1) }  // |total| <= k * pool
        var losses = [Int](repeating: 0, count: k)
        var gains = [Int128](repeating: 0, count: k)  // scaled by k
        for i in 0 ..< k {
            let scaled = wideK * Int128(units[i]) - total
            if scaled < 0 {
                let loss = (-scaled + wideK - 1) / wideK  // <= 2 * pool
                losses[i] = Int(min(Int128(deposits[i]), loss))
            } else {
                gains[i] = scaled
            }
        }
        let lossTotal = losses.reduce(0, +)  // <= pool
        let gainTotal = gains.reduce(Int128(0), +)
        var payouts = [Int](repeating: 0, count: k)
        for i in 0 ..< k {
            // gains[i] <= gainTotal, so the share is at most lossTotal.
            let gain = gainTotal == 0 ? 0 : Int(gains[i] * Int128(lossTotal) / gainTotal)
            payouts[i] = deposits[i] - losses[i] + gain
        }
        return PayoutPlan(
            payouts: payouts, residue: pool - payouts.reduce(0, +), shortfall: false)
    }
}
