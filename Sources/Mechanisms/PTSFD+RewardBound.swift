extension PTSFD {
    /// The largest magnitude a reward of one round can reach when every labelCount is the
    /// true one (recomputed, or revealed truthfully):
    /// ```
    /// |reward_i| <= lambda * m * max(beta, |C| * n)
    /// ```
    ///
    /// Derivation, from the factored form of Eq. 2 and 13 that `settle` computes,
    /// `reward_i = lambda * (sum_x S_i(x) / R_i(x) - beta * E_i)`:
    /// - `S_i(x) = sum_j a_j / n_j` over the samples j where i reported x and had peers, with
    ///   `a_j` the peers that agreed and `n_j >= a_j` the peers of j. Each agreeing peer's
    ///   report of x is counted once in `o_i(x) = G(x) - labelCount_i(x)`, the reports of x by
    ///   i's peers, so `0 <= S_i(x) <= o_i(x)`.
    /// - `1 / R_i(x) = T_i / o_i(x)` with `T_i = n * M[i] <= n * m` (`paper` normalization) or
    ///   `T_i = sum_y o_i(y) <= (n - 1) * m` (`proper`), so `S_i(x) / R_i(x) <= T_i <= n * m`
    ///   and the agreement term lies in `[0, |C| * n * m]`.
    /// - The penalty `beta * E_i` lies in `[0, beta * m]` (E_i: samples i reported with a peer).
    ///
    /// The two terms have opposite signs, so `|reward_i| <= lambda * m * max(beta, |C| * n)`.
    /// Both ends are reached: the agreement term when each class has exactly one report by a
    /// peer, on a sample that peer alone shares with i, under `paper` normalization with i
    /// reporting all m samples; the penalty when every sample of i has peers and none agrees.
    /// Under a peer allocation (`peers_per_sample = k`) the masked votes only lower the counts.
    /// A labelCount revealed untruthfully under `label_count = "paper"` is not covered: it can
    /// make `R_i(x) = 0` and the reward infinite (the payout then caps the claim at the pool).
    ///
    /// - Parameters:
    ///   - workers: n, the workers of the round (>= 0).
    ///   - classes: |C| (>= 0).
    ///   - samples: m, the public samples of the round (>= 0).
    ///   - beta: beta (>= 0).
    ///   - lambda: lambda (>= 0).
    /// - Returns: the bound, computed in `Double` (each factor is exact; the product is
    ///   rounded at most twice, so it is within 2 ulps of the true bound).
    /// - Complexity: O(1).
    public static func rewardBound(
        workers: Int, classes: Int, samples: Int, beta: Double, lambda: Double
    ) -> Double {
        lambda * Double(samples) * max(beta, Double(classes) * Double(workers))
    }
}
