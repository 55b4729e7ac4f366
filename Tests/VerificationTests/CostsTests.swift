import Mechanisms
import Solver
import Specs
import Testing
import Verification

/// `[costs]` in every property that depends on them, against hand computations.
///
/// The reference numbers (paper.toml: |C| = 10, uniform prior, accuracy 0.9 for worker and
/// peer, beta = lambda = 1, proper normalisation rho = 1): with e = (1 - a) / 9 the chance of one
/// particular wrong class, `joint(x, x) = a_w a_p / 10 + (9/10) e_w e_p`, and
/// `E = sum_x joint(x, x) / R(x) - beta = 10 a_w a_p + (10/9)(1 - a_w)(1 - a_p) - beta`.
/// At a_w = a_p = 0.9: `E_high = 8.1 + 1/90 - 1 = 64/9`.
@Suite struct PTSFDCostsTests {
    @Test func honestProfitAndMinimumCertaintyNetOfCosts() throws {
        // Profit over m = 1000 samples with c(e_1) = 2 and c_fix = 500:
        // 1000 * (64/9 - 2) - 500 = 46000/9 - 4500/9 = 41500/9. Eq. 7 with rho = 1:
        // A >= R(x) (beta + c / lambda) = (1/10)(1 + 2) = 3/10.
        let spec = try ptsfdSpec(extra: "[costs]\neffort_high = 2.0\nfixed = 500\nsamples = 1000")
        let result = verifier.check(.honestParticipation, on: spec)
        #expect(isProved(result))
        #expect(result.values.deciding?.name == "honest_profit")
        #expect(result.values["honest_profit"] == Rational(41500, 9))
        #expect(result.values["honest_payoff"] == Rational(64, 9))
        #expect(result.values["minimum_certainty"] == Rational(3, 10))
    }

    @Test func aFixedCostTheRoundCannotCoverRefutesParticipation() throws {
        // c(e_1) = 6, c_fix = 2000, m = 1000: 1000 * (64/9 - 6) - 2000 = 10000/9 - 18000/9 = -8000/9.
        let spec = try ptsfdSpec(extra: "[costs]\neffort_high = 6.0\nfixed = 2000\nsamples = 1000")
        let result = verifier.check(.honestParticipation, on: spec)
        #expect(isRefuted(result))
        #expect(result.values["honest_profit"] == Rational(-8000, 9))
        #expect(value(result, "fixed") == 2000)
    }

    @Test func theMinimumCertaintyUnderAPriorAndAnAccuracyRange() throws {
        // |C| = 2, prior (0.2, 0.8), accuracy in [0.6, 0.9], beta = lambda = 1, c(e_1) = 1:
        // R(1) = 0.8 a + 0.2 (1 - a) = 0.2 + 0.6 a is largest at a = 0.9, 0.74; R(0) = 0.8 - 0.6 a
        // at most 0.44. Eq. 7: max R(x) (beta + c / lambda) = 0.74 * 2 = 37/25, above 1.
        let spec = try ptsfdSpec(
            classes: 2, accuracy: "{ min = 0.6, max = 0.9 }", prior: "[0.2, 0.8]", extra: "[costs]\neffort_high = 1.0")
        let result = verifier.check(.honestParticipation, on: spec)
        #expect(result.values["minimum_certainty"] == Rational(37, 25))
        #expect(result.notes.contains { $0.contains("above 1: no report pays") && $0.contains("class 1") })
    }

    @Test func theMinimumCertaintyIsUnboundedWhenLambdaCanBeZero() throws {
        // lambda in [0, 1] with c(e_1) = 1: at lambda = 0 a report earns nothing and costs 1, so
        // no certainty pays (Eq. 7 divides by lambda), and the profit -1 refutes participation.
        let spec = try ptsfdSpec(extra: "[contract]\nlambda_schedule = [{ min = 0.0, max = 1.0 }]\n[costs]\neffort_high = 1.0")
        let result = verifier.check(.honestParticipation, on: spec)
        #expect(isRefuted(result))
        #expect(result.values["minimum_certainty"] == nil)
        #expect(result.notes.contains { $0.contains("unbounded") })
    }

    @Test func highEffortBeatsLowEffortByTheHandGain() throws {
        // Low effort at accuracy 0.3 against peers at 0.9: 10 * 0.27 + (10/9)(0.7)(0.1) - 1
        // = 2.7 + 7/90 - 1 = 16/9. Net of costs 2 and 0.1:
        // (64/9 - 2) - (16/9 - 1/10) = 16/3 - 19/10 = 103/30. The heuristic report earns
        // 1 - beta = 0 and nets -1/10, further below.
        let spec = try ptsfdSpec(extra: "[costs]\neffort_high = 2.0\neffort_low = 0.1\naccuracy_low = 0.3")
        let result = verifier.check(.effortIncentive, on: spec)
        #expect(isProved(result))
        #expect(result.values.deciding?.name == "effort_gain")
        #expect(result.values["effort_gain"] == Rational(103, 30))
        #expect(result.values["high_effort_profit"] == Rational(46, 9))
        #expect(result.values["low_effort_profit"] == Rational(151, 90))
        #expect(result.values.at["low_effort"] == "own observation at accuracy_low")
    }

    @Test func costlyEffortIsRefutedWithTheHandGain() throws {
        // Low effort at accuracy 0.5: 10 * 0.45 + (10/9)(0.5)(0.1) - 1 = 4.5 + 1/18 - 1 = 32/9, free;
        // high effort at cost 6: 64/9 - 6 = 10/9. Gain 10/9 - 32/9 = -22/9.
        let spec = try ptsfdSpec(extra: "[costs]\neffort_high = 6.0\naccuracy_low = 0.5")
        let result = verifier.check(.effortIncentive, on: spec)
        #expect(isRefuted(result))
        #expect(result.values["effort_gain"] == Rational(-22, 9))
        #expect(result.verdict.counterexample?["low_effort"] == "own observation at accuracy_low")
    }

    @Test func withoutCostsLowEffortIsTheHeuristicReport() throws {
        // The paper's normalisation, rho = 9/10: E_high = (73/9) / (9/10) - 1 = 730/81 - 1; at
        // chance (the default accuracy_low) the report is the heuristic one, Eq. 8 with rho:
        // 1/rho - beta = 10/9 - 1 = 1/9. Gain 730/81 - 90/81 = 640/81.
        let result = verifier.check(.effortIncentive, on: try ptsfdSpec(normalization: "paper"))
        #expect(isProved(result))
        #expect(result.values["effort_gain"] == Rational(640, 81))
        #expect(result.values["low_effort_profit"] == Rational(1, 9))
        #expect(result.values.at["low_effort"] == "heuristic report")
    }

    @Test func anExplicitBeliefMatrixCannotSayWhatALowEffortWorkerSees() throws {
        let spec = try Spec.load(path: repositoryRoot.appending("/specs/paper-48-example.toml"))
        var costly = spec
        costly.costs.accuracyLow = .value(0.3)
        let result = verifier.check(.effortIncentive, on: costly)
        guard case .unknown(let reason) = result.verdict else { Issue.record("\(result.verdict)"); return }
        #expect(reason.contains("costs.accuracy_low"))
        // At chance the heuristic report is the whole comparison: proved there.
        #expect(isProved(verifier.check(.effortIncentive, on: spec)))
    }
}

/// The consensus utilities net of c (Lu et al. "ignore c"), against the integer clauses.
@Suite struct ConsensusCostsTests {
    @Test(arguments: [2, 3])
    func netUtilitiesAreTheContractsLessCForEveryTrueResult(workers n: Int) throws {
        // Consensus.settle's integer utilities (payout - deposit), less c for each worker that
        // submitted the true result, on every profile of plays; d even and r divisible by n, so
        // the contract's floors are exact.
        let d = 1000, r = 600
        let c = Rational(37, 2)
        let kinds: [ConsensusPlay] = [.nothing, .truth, .junk(0), .junk(1)]
        var profiles: [[ConsensusPlay]] = [[]]
        for _ in 0 ..< n { profiles = profiles.flatMap { p in kinds.map { p + [$0] } } }
        for profile in profiles {
            let net = ConsensusPayoff.utilities(ExactAlgebra(), deposit: .init(d), reward: .init(r), cost: c, plays: profile)
            let submissions: [Consensus.Submission] = profile.map {
                switch $0 {
                case .nothing: .none
                case .truth: .result([1, 2, 3])
                case .junk(let tag): .result([9, UInt8(tag + 10)])
                }
            }
            let outcome = Consensus.settle(submissions, deposit: d, reward: r, junk: .paper, input: [7])
            let expected = zip(outcome.utilities(deposit: d), profile).map { u, play in Rational(u) - (play == .truth ? c : 0) }
            #expect(net == expected, "\(profile)")
        }
    }

    @Test(arguments: 2 ... 4)
    func anyPositiveCostBreaksBothProperties(workers n: Int) throws {
        // Against a worker that sends nothing, the true result and a junk both get -d/2, but the
        // true result also costs c: sigma_t no longer weakly dominates sigma_f, so IEWDS stops at
        // {sigma_t, sigma_f} for everybody, and a single worker gains c by a junk.
        var spec = try consensusSpec(workers: n)
        spec.costs.compute = .value(0.001)
        let unique = verifier.check(.iewdsTruthfulUnique, on: spec)
        #expect(isRefuted(unique), "\(unique.verdict)")
        #expect(unique.verdict.counterexample?["survivors"]?.contains("σf (random junk)") == true)
        let coalition = verifier.check(.coalitionResilient, on: spec)
        #expect(isRefuted(coalition), "\(coalition.verdict)")
        #expect(value(coalition, "c") == Rational(1, 1000))
    }

    @Test func tableIValuesNetOfCShowWhatBreaksTheDominance() throws {
        // n = 2, d = 1000, r = 200, c = 50, refuted: the values are taken in the situation where
        // a deviation gains most. Against a peer that sends nothing (or a junk) the true result
        // gets -d/2 - c = -550 and a junk -d/2 = -500: the gain is c = 50. (Against a truthful
        // peer the junk would lose: -500 against r/2 - c = 50.)
        var spec = try consensusSpec(workers: 2)
        spec.costs.compute = .value(50)
        let unique = verifier.check(.iewdsTruthfulUnique, on: spec)
        #expect(isRefuted(unique))
        #expect(unique.values["deviation_gain"] == 50)
        #expect(unique.values["honest_payoff"] == -550)
        #expect(unique.values["deviation_payoff"] == -500)
        #expect(unique.values.at["deviation"] == "σf (random junk)")
        let coalition = verifier.check(.coalitionResilient, on: spec)
        #expect(isRefuted(coalition))
        #expect(coalition.values["coalition_gain"] == 50)
        #expect(coalition.values.at["others"] != nil)
    }
}
