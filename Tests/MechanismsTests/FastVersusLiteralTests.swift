import Mechanisms
import Testing

/// The O(m (n + |C|)) settlement agrees with the literal O(m n^2) transcription of Algorithm 3.
@Suite struct FastVersusLiteralTests {
    static let knobCombinations: [(Normalization, Aggregation)] = [
        (.paper, .paper), (.paper, .argmax), (.proper, .paper), (.proper, .argmax),
    ]

    @Test(arguments: [0.0, 0.3])
    func randomMatricesAgree(missing: Double) {
        for seed in UInt64(0) ..< 150 {
            var rng = SplitMix64(seed: seed)
            let n = Int.random(in: 2 ... 12, using: &rng)
            let m = Int.random(in: 1 ... 40, using: &rng)
            let classes = Int.random(in: 2 ... 6, using: &rng)
            let beta = Double.random(in: 0 ... 2, using: &rng)
            let lambda = Double.random(in: 0.1 ... 3, using: &rng)
            let votes = randomVotes(workers: n, samples: m, classes: classes, missing: missing, using: &rng)
            for (normalization, aggregation) in Self.knobCombinations {
                let knobs = Knobs(normalization: normalization, aggregation: aggregation)
                let fast = PTSFD.settle(votes: votes, parameters: .init(beta: beta, lambda: lambda), knobs: knobs)
                let literal = Algorithm3.settle(
                    votes: votes, labelCounts: votes.labelCounts(), beta: beta, lambda: lambda,
                    normalization: normalization, aggregation: aggregation)
                let context = "seed \(seed) n \(n) m \(m) |C| \(classes) missing \(missing) \(normalization) \(aggregation)"
                #expect(fast.labels == literal.labels, "\(context)")
                #expect(fast.reported == literal.reported, "\(context)")
                for i in 0 ..< n {
                    #expect(isClose(fast.rewards[i], literal.rewards[i]), "\(context) worker \(i)")
                }
            }
        }
    }

    @Test func trustedLyingCountsAgreeToo() {
        for seed in UInt64(1000) ..< 1100 {
            var rng = SplitMix64(seed: seed)
            let n = Int.random(in: 2 ... 8, using: &rng), classes = 3
            let votes = randomVotes(workers: n, samples: 20, classes: classes, missing: 0.2, using: &rng)
            // Inflate every count so that no R_i(x) is zero: lies, but finite ones.
            let claimed = votes.labelCounts().map { $0.map { $0 + Int.random(in: 1 ... 5, using: &rng) } }
            for normalization in Normalization.allCases {
                let knobs = Knobs(normalization: normalization, labelCount: .paper)
                let fast = PTSFD.settle(votes: votes, reportedLabelCounts: claimed, parameters: .init(), knobs: knobs)
                let literal = Algorithm3.settle(
                    votes: votes, labelCounts: claimed, beta: 1, lambda: 1,
                    normalization: normalization, aggregation: .argmax)
                for i in 0 ..< n {
                    #expect(isClose(fast.rewards[i], literal.rewards[i]), "seed \(seed) \(normalization) worker \(i)")
                }
            }
        }
    }
}
