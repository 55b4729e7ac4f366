extension PTSFD {
    /// Settles one round: every worker's reward, report count and the aggregated labels.
    ///
    /// Instead of the O(m * n^2) peer loop of Algorithm 3, each sample is read twice:
    /// 1. count the votes per class, `votes[j][c]`; the peers agreeing with worker i are
    ///    `votes[j][x_ij] - 1` and the peers of the sample are `reporters_j - 1`;
    /// 2. add `(votes[j][x_ij] - 1) / n_peers_j` into `S[i][x_ij]` and count `x_ij` for i.
    ///
    /// Since `1 / R_i(x)` does not depend on j, the reward factors as
    /// ```
    /// reward_i = lambda * ( sum_x S[i][x] / R_i(x)  -  beta * E_i )
    /// ```
    /// with `E_i` the samples i reported that have at least one peer.
    ///
    /// - Parameters:
    ///   - votes: the revealed votes.
    ///   - reportedLabelCounts: the labelCounts the workers revealed; used only under the
    ///     `paper` label-count policy, otherwise recomputed from `votes` (Algorithm 1).
    ///   - parameters: beta and lambda.
    ///   - knobs: normalization, aggregation, label-count policy and peers per sample.
    ///   - allocationSeed: the seed of the peer allocation when `peersPerSample` is `.k`.
    /// - Complexity: O(m * (n + |C|)) time; O(n * |C| + m) memory beyond the votes
    ///   (plus one masked copy of the votes under a `.k` allocation).
    public static func settle(
        votes: VoteMatrix,
        reportedLabelCounts: [[Int]]? = nil,
        parameters: Parameters,
        knobs: Knobs,
        allocationSeed: UInt64 = 0
    ) -> Settlement {
        _settle(
            votes: votes.masked(peersPerSample: knobs.peersPerSample, seed: allocationSeed),
            reportedLabelCounts: reportedLabelCounts, parameters: parameters, knobs: knobs)
    }

    @usableFromInline
    internal static func _settle(
        votes: VoteMatrix, reportedLabelCounts: [[Int]]?, parameters: Parameters, knobs: Knobs
    ) -> Settlement {
        let n = votes.workers, m = votes.samples, classes = votes.classes
        let width = classes + 1  // one slot per class and one for "missing"
        var agreement = [Double](repeating: 0, count: n * width)  // S[i][x]
        var counted = [Int](repeating: 0, count: n * width)  // recomputed labelCount_i(x)
        var lonely = [Int](repeating: 0, count: n)  // reported samples without peers
        var labels = [Int](repeating: 0, count: m)

        votes.withCodes { codes in
            agreement.withUnsafeMutableBufferPointer { s in
                counted.withUnsafeMutableBufferPointer { l in
                    labels.withUnsafeMutableBufferPointer { out in
                        _accumulate(
                            codes: codes, workers: n, samples: m, classes: classes,
                            aggregation: knobs.aggregation,
                            agreement: s, counted: l, lonely: &lonely, labels: out)
                    }
                }
            }
        }

        let recomputed = (0 ..< n).map { i in Array(counted[i * width ..< i * width + classes]) }
        let reported = recomputed.map { $0.reduce(0, +) }
        let useReported = knobs.labelCount == .paper && reportedLabelCounts != nil
        let countsForR = useReported ? reportedLabelCounts! : recomputed
        let inverse = inverseR(
            labelCounts: countsForR, reported: reported, classes: classes,
            normalization: knobs.normalization)

        var rewards = [Double](repeating: 0, count: n)
        for i in 0 ..< n {
            var matched = 0.0
            for x in 0 ..< classes {
                let s = agreement[i * width + x]
                if s != 0 { matched += s * inverse[i * classes + x] }
            }
            let eligible = Double(reported[i] - lonely[i])
            rewards[i] = parameters.lambda * (matched - parameters.beta * eligible)
        }
        return Settlement(
            labels: labels, rewards: rewards, reported: reported, labelCounts: countsForR)
    }

    /// The two passes over each sample; the hot loop of settlement.
    @inlinable
    internal static func _accumulate(
        codes: UnsafeBufferPointer<UInt8>, workers n: Int, samples m: Int, classes: Int,
        aggregation: Aggregation,
        agreement: UnsafeMutableBufferPointer<Double>, counted: UnsafeMutableBufferPointer<Int>,
        lonely: inout [Int], labels: UnsafeMutableBufferPointer<Int>
    ) {
        let width = classes + 1
        let missing = classes
        // Scratch for VoteHistogram's four interleaved histograms.
        let histogram = UnsafeMutablePointer<Int>.allocate(capacity: 4 * width)
        let factor = UnsafeMutablePointer<Double>.allocate(capacity: width)
        defer {
            histogram.deallocate()
            factor.deallocate()
        }
        guard n > 0 else {
            for j in 0 ..< m { labels[j] = aggregation == .argmax ? -1 : 0 }
            return
        }
        let s = agreement.baseAddress!
        let l = counted.baseAddress!
        for j in 0 ..< m {
            let row = codes.baseAddress! + j &* n
            VoteHistogram.count(row, workers: n, width: width, into: histogram)
            let reporters = n &- histogram[missing]
            let peers = reporters &- 1
            let scale = peers > 0 ? 1 / Double(peers) : 0
            for c in 0 ..< classes { factor[c] = Double(histogram[c] &- 1) * scale }
            factor[missing] = 0
            var base = 0
            for i in 0 ..< n {
                let x = Int(row[i])
                s[base &+ x] += factor[x]
                l[base &+ x] &+= 1
                base &+= width
            }
            if reporters == 1 {
                for i in 0 ..< n where Int(row[i]) != missing { lonely[i] += 1 }
            }
            labels[j] = MajorityAggregation.label(
                votes: UnsafeBufferPointer(start: histogram, count: classes), classes: classes,
                rule: aggregation)
        }
    }
}
