extension PTSFD {
    /// 1 / R_i(x) for every worker i and class x, `table[i * classes + x]`.
    ///
    /// With `G = sum_i labelCount_i` (Eq. 12):
    /// - `paper`:  `R_i(x) = (G(x) - labelCount_i(x)) / (n * M[i])`  (Algorithm 3, line 20)
    /// - `proper`: `R_i(x) = (G(x) - labelCount_i(x)) / sum_y (G(y) - labelCount_i(y))`
    ///
    /// Where `R_i(x)` is zero or undefined the entry is `+infinity`; it is only ever used when
    /// a peer agreed with worker i on class x, which truthful labelCounts rule out.
    /// - Parameters:
    ///   - labelCounts: labelCount_i per worker (reported or recomputed).
    ///   - reported: M[i] per worker.
    /// - Complexity: O(n * |C|).
    public static func inverseR(
        labelCounts: [[Int]], reported: [Int], classes: Int, normalization: Normalization
    ) -> [Double] {
        let n = labelCounts.count
        var g = [Int](repeating: 0, count: classes)
        for counts in labelCounts {
            for x in 0 ..< classes { g[x] &+= counts[x] }
        }
        let gTotal = g.reduce(0, &+)
        var table = [Double](repeating: .infinity, count: n * classes)
        for i in 0 ..< n {
            let denominator: Double
            switch normalization {
            case .paper:
                denominator = Double(n) * Double(reported[i])
            case .proper:
                denominator = Double(gTotal &- labelCounts[i].reduce(0, &+))
            }
            for x in 0 ..< classes {
                let others = Double(g[x] &- labelCounts[i][x])
                let r = others / denominator
                if r > 0 && r.isFinite { table[i * classes + x] = 1 / r }
            }
        }
        return table
    }
}
