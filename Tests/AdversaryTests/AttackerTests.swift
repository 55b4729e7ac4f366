import Mechanisms
import Testing
@testable import Adversary

/// The attacker catalogue on small hand-made predictions; every expected Y and labelCount is
/// written out by hand.
@Suite("Attackers")
struct AttackerTests {
    let none = WorkerReport.noReport

    func context(classes: Int = 3, samples: Int, threshold: Double = 0) -> ReportContext {
        ReportContext(classes: classes, samples: samples, certaintyThreshold: threshold, worker: 1, round: 0)
    }

    /// Accuracy 0.8; certainties A_ij = 0.8 x (0.9, 0.5, 0.8, 0.75, 0.25) = 0.72, 0.40, 0.64,
    /// 0.60, 0.20.
    let predictions = LocalPredictions(
        labels: [0, 1, 2, 2, 1], maxProbability: [0.9, 0.5, 0.8, 0.75, 0.25], accuracy: 0.8)

    @Test("misreport maps its honest report through misreport_map, with the count of what it reports")
    func misreport() {
        var g = SplitMix64(seed: 1)
        let report = MisreportStrategy(map: [1, 2, 0]).report(
            predictions: predictions, context: context(samples: 5, threshold: 0.6), generator: &g)
        // Honest at 0.6: [0, -, 2, 2, -]; mapped 0 -> 1, 2 -> 0.
        #expect(report.y == [1, none, 0, 0, none])
        #expect(report.labelCount == [2, 1, 0])
        let defaults = StrategyParameters(classes: 3, heuristicLabels: [1, 0, 0], collusionMap: [0, 0, 2])
        #expect(defaults.misreportMap == [1, 2, 0])
    }

    @Test("certainty-threshold reports only A_ij >= its own threshold (Eq. 7), ignoring the round's")
    func certaintyThreshold() {
        var g = SplitMix64(seed: 1)
        let report = CertaintyThresholdStrategy(threshold: 0.6).report(
            predictions: predictions, context: context(samples: 5, threshold: 0), generator: &g)
        #expect(report.y == [0, none, 2, 2, none])
        #expect(report.labelCount == [1, 0, 2])
        let strict = CertaintyThresholdStrategy(threshold: 0.7).report(
            predictions: predictions, context: context(samples: 5, threshold: 0), generator: &g)
        #expect(strict.y == [0, none, none, none, none])
        #expect(strict.labelCount == [1, 0, 0])
    }

    @Test("padding at rate 1 adds every unsure sample: its own prediction, or random labels")
    func paddingAll() {
        var g = SplitMix64(seed: 1)
        let own = PaddingStrategy(threshold: 0.6, rate: 1, random: false).report(
            predictions: predictions, context: context(samples: 5), generator: &g)
        #expect(own.y == [0, 1, 2, 2, 1])
        #expect(own.labelCount == [1, 2, 2])
        let silent = PaddingStrategy(threshold: 0.6, rate: 0, random: true).report(
            predictions: predictions, context: context(samples: 5), generator: &g)
        #expect(silent.y == [0, none, 2, 2, none])

        // Random padding: the certain samples keep their prediction, the two unsure ones get
        // some class, and the same seed gives the same labels.
        var a = SplitMix64(seed: 4), b = SplitMix64(seed: 4)
        let random = PaddingStrategy(threshold: 0.6, rate: 1, random: true)
        let first = random.report(predictions: predictions, context: context(samples: 5), generator: &a)
        #expect(first == random.report(predictions: predictions, context: context(samples: 5), generator: &b))
        #expect([first.y[0], first.y[2], first.y[3]] == [0, 2, 2])
        #expect(first.y[1] < 3 && first.y[4] < 3 && first.reports == 5)
    }

    @Test("padding at rate 1/2 pads floor(rate x unsure) samples drawn with the generator")
    func paddingShare() {
        // 10 samples, all unsure (A = 0.1): 5 padded with the model's label 1.
        let p = LocalPredictions(labels: [UInt8](repeating: 1, count: 10),
                                 maxProbability: [Float](repeating: 0.1, count: 10), accuracy: 1)
        let half = PaddingStrategy(threshold: 0.5, rate: 0.5, random: false)
        #expect(half.paddedCount(below: 10) == 5 && half.paddedCount(below: 3) == 1)
        var seen = Set<[UInt8]>()
        for seed in 0..<8 as Range<UInt64> {
            var g = SplitMix64(seed: seed)
            let report = half.report(predictions: p, context: context(samples: 10), generator: &g)
            #expect(report.labelCount == [0, 5, 0], "seed \(seed)")
            seen.insert(report.y)
        }
        #expect(seen.count > 1, "the padded samples depend on the generator")
    }

    @Test("commitment-copier trains nothing, reports nothing and copies its target's commitment")
    func commitmentCopier() {
        let copier = CommitmentCopierStrategy(target: 2)
        var g = SplitMix64(seed: 1)
        let report = copier.report(predictions: nil, context: context(samples: 4), generator: &g)
        #expect(report.y == [none, none, none, none])
        #expect(report.labelCount == [0, 0, 0])
        #expect(!copier.trainsModel && copier.conduct == .copiesCommitment(target: 2) && copier.identities == 1)
    }

    @Test("reveal-withholder, sybil and out-of-protocol report honestly and state their conduct")
    func honestReportAttackers() {
        let ctx = context(samples: 5, threshold: 0.6)
        let honestY: [UInt8] = [0, none, 2, 2, none]
        let strategies: [any WorkerStrategy] = [
            RevealWithholderStrategy(), SybilStrategy(identities: 3), OutOfProtocolSender(move: .late),
        ]
        for strategy in strategies {
            var g = SplitMix64(seed: 1)
            let report = strategy.report(predictions: predictions, context: ctx, generator: &g)
            #expect(report.y == honestY, "\(strategy.name)")
            #expect(report.labelCount == [1, 0, 2], "\(strategy.name)")
            #expect(strategy.trainsModel)
        }
        #expect(RevealWithholderStrategy().conduct == .withholdsWhenUnprofitable)
        #expect(SybilStrategy(identities: 3).identities == 3 && SybilStrategy(identities: 3).conduct == .follows)
        #expect(OutOfProtocolSender(move: .oversized).conduct == .outOfProtocol(.oversized))
        #expect(HonestStrategy().identities == 1 && HonestStrategy().conduct == .follows)
    }

    @Test("label-count-liar reveals its honest Y with m for every class, or for its own classes")
    func labelCountLiar() {
        var g = SplitMix64(seed: 1)
        let ctx = context(samples: 5, threshold: 0.6)
        let raise = LabelCountLiarStrategy(lie: .raiseOwn).report(predictions: predictions, context: ctx, generator: &g)
        #expect(raise.y == [0, none, 2, 2, none])
        #expect(raise.labelCount == [5, 5, 5])
        let lower = LabelCountLiarStrategy(lie: .lowerOthers).report(predictions: predictions, context: ctx, generator: &g)
        #expect(lower.y == [0, none, 2, 2, none])
        #expect(lower.labelCount == [5, 0, 5])
    }

    @Test("trusted, both lies lower the others' rewards and leave the liar's; raise-own raises its balanced payout")
    func labelCountLiesPay() throws {
        // Workers 0 and 1 honest, worker 2 the liar (true Y [0, 1, 1, 0], classes 0 and 1 of 3).
        let votes = try VoteMatrix(rows: [[0, 1, 1, 0], [0, 1, 0, 0], [0, 1, 1, 0]], classes: 3)
        let truth = [[2, 2, 0], [3, 1, 0], [2, 2, 0]]
        let trusting = Knobs(normalization: .paper, labelCount: .paper)
        func settle(_ liar: [Int]) -> [Double] {
            PTSFD.settle(votes: votes, reportedLabelCounts: [truth[0], truth[1], liar],
                         parameters: .init(beta: 1, lambda: 1), knobs: trusting).rewards
        }
        func payout(_ rewards: [Double]) -> Int {
            Payout.plan(rule: .balanced, deposits: [1000, 1000, 1000], rewards: rewards, unitsPerReward: 100).payouts[2]
        }
        let honest = settle(truth[2])
        let liar = LabelCountLiarStrategy(lie: .raiseOwn), other = LabelCountLiarStrategy(lie: .lowerOthers)
        for lie in [liar, other] {
            let claimed = lie.claimedCount(truth: truth[2], samples: 4)
            let rewards = settle(claimed)
            #expect(rewards[0] < honest[0] && rewards[1] < honest[1], "\(lie.lie): \(rewards) vs \(honest)")
            #expect(rewards[2] == honest[2], "\(lie.lie)")
            #expect(payout(rewards) > payout(honest), "\(lie.lie)")
        }
        #expect(liar.claimedCount(truth: truth[2], samples: 4) == [4, 4, 4])
        #expect(other.claimedCount(truth: truth[2], samples: 4) == [4, 4, 0])
    }

    @Test("the standard catalogue builds every strategy by its type's name, in registration order")
    func catalogue() {
        let parameters = StrategyParameters(
            classes: 3, heuristicLabels: [0.5, 0.5, 0], collusionMap: [0, 0, 2], misreportMap: [2, 0, 1],
            certaintyThreshold: 0.7, paddingRate: 0.25, paddingRandom: true, sybilIdentities: 3, copyTarget: 1,
            labelCountLie: .lowerOthers, outOfProtocolMove: .malformed)
        let catalog = StrategyCatalog.standard
        #expect(catalog.names == [
            "honest", "heuristic", "colluding", "misreport", "certainty-threshold", "padding",
            "commitment-copier", "reveal-withholder", "label-count-liar", "sybil", "out-of-protocol",
        ])
        for name in catalog.names {
            #expect(catalog.strategy(named: name, parameters: parameters)?.name == name)
        }
        #expect((catalog.strategy(named: MisreportStrategy.name, parameters: parameters) as? MisreportStrategy)?.map == [2, 0, 1])
        #expect((catalog.strategy(named: CertaintyThresholdStrategy.name, parameters: parameters)
            as? CertaintyThresholdStrategy)?.threshold == 0.7)
        let padding = catalog.strategy(named: PaddingStrategy.name, parameters: parameters) as? PaddingStrategy
        #expect(padding?.threshold == 0.7 && padding?.rate == 0.25 && padding?.random == true)
        #expect(catalog.strategy(named: CommitmentCopierStrategy.name, parameters: parameters)?.conduct
            == .copiesCommitment(target: 1))
        #expect(catalog.strategy(named: SybilStrategy.name, parameters: parameters)?.identities == 3)
        #expect((catalog.strategy(named: LabelCountLiarStrategy.name, parameters: parameters)
            as? LabelCountLiarStrategy)?.lie == .lowerOthers)
        #expect(catalog.strategy(named: OutOfProtocolSender.name, parameters: parameters)?.conduct
            == .outOfProtocol(.malformed))
        #expect(catalog.strategy(named: RevealWithholderStrategy.name, parameters: parameters)?.conduct
            == .withholdsWhenUnprofitable)
    }
}
