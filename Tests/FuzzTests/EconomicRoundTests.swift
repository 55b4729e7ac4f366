import Adversary
import Mechanisms
import Specs
import Testing

@testable import Fuzz

/// Shared federations of the economic tests.
enum EconomicFixture {
    /// n workers, m samples, |C| classes, accuracy a for all, hardened knobs, beta = 1.
    static func federation(
        workers n: Int = 5, samples m: Int = 60, classes: Int = 4, accuracy: Double = 0.8,
        knobs: Knobs = .hardened, replications: Int = 16, seed: UInt64 = 7
    ) -> Federation {
        Federation(
            workers: n, samples: m, classes: classes,
            prior: [Double](repeating: 1 / Double(classes), count: classes),
            accuracy: [Double](repeating: accuracy, count: n), beta: 1, lambda: 1,
            knobs: knobs, deposit: 1_000_000, unitsPerReward: 1000,
            honestThreshold: 0, background: [String](repeating: "honest", count: n),
            parameters: StrategyParameters(
                classes: classes, heuristicLabels: [Double](repeating: 1 / Double(classes), count: classes),
                collusionMap: Spec.Simulation.Strategies.paperCollusionMap(classes: classes)),
            replications: replications, noiseSeed: seed)
    }

    static func honestWorld(_ f: Federation) -> [SeatPlan] {
        (0 ..< f.workers).map { SeatPlan(strategy: HonestStrategy(), modelOwner: $0) }
    }
}

@Suite struct EconomicRoundTests {
    /// With accuracy 1 every seat reveals the truth, so every reward is equal and the balanced
    /// payout (zero-sum around the mean) pays every deposit back exactly: net 0 each.
    @Test func perfectHonestFederationBreaksEven() throws {
        let f = EconomicFixture.federation(accuracy: 1)
        let noise = ReplicationNoise(federation: f, replication: 0)
        let outcome = try EconomicRound.play(f, seats: EconomicFixture.honestWorld(f), noise: noise)
        #expect(outcome.net == [0, 0, 0, 0, 0])
        #expect(outcome.settled.allSatisfy { $0 })
        #expect(outcome.revealed[0] == noise.truth)
        // Everyone agrees with 4 peers on every sample: tau = 1/R(x) - 1 summed over m samples,
        // with R(x) the others' share of class x.
        let counts = (0 ..< 4).map { x in noise.truth.filter { Int($0) == x }.count }
        let expected = counts.reduce(0.0) { $0 + Double($1) * (Double(f.samples) / Double($1) - 1) }
        #expect(abs(outcome.rewards[0] - expected) < 1e-9)
    }

    /// The synthetic model's accuracy is what it is asked for, within sampling error
    /// (20,000 draws at 0.7: sd 0.0032, tolerance 5 sd).
    @Test func syntheticAccuracyMatches() {
        var g = SplitMix64(seed: 3)
        let truth = SyntheticModel.truth(samples: 20_000, prior: [0.25, 0.25, 0.25, 0.25], using: &g)
        let p = SyntheticModel.predictions(truth: truth, classes: 4, accuracy: 0.7, using: &g)
        let hits = zip(truth, p.labels).filter { $0 == $1 }.count
        #expect(abs(Double(hits) / 20_000 - 0.7) < 0.016)
        #expect(p.maxProbability.allSatisfy { $0 >= 0.25 && $0 < 1 })
    }

    /// A heuristic seat earns less than when honest: with beta = 1 its expected reward is
    /// 1 - beta = 0 (Eq. 8), while an honest seat's is positive.
    @Test func heuristicLosesAgainstHonest() throws {
        let f = EconomicFixture.federation()
        let verdict = try EconomicProperty().scenario(.honestDominatesHeuristic, f)
            .judge(f, confidence: 0.99)
        #expect(!verdict.violated)
        #expect(verdict.test.mean < 0)
        let again = try EconomicProperty().scenario(.honestDominatesHeuristic, f)
            .judge(f, confidence: 0.99)
        #expect(again == verdict)
    }
}
