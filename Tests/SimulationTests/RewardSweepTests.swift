import Adversary
import Specs
import Testing
@testable import Simulation

/// Sweeps re-settle hand-made predictions through the contract; the spec has 4 workers, 3
/// classes, 6 public samples, the proper normalization and every worker labelling every sample.
@Suite struct RewardSweepTests {
    static func plan(strategies: String, sweeps: String) throws -> SimulationPlan {
        let spec = try Spec.parse(toml: """
            name = "sweep"
            [federation]
            workers = 4
            classes = 3
            accuracy = 0.8
            [mechanism]
            kind = "ptsfd"
            beta = 1.0
            deposit = 1000
            peers_per_sample = "all"
            [knobs]
            normalization = "proper"
            [data]
            private_size = 10
            public_size = 6
            [strategies]
            \(strategies)
            [sweeps]
            \(sweeps)
            """, file: "sweep.toml")
        return try SimulationPlan(spec: spec, file: "sweep.toml")
    }

    /// Public labels 0, 1, 2, 0, 1, 2; every model predicts the true label with certainty 1.
    static let models = LocalModels(
        predictions: (0 ..< 4).map { _ in
            LocalPredictions(labels: [0, 1, 2, 0, 1, 2], maxProbability: [Float](repeating: 1, count: 6), accuracy: 1)
        },
        publicLabels: [0, 1, 2, 0, 1, 2], testAccuracy: [1, 1, 1, 1])

    @Test func allHeuristicWorkersEarnOneMinusBetaPerSample() throws {
        // Heuristic labels all class 0: every worker reports 0 on all 6 samples, so for each
        // worker R_i(0) = 18 / 18 = 1 (proper normalization), each of the 3 peers agrees, and
        // tau_ij = lambda * (3 * 1 / 3 - beta) = 1 - beta (Eq. 8): reward_i = 6 (1 - beta),
        // 3 at beta 0.5 and -6 at beta 2.
        let plan = try Self.plan(strategies: "heuristic = 1.0\nheuristic_labels = [1, 0, 0]",
                                 sweeps: "beta = [0.5, 2]")
        let result = try RewardSweep(plan: plan, models: Self.models, seed: 3).run(.betaThreshold, plan.spec.sweeps!)
        #expect(result.points.map(\.beta) == [0.5, 2])
        #expect(result.points[0].rewards.allSatisfy { abs($0 - 3) < 1e-9 }, "\(result.points[0].rewards)")
        #expect(result.points[1].rewards.allSatisfy { abs($0 + 6) < 1e-9 }, "\(result.points[1].rewards)")
        #expect(result.points[0].rewardPerSample(of: "heuristic").map { abs($0 - 0.5) < 1e-9 } == true)
        #expect(result.points[0].meanReward(of: "honest") == nil)
    }

    @Test func halfHeuristicAgainstHonestWorkers() throws {
        // Fraction 0.5 of 4: workers 0, 1 honest (true labels, 2 of each class), 2, 3 heuristic
        // (always 0). G = [2,2,2] * 2 + [6,0,0] * 2 = [16, 4, 4].
        // Honest worker: others G - L = [14, 2, 2] (sum 18), so 1/R = 18/14, 9, 9. A class-0
        // sample has 3 agreeing peers: (3 * 18/14) / 3 = 9/7; a class-1 or -2 sample has 1:
        // 9 / 3 = 3. reward = (2 * 9/7 + 4 * 3) - 6 beta = 102/7 - 6 beta = 81/7 at beta 0.5.
        // Heuristic worker: others [10, 4, 4] (sum 18), 1/R(0) = 1.8; 3 agree on the two
        // class-0 samples, 1 on the other four: (2 * 3 + 4 * 1) * 1.8 / 3 - 6 beta = 6 (1 - beta),
        // 1 - beta per sample again (Eq. 8), 3 at beta 0.5.
        let plan = try Self.plan(strategies: "heuristic_labels = [1, 0, 0]",
                                 sweeps: "beta = [0.5]\nheuristic_fraction = [0.5]")
        let result = try RewardSweep(plan: plan, models: Self.models, seed: 3).run(.heuristicFraction, plan.spec.sweeps!)
        let point = try #require(result.points.first)
        #expect(point.fraction == 0.5)
        #expect(point.strategies == ["honest", "honest", "heuristic", "heuristic"])
        for w in 0 ..< 2 { #expect(abs(point.rewards[w] - 81.0 / 7) < 1e-9, "\(point.rewards)") }
        for w in 2 ..< 4 { #expect(abs(point.rewards[w] - 3) < 1e-9, "\(point.rewards)") }
        // Per reported sample: honest 81/7 / 6 = 27/14, heuristic 3 / 6 = 1/2.
        #expect(abs(point.rewardPerSample(of: "honest")! - 27.0 / 14) < 1e-9)
        #expect(abs(point.rewardPerSample(of: "heuristic")! - 0.5) < 1e-9)
    }

    @Test func aSeedReproducesEveryPointAndAnotherSeedChangesThem() throws {
        let plan = try Self.plan(strategies: "honest = 0.5\nheuristic = 0.5",
                                 sweeps: "beta = [0.5, 1]\ncertainty_threshold = [0, 0.5]\nheuristic_fraction = [0.25, 0.75]\ncolluding_fraction = [0.5]")
        let sweeps = plan.spec.sweeps!
        let a = try RewardSweep(plan: plan, models: Self.models, seed: 11).run(sweeps)
        let b = try RewardSweep(plan: plan, models: Self.models, seed: 11).run(sweeps)
        let c = try RewardSweep(plan: plan, models: Self.models, seed: 12).run(sweeps)
        #expect(a.map(\.kind) == [.betaThreshold, .heuristicFraction, .colludingFraction])
        #expect(a.map(\.points.count) == [4, 4, 2])
        #expect(a.map(\.points) == b.map(\.points))
        #expect(a.allSatisfy { $0.seed == 11 })
        // The uniform heuristic labels come from the seed.
        #expect(a[0].points != c[0].points)
    }
}
