import Mechanisms

extension FixedPointSettlement {
    /// Step 3, per sample j: the class histogram `v_j`, `count_i[x] += 1` for every vote,
    /// `S_i[x] += floor((v_j[x] - 1) * WAD / peers_j)` when `peers_j > 0`, and the aggregated
    /// label. `lonely[i]` counts the votes of i without a peer, so `E_i = M_i - lonely[i]`.
    /// `S_i[x] < m * WAD` fits an `Int128`; the quotient is computed once
    /// per voted class of the sample (`(v_j[x] - 1) >= 0`, so truncation is the floor), from
    /// `WAD / peers` and `WAD % peers` in 64 bits.
    /// - Complexity: O(m * (n + |C|)).
    static func accumulate(
        _ votes: VoteMatrix, aggregation: Aggregation, agreement: inout [Int128],
        counted: inout [Int], lonely: inout [Int], labels: inout [Int]
    ) {
        let n = votes.workers, m = votes.samples, classes = votes.classes
        let width = classes + 1, missing = classes
        let histogram = UnsafeMutablePointer<Int>.allocate(capacity: 4 * width)
        let factor = UnsafeMutablePointer<Int128>.allocate(capacity: width)
        defer {
            histogram.deallocate()
            factor.deallocate()
        }
        // floor(a * WAD / p) = a * (WAD / p) + floor(a * (WAD % p) / p) for 0 <= a < n, exact,
        // with every division in 64 bits: the quotient and remainder of WAD by each p < n.
        let wad = Int(FixedPoint.wad)
        let division = (0 ..< max(n, 1)).map { p in p == 0 ? (q: 0, r: 0) : (q: wad / p, r: wad % p) }
        guard n > 0 else {
            histogram.update(repeating: 0, count: width)
            let none = MajorityAggregation.label(
                votes: UnsafeBufferPointer(start: histogram, count: classes), classes: classes,
                rule: aggregation)
            for j in 0 ..< m { labels[j] = none }
            return
        }
        votes.withCodes { codes in
            agreement.withUnsafeMutableBufferPointer { s in
                counted.withUnsafeMutableBufferPointer { l in
                    lonely.withUnsafeMutableBufferPointer { e in
                        division.withUnsafeBufferPointer { d in
                            for j in 0 ..< m {
                                let row = codes.baseAddress! + j &* n
                                VoteHistogram.count(row, workers: n, width: width, into: histogram)
                                let peers = n &- histogram[missing] &- 1
                                factor.update(repeating: 0, count: width)
                                if peers > 0 {
                                    for c in 0 ..< classes where histogram[c] > 1 {
                                        let agreeing = histogram[c] &- 1
                                        let (q, r) = d[peers]
                                        factor[c] = Int128(agreeing) &* Int128(q)
                                            &+ Int128(agreeing &* r / peers)
                                    }
                                }
                                var base = 0
                                for i in 0 ..< n {
                                    let x = Int(row[i])
                                    s[base &+ x] &+= factor[x]
                                    l[base &+ x] &+= 1
                                    base &+= width
                                }
                                if peers == 0 {  // exactly one vote, which has no peer
                                    for i in 0 ..< n where Int(row[i]) != missing { e[i] &+= 1 }
                                }
                                labels[j] = MajorityAggregation.label(
                                    votes: UnsafeBufferPointer(start: histogram, count: classes),
                                    classes: classes, rule: aggregation)
                            }
                        }
                    }
                }
            }
        }
    }
}
