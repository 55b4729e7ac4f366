import Mechanisms
import Solver
import Specs
import Testing
import Verification

/// Heterogeneous workers (`BeliefModel+Workers.swift`): each kind of worker is checked against
/// the mixture of its actual peers, with the values taken against hand computations.
@Suite struct HeterogeneousWorkersTests {
    /// Two workers of accuracy 9/10 and 3/5, two classes, prior (4/5, 1/5), proper, beta = 1.
    /// The joint is symmetric in the two accuracies (a, b; e = 1 - a):
    /// ```
    /// joint(0, 0) = 4/5 * 9/10 * 3/5 + 1/5 * 1/10 * 2/5 = 54/125 + 1/125 = 11/25
    /// joint(1, 1) = 1/5 * 9/10 * 3/5 + 4/5 * 1/10 * 2/5 = 27/250 + 4/125 = 7/50
    /// ```
    /// R is the peer's report prior. Worker 0's peer has 3/5: R = (4/5 * 3/5 + 1/5 * 2/5,
    /// ...) = (14/25, 11/25), so `E_0 = (11/25)/(14/25) + (7/50)/(11/25) - 1 = 11/14 + 7/22 - 1
    /// = 8/77`. Worker 1's peer has 9/10: R = (4/5 * 9/10 + 1/5 * 1/10, ...) = (37/50, 13/50),
    /// so `E_1 = 22/37 + 7/13 - 1 = 64/481`.
    static func twoWorkers(beta: String) throws -> Spec {
        try ptsfdSpec(classes: 2, workers: 2, accuracy: "[0.9, 0.6]", beta: beta, prior: "[0.8, 0.2]")
    }

    @Test func eachWorkersHonestPayoffIsAgainstTheOther() throws {
        let result = verifier.check(.honestParticipation, on: try Self.twoWorkers(beta: "1.0"))
        #expect(isProved(result))
        // The least of 8/77 and 64/481 (8/77 < 64/481: 3848 < 4928), at worker 0.
        #expect(result.values["honest_payoff"] == Rational(8, 77), "\(result.values)")
        #expect(result.values.at["worker"] == "0")
        #expect(result.notes.contains("worker 0: beliefs: worker with accuracy 9/10, reporting a share 1 of the samples; peers: worker 1 with accuracy 3/5"), "\(result.notes)")
    }

    @Test func aBetaBetweenTheTwoPayoffsRefutesOnlyTheWorkerItBeats() throws {
        // beta = 1 + 3/25: above 1 + 8/77 (worker 0) and below 1 + 64/481 (worker 1), so
        // worker 0 is paid 8/77 - 3/25 = -31/1925 and is the counterexample.
        let result = verifier.check(.honestParticipation, on: try Self.twoWorkers(beta: "1.12"))
        #expect(isRefuted(result))
        #expect(result.verdict.counterexample?["worker"] == "0")
        #expect(result.values["honest_payoff"] == Rational(-31, 1925), "\(result.values)")
    }

    /// The shipped `heterogeneous-accuracy.toml` (accuracies 9/10, 7/10, 3/5, two classes, beta =
    /// 21/20): worker 2's peer is the mixture of 9/10 and 7/10, accuracy 4/5, so it earns
    /// `2 (3/5 * 4/5 + 2/5 * 1/5) - 21/20 = 28/25 - 21/20 = 7/100`, the least of the three
    /// (worker 0 against 13/20: 31/25 - 21/20 = 19/100; worker 1 against 3/4: 6/5 - 21/20 = 3/20).
    /// The same accuracies as one range [3/5, 9/10] for every worker let worker and peer both be
    /// 3/5: `2 (9/25 + 4/25) - 21/20 = -1/100`, refuted.
    @Test func eachWorkerAgainstItsPeersNotAgainstABox() throws {
        var spec = try Spec.load(path: repositoryRoot.appending("/specs/heterogeneous-accuracy.toml"))
        let result = verifier.check(.honestParticipation, on: spec)
        #expect(isProved(result))
        #expect(result.values["honest_payoff"] == Rational(7, 100) && result.values.at["worker"] == "2", "\(result.values)")
        spec.federation.accuracy = .all(.range(min: 0.6, max: 0.9))
        let box = verifier.check(.honestParticipation, on: spec)
        #expect(isRefuted(box))
        // Z3's point is any with `2 (a_w a_p + (1 - a_w)(1 - a_p)) - 21/20 <= 0` (the least is -1/100).
        guard let aw = value(box, "accuracy_worker"), let ap = value(box, "accuracy_peer") else { return }
        let payoff = 2 * (aw * ap + (1 - aw) * (1 - ap)) - Rational(21, 20)
        #expect(payoff <= 0 && payoff >= Rational(-1, 100) && box.values["honest_payoff"] == payoff, "\(box.values)")
    }

    /// effort-incentive per worker: the low-effort worker observes with accuracy_low = 11/20
    /// against the same peer. Worker 1 (3/5, peer 9/10) at 11/20: joint(0, 0) = 4/5 * 11/20 *
    /// 9/10 + 1/5 * 9/20 * 1/10 = 81/200, joint(1, 1) = 1/5 * 11/20 * 9/10 + 4/5 * 9/20 * 1/10 =
    /// 27/200, R = (37/50, 13/50), so E_low = 81/148 + 27/52 - 1 = 32/481 and the gain is
    /// 64/481 - 32/481 = 32/481. Worker 0 (9/10, peer 3/5) at 11/20 earns 1/77: a gain of
    /// 8/77 - 1/77 = 1/11 > 32/481. The heuristic report earns 1 - beta = 0 (gains 8/77, 64/481).
    @Test func effortPaysEachWorkerAgainstItsOwnPeer() throws {
        var spec = try Self.twoWorkers(beta: "1.0")
        spec.costs.accuracyLow = .value(0.55)
        let result = verifier.check(.effortIncentive, on: spec)
        #expect(isProved(result))
        #expect(result.values["effort_gain"] == Rational(32, 481), "\(result.values)")
        #expect(result.values.at["worker"] == "1" && result.values.at["low_effort"] == "own observation at accuracy_low")
    }

    /// Worker 0 errs evenly (Q0 = [[9/10, 1/10], [1/10, 9/10]]), worker 1 swaps the classes
    /// (Q1 = [[1/5, 4/5], [4/5, 1/5]]); uniform prior, proper, beta = 1. Observing 0, worker 0
    /// expects its peer to report y with `P(y | 0) = sum_t pi(t) Q0[t][0] Q1[t][y] / P_w(0)`:
    /// P(0 | 0) = 9/10 * 1/5 + 1/10 * 4/5 = 13/50 and P(1 | 0) = 9/10 * 4/5 + 1/10 * 1/5 = 37/50,
    /// and R = (1/2, 1/2). So truthful pays `(13/50) / (1/2) - 1 = -12/25` per sample, the
    /// misreport 1 pays `(37/50) / (1/2) - 1 = 12/25`: a gain of 24/25, and the scores of Eq. 10
    /// are 13/25 against 37/25, a margin of -24/25. Worker 1 against worker 0 gives the same
    /// numbers (swap the roles of Q0 and Q1 in the sum), so every counterexample does.
    static let swapped = """
        name = "swapped"
        [federation]
        workers = 2
        classes = 2
        confusion = [[[0.9, 0.1], [0.1, 0.9]], [[0.2, 0.8], [0.8, 0.2]]]
        [mechanism]
        kind = "ptsfd"
        beta = 1.0
        deposit = 1000
        [knobs]
        normalization = "proper"
        """

    @Test func aConfusionThatSwapsClassesMakesTheMisreportPay() throws {
        let spec = try Spec.parse(toml: Self.swapped, file: "swapped.toml")
        let scores = verifier.check(.selfPredicting, on: spec)
        #expect(isRefuted(scores))
        #expect(scores.values["score_margin"] == Rational(-24, 25), "\(scores.values)")
        #expect(scores.values["truthful_score"] == Rational(13, 25))
        #expect(scores.values["misreport_score"] == Rational(37, 25))

        let best = verifier.check(.truthfulBestResponse, on: spec)
        #expect(isRefuted(best))
        #expect(best.verdict.counterexample?["worker"] != nil)
        // The row sigma the solver found puts sigma(other | x) on the misreport: its gain is
        // sigma(other | x) * 24/25.
        guard let x = best.verdict.counterexample?["observed"].flatMap(Int.init),
              let misreport = value(best, "sigma\(1 - x)") else { return }
        #expect(best.values["best_response_gain"] == misreport * Rational(24, 25), "\(best.values)")
        #expect(best.values["truthful_payoff"] == Rational(-12, 25))
    }

    /// The shipped spec: worker 0 (even errors) against workers 1 and 2 (who see 1 as 2 and 2
    /// as 1 seven times in ten). Observing 1: `3 joint(1, y) = sum_t Q0[t][1] Qs[t][y]`, so
    /// y = 1: 1/20 * 1/10 + 9/10 * 1/5 + 1/20 * 7/10 = 11/50, y = 2: 1/20 * 1/10 + 9/10 * 7/10 +
    /// 1/20 * 1/5 = 129/200; P_w(1) = R(1) = R(2) = 1/3. Scores: (11/50) * 3 = 33/50 against
    /// (129/200) * 3 = 387/200, a margin of -51/40 (the same for observed 2 and misreport 1).
    @Test func theShippedConfusionSpecNamesWorkerZero() throws {
        let spec = try Spec.load(path: repositoryRoot.appending("/specs/confusion.toml"))
        let result = verifier.check(.selfPredicting, on: spec)
        #expect(isRefuted(result))
        guard result.verdict.counterexample?["worker"] == "0" else { return }
        #expect(result.values["score_margin"] == Rational(-51, 40), "\(result.values)")
    }

    /// Report fractions under `paper` (n = 4, |C| = 10, accuracy 9/10, fractions 1, 1, 1, 1/4):
    /// rho = sum_{j != i} f_j / (n f_i) is 9/4 / 4 = 9/16 for workers 0-2 and 3 / 1 = 3 for
    /// worker 3. A heuristic report pays `1/rho - beta` = 16/9 - 1 = 7/9 to a full reporter.
    /// Honest: `sum_x joint(x, x) / R(x) = 10 (81/100 + 9 (1/90)^2) = 73/9`, so worker 3 earns
    /// 73/27 - 1 = 46/27 per reported sample and the others 73/9 * 16/9 - 1 = 1087/81.
    @Test func thePaperNormalizationPaysTheHeuristicWhenOneWorkerReportsLess() throws {
        let spec = try Spec.load(path: repositoryRoot.appending("/specs/report-fraction.toml"))
        let heuristic = verifier.check(.heuristicUnprofitable, on: spec)
        #expect(isRefuted(heuristic))
        #expect(heuristic.verdict.counterexample?["worker"] == "0-2")
        #expect(heuristic.values["heuristic_payoff"] == Rational(7, 9))
        #expect(heuristic.values["rho"] == Rational(9, 16))
        let honest = verifier.check(.honestParticipation, on: spec)
        #expect(isProved(honest))
        #expect(honest.values["honest_payoff"] == Rational(46, 27) && honest.values.at["worker"] == "3", "\(honest.values)")
        #expect(honest.values["minimum_certainty"] == Rational(3, 10))
    }

    @Test func rangedReportFractionsEnterRhoAsVariables() throws {
        // Every worker reports a share in [1/4, 1]; under `paper` a heuristic report pays
        // 1/rho - beta = n f_i / sum_{j != i} f_j - 1, recomputed from the counterexample.
        let spec = try ptsfdSpec(classes: 3, workers: 4, normalization: "paper", extra: "")
        var ranged = spec
        ranged.federation.reportFraction = .all(.range(min: 0.25, max: 1))
        let result = verifier.check(.heuristicUnprofitable, on: ranged)
        #expect(isRefuted(result))
        guard let own = value(result, "report_fraction_worker"), let peers = value(result, "report_fraction_peer") else { return }
        #expect(result.values["heuristic_payoff"] == 4 * own / peers - 1)
        // Eq. 7's minimum certainty rho R(x) beta is largest at rho = (3 * 1) / (4 * 1/4) = 3:
        // 3 * 1/3 * 1 = 1.
        #expect(verifier.check(.honestParticipation, on: ranged).values["minimum_certainty"] == 1)
        // Under `proper` R_i is the peers' report prior itself: the identity E = 1 - beta holds.
        ranged.knobs.normalization = .proper
        #expect(isProved(verifier.check(.heuristicPayoffIdentity, on: ranged)))
    }

    /// The derivation of rho from line 20 of Algorithm 3, against `PTSFD.settle`. Four workers,
    /// |C| = 4, accuracy 4/5 (`sum_x joint(x, x) / R(x) = 4 * 147/225 = 196/75`, see
    /// `ModelAgreesWithSettleTests`), beta = 1/2, `paper`; workers 2 and 3 report a random half
    /// of the samples. rho = (1 + 1/2 + 1/2) / 4 = 1/2 for workers 0 and 1, (1 + 1 + 1/2) / 2 = 5/4
    /// for workers 2 and 3; per reported sample: 392/75 - 1/2 = 709/150 and
    /// 784/375 - 1/2 = 1193/750.
    @Test func settlePaysPartialReportersWhatRhoSays() throws {
        var spec = try ptsfdSpec(classes: 4, workers: 4, accuracy: "0.8", beta: "0.5", normalization: "paper")
        spec.federation.reportFraction = .perWorker([.value(1), .value(1), .value(0.5), .value(0.5)])
        let result = verifier.check(.honestParticipation, on: spec)
        #expect(result.values["honest_payoff"] == Rational(1193, 750), "\(result.values)")

        let workers = 4, samples = 40_000, classes = 4
        var rng = SplitMix64(seed: 5)
        var votes = VoteMatrix(workers: workers, samples: samples, classes: classes)
        for j in 0 ..< samples {
            let truth = Int(rng.draw(below: UInt64(classes)))
            for i in 0 ..< workers {
                let correct = rng.draw(below: 15) < 12
                let vote = correct ? truth : (truth + 1 + Int(rng.draw(below: 3))) % classes
                let reports = i < 2 || rng.draw(below: 2) == 0
                votes[worker: i, sample: j] = reports ? vote : nil
            }
        }
        var knobs = Knobs.hardened
        knobs.normalization = .paper
        let settlement = PTSFD.settle(votes: votes, parameters: .init(beta: 0.5, lambda: 1), knobs: knobs)
        func perReported(_ group: [Int]) -> Double {
            group.map { settlement.rewards[$0] }.reduce(0, +) / Double(group.map { settlement.reported[$0] }.reduce(0, +))
        }
        // A reward per report lies within [-beta, 1 / (rho R)] = [-1/2, 8] (workers 0, 1) and
        // [-1/2, 16/5] (workers 2, 3); over 80,000 and about 40,000 reports (correlated within a
        // sample) the standard errors are below 8.5 / sqrt(40,000) = 0.043 and 3.7 / sqrt(20,000)
        // = 0.026, and the empirical R and M[i] add an O(1/sqrt(m)) relative error.
        #expect(abs(perReported([0, 1]) - Rational(709, 150).doubleValue) < 0.15, "\(perReported([0, 1]))")
        #expect(abs(perReported([2, 3]) - Rational(1193, 750).doubleValue) < 0.08, "\(perReported([2, 3]))")
    }
}

@Suite struct HeterogeneousWorkerLimitsTests {
    @Test func tooManyKindsOfWorkersAreRefusedNamingTheKey() throws {
        let accuracies = (0 ..< 17).map { "0.\(60 + $0)" }.joined(separator: ", ")
        let limit = Verifier.beyondLimits(try ptsfdSpec(classes: 3, workers: 17, accuracy: "[\(accuracies)]"))
        #expect(limit?.key == "federation.accuracy")
        #expect(limit?.reason.contains("17 kinds") == true)
        // Sixteen alike and one other: two kinds.
        let two = (0 ..< 17).map { $0 == 0 ? "0.6" : "0.9" }.joined(separator: ", ")
        #expect(Verifier.beyondLimits(try ptsfdSpec(classes: 3, workers: 17, accuracy: "[\(two)]")) == nil)
    }
}

@Suite struct ConfusionSynthesisTests {
    @Test func accuracyCannotBeSynthesizedWhenAConfusionMatrixFixesIt() throws {
        let spec = try Spec.parse(toml: HeterogeneousWorkersTests.swapped, file: "swapped.toml")
        let synthesis = Synthesis(verifier: verifier, properties: [.selfPredicting])
        #expect {
            try synthesis.run(spec, parameter: .accuracy, file: "swapped.toml")
        } throws: { error in
            "\(error)".contains("swapped.toml: federation.confusion fixes every worker's errors")
        }
    }
}
