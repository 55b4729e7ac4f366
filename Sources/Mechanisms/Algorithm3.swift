/// A line-by-line transcription of Algorithm 3 of Witt et al. (PTSFD), kept as the oracle that
/// the fast `PTSFD.settle` is tested and benchmarked against.
///
/// Two places where the printed text cannot run as is are made explicit:
/// - line 20 divides by `n * M[i]` and line 27 by `R_i[x_ij]` and `n_peers`: a zero `R_i[x]`
///   gives `+infinity` (as IEEE arithmetic does), and a sample without peers adds nothing (the
///   printed `1 / n_peers * 0` is `0 / 0`);
/// - line 29 loops `c <= |C|`, one past the vote table: that entry is read as 0 votes.
/// `normalization` and `aggregation` select the printed line 20 and lines 29-31 (`paper`) or
/// their hardened replacements, so the oracle covers every knob value.
///
/// - Complexity: O(m * n^2) time, O(m * |C|) memory for `Votes`.
public enum Algorithm3 {
    public static func settle(
        votes x: VoteMatrix,
        labelCounts labelCount: [[Int]],
        beta: Double,
        lambda: Double,
        normalization: Normalization = .paper,
        aggregation: Aggregation = .paper
    ) -> PTSFD.Settlement {
        let n = x.workers, m = x.samples, classes = x.classes
        var rewardScore = [Double](repeating: 0, count: n)  // line 2
        var globalLabels = [Int](repeating: 0, count: m)  // line 3
        var votes = [[Int]](repeating: [Int](repeating: 0, count: classes), count: m)  // line 4
        var M = [Int](repeating: 0, count: n)  // line 5
        var G = [Int](repeating: 0, count: classes)  // line 6

        for i in 0 ..< n {  // line 7: foreach i in W'
            for c in 0 ..< classes { G[c] += labelCount[i][c] }  // line 8
            for j in 0 ..< m {  // line 9
                if let xij = x[worker: i, sample: j] {  // line 10: c_ij != NULL
                    votes[j][xij] += 1  // line 11
                    M[i] += 1  // line 12
                }
            }
        }
        for j in 0 ..< m {  // line 13
            for i in 0 ..< n {  // line 14
                guard let xij = x[worker: i, sample: j] else { continue }  // lines 15-16
                var R = [Double](repeating: 0, count: classes)  // line 17
                switch normalization {
                case .paper:
                    for c in 0 ..< classes {
                        R[c] = 1 / (Double(n) * Double(M[i])) * Double(G[c] - labelCount[i][c])
                    }
                case .proper:
                    let others = (0 ..< classes).reduce(0) { $0 + G[$1] - labelCount[i][$1] }
                    for c in 0 ..< classes {
                        R[c] = Double(G[c] - labelCount[i][c]) / Double(others)
                    }
                }
                var tau0 = 0.0  // line 18
                var nPeers = 0  // line 19
                for p in 0 ..< n where p != i {  // line 20: foreach p in W' != i
                    guard let xpj = x[worker: p, sample: j] else { continue }  // lines 21-22
                    nPeers += 1  // line 23
                    if xij == xpj {  // lines 24-25
                        tau0 += 1 / R[xij] - beta
                    } else {
                        tau0 += -beta
                    }
                }
                if nPeers > 0 {  // line 26 (0 / 0 made explicit)
                    rewardScore[i] += lambda * (1 / Double(nPeers)) * tau0
                }
            }
            switch aggregation {  // lines 27-29
            case .paper:
                for c in 0 ... classes {
                    let count = c < classes ? votes[j][c] : 0
                    if count > globalLabels[j] { globalLabels[j] = c }
                }
            case .argmax:
                globalLabels[j] = MajorityAggregation.label(votes: votes[j], rule: .argmax)
            }
        }
        return PTSFD.Settlement(
            labels: globalLabels, rewards: rewardScore, reported: M, labelCounts: labelCount)
    }
}
