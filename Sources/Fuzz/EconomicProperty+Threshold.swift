import Ledger
import Mechanisms

extension EconomicProperty {
    /// The gain of `certainty-threshold-unpunished`: how much less the threshold worker earns
    /// per reported sample than it earns on the same samples S when reporting everything.
    /// ```
    /// gain = (sum_{j in S} tau_ij(everything) - reward_i(threshold)) / |S|
    /// ```
    /// Outcome 0 is the world in which the seat reports everything, outcome 1 the threshold
    /// world. `tau_ij(everything)` is recomputed from world 0's settled reveals with the
    /// contract's own `PTSFD.inverseR` and peer allocation, so only the restriction to S is
    /// new arithmetic. Positive gain: the threshold worker is punished per sample.
    static func thresholdPenalty(
        _ o: [RoundOutcome], seat i: Int, terms: PTSFDTerms, knobs: Knobs
    ) -> Double {
        guard o[0].settled[i], o[1].settled[i], let reduced = o[1].revealed[i] else { return 0 }
        let subset = reduced.indices.filter { reduced[$0] != 0xFF }
        guard !subset.isEmpty else { return 0 }
        let everything = rewardOn(subset, seat: i, outcome: o[0], terms: terms, knobs: knobs)
        return (everything - o[1].rewards[i]) / Double(subset.count)
    }

    /// `sum_{j in samples} tau_ij` of seat `i` in a settled round (Eq. 2-3 with the round's R_i).
    static func rewardOn(
        _ samples: [Int], seat i: Int, outcome: RoundOutcome, terms: PTSFDTerms, knobs: Knobs
    ) -> Double {
        let settling = outcome.settled.indices.filter { outcome.settled[$0] }
        let n = outcome.settled.count, m = terms.samples, classes = terms.classes
        var votes = VoteMatrix(workers: n, samples: m, classes: classes)
        let missing = votes.missingCode
        votes.withMutableCodes { codes in
            for j in 0 ..< m { for w in 0 ..< n { codes[j * n + w] = missing } }
            for w in settling {
                let y = outcome.revealed[w]!
                for j in 0 ..< m where y[j] != 0xFF { codes[j * n + w] = y[j] }
            }
        }
        votes = votes.masked(
            peersPerSample: knobs.peersPerSample, seed: Contract.allocationSeed(terms.allocationSeed, round: 0))
        let selected = votes.selecting(workers: settling)
        let position = settling.firstIndex(of: i)!
        let recomputed = (0 ..< settling.count).map { selected.labelCount(of: $0) }
        let counts = knobs.labelCount == .paper
            ? settling.map { outcome.revealedCounts[$0]! } : recomputed
        let reported = recomputed.map { $0.reduce(0, +) }
        let inverse = PTSFD.inverseR(
            labelCounts: counts, reported: reported, classes: classes,
            normalization: knobs.normalization)
        var total = 0.0
        for j in samples {
            guard let x = selected[worker: position, sample: j] else { continue }
            var reporters = 0, agree = 0
            for w in 0 ..< settling.count {
                guard let v = selected[worker: w, sample: j] else { continue }
                reporters += 1
                if v == x { agree += 1 }
            }
            let peers = reporters - 1
            guard peers > 0 else { continue }
            let matched = Double(agree - 1) / Double(peers)
            let tau0 = matched == 0 ? 0 : matched * inverse[position * classes + x]
            total += terms.lambdaSchedule[0] * (tau0 - terms.beta)
        }
        return total
    }
}
