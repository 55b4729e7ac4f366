import Mechanisms
import Solver
import Specs
import Testing
import Verification

/// The missing link between the verifier and the mechanism: the expected honest payoff the
/// claims are written in (`honest-participation`'s `honest_payoff`, lambda * E_honest) is what
/// `PTSFD.settle` pays per sample, on average, to honest workers of the accuracy model.
///
/// Hand computation (|C| = 4, uniform prior, accuracy a = 4/5, so a wrong class is seen with
/// e = (1 - a) / 3 = 1/15): an honest worker matches an honest peer with probability
/// `a^2 + 3 e^2 = 16/25 + 3/225 = 147/225`, and a match on class x pays `1 / (rho R(x)) = 4 / rho`,
/// so `E_honest = 4 * 147/225 / rho - beta`. With beta = 1/2: `proper` (rho = 1) gives
/// `196/75 - 1/2 = 317/150`; `paper` with n = 10 (rho = 9/10) gives `392/135 - 1/2 = 649/270`.
@Suite struct ModelAgreesWithSettleTests {
    static let cases: [(normalization: String, expected: Rational)] = [
        ("proper", Rational(317, 150)), ("paper", Rational(649, 270)),
    ]

    @Test(arguments: cases)
    func theVerifiersHonestPayoffIsWhatSettlePaysPerSample(normalization: String, expected: Rational) throws {
        let spec = try ptsfdSpec(classes: 4, workers: 10, accuracy: "0.8", beta: "0.5", normalization: normalization)
        let result = verifier.check(.honestParticipation, on: spec)
        #expect(isProved(result))
        #expect(result.values["honest_payoff"] == expected, "\(result.values)")

        // 40,000 seeded samples: the true class uniform, each worker sees it with probability
        // 4/5 and each other class with 1/15.
        let workers = 10, samples = 40_000, classes = 4
        var rng = SplitMix64(seed: 11)
        var votes = VoteMatrix(workers: workers, samples: samples, classes: classes)
        for j in 0 ..< samples {
            let truth = Int(rng.draw(below: UInt64(classes)))
            for i in 0 ..< workers {
                let correct = rng.draw(below: 15) < 12
                votes[worker: i, sample: j] = correct ? truth : (truth + 1 + Int(rng.draw(below: 3))) % classes
            }
        }
        var knobs = Knobs.hardened
        knobs.normalization = normalization == "paper" ? .paper : .proper
        let settlement = PTSFD.settle(votes: votes, parameters: .init(beta: 0.5, lambda: 1), knobs: knobs)
        let perSample = settlement.rewards.reduce(0, +) / Double(workers * samples)
        // Per sample a reward lies within [-beta, 4 / rho]: the standard error of a mean over
        // 400,000 (correlated across the 10 workers of a sample, so count 40,000) draws is below
        // 4.5 / sqrt(40,000) = 0.0225; the empirical R adds an O(1/sqrt(m)) relative error.
        #expect(abs(perSample - expected.doubleValue) < 0.05, "settle pays \(perSample) per sample, the model says \(expected.doubleValue)")
    }
}
