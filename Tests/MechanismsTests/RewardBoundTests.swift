import Mechanisms
import Testing

/// `PTSFD.rewardBound`, `lambda * m * max(beta, |C| * n)`, bounds every reward of a round with
/// truthful labelCounts, and both of its ends are reached.
@Suite struct RewardBoundTests {
    /// The agreement end, worked by hand: 3 workers, 2 classes, 4 samples, `paper`
    /// normalization. Worker 0 reports all four samples; sample 0 is shared with worker 1
    /// alone (class 0), sample 1 with worker 2 alone (class 1), samples 2 and 3 with nobody.
    /// Each class has one report by a peer, o_0(x) = 1, so 1 / R_0(x) = n * M[0] / 1 = 12, and
    /// each shared sample adds 1/1 agreement: 2 * 12 = 24 = |C| * n * m. E_0 = 2 samples with a
    /// peer, so reward_0 = lambda * (24 - 2 beta).
    @Test func theAgreementEndIsReached() throws {
        let votes = try VoteMatrix(
            rows: [[0, 1, 0, 0], [0, nil, nil, nil], [nil, 1, nil, nil]], classes: 2)
        let knobs = Knobs(normalization: .paper)
        let free = PTSFD.settle(votes: votes, parameters: .init(beta: 0, lambda: 1), knobs: knobs)
        #expect(free.rewards[0] == 24)
        #expect(PTSFD.rewardBound(workers: 3, classes: 2, samples: 4, beta: 0, lambda: 1) == 24)
        let scaled = PTSFD.settle(votes: votes, parameters: .init(beta: 3, lambda: 2.5), knobs: knobs)
        #expect(scaled.rewards[0] == 2.5 * (24 - 2 * 3))
    }

    /// The penalty end: two workers who report every sample and never agree each earn
    /// `-lambda * beta * m`, the bound once beta exceeds |C| * n.
    @Test func thePenaltyEndIsReached() throws {
        let votes = try VoteMatrix(rows: [[0, 0, 0, 0, 0], [1, 1, 1, 1, 1]], classes: 2)
        for normalization in Normalization.allCases {
            let settlement = PTSFD.settle(
                votes: votes, parameters: .init(beta: 10, lambda: 3),
                knobs: Knobs(normalization: normalization))
            #expect(settlement.rewards == [-150, -150], "\(normalization)")
        }
        #expect(PTSFD.rewardBound(workers: 2, classes: 2, samples: 5, beta: 10, lambda: 3) == 150)
    }

    /// Seeded random rounds under every normalization and peer allocation, with the largest
    /// beta and lambda a spec allows: no reward exceeds the bound (or is not finite).
    @Test(arguments: [0.0, 0.4])
    func noRewardExceedsTheBound(missing: Double) {
        for seed in UInt64(0) ..< 120 {
            var rng = SplitMix64(seed: seed)
            let n = Int.random(in: 2 ... 9, using: &rng)
            let m = Int.random(in: 1 ... 30, using: &rng)
            let classes = Int.random(in: 2 ... 6, using: &rng)
            let beta = [0, 1, 1e6][Int.random(in: 0 ... 2, using: &rng)]
            let lambda = [1e-3, 1, 1e6][Int.random(in: 0 ... 2, using: &rng)]
            let votes = randomVotes(workers: n, samples: m, classes: classes, missing: missing, using: &rng)
            let bound = PTSFD.rewardBound(workers: n, classes: classes, samples: m, beta: beta, lambda: lambda)
            let allocations: [PeersPerSample] = n >= 3 ? [.all, .k(2), .k(n - 1)] : [.all]
            for normalization in Normalization.allCases {
                for peers in allocations {
                    let knobs = Knobs(normalization: normalization, peersPerSample: peers)
                    let settlement = PTSFD.settle(
                        votes: votes, parameters: .init(beta: beta, lambda: lambda), knobs: knobs,
                        allocationSeed: seed)
                    for (i, reward) in settlement.rewards.enumerated() {
                        #expect(
                            reward.isFinite && abs(reward) <= bound * (1 + 1e-12),
                            "seed \(seed) n \(n) m \(m) |C| \(classes) beta \(beta) lambda \(lambda) \(normalization) \(peers) worker \(i): \(reward) vs \(bound)")
                    }
                }
            }
        }
    }
}
