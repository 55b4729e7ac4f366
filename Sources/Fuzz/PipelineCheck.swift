import Foundation
import Adversary
import Mechanisms
import Simulation
import Specs

/// `distillation-helps-honest` (`--workers pipeline`): case k runs the spec's whole simulation
/// (a fresh Dirichlet split, local training, the rounds through the contract, distillation)
/// with its data and training seeds taken from case k's stream, and is violated when some
/// honest worker's test accuracy after the last distillation is below its accuracy before.
///
/// The claim is deterministic for a case, so it is judged with the exact rule on the honest
/// workers' accuracy losses (percentage points); there is no federation to shrink.
public enum PipelineCheck {
    /// The seed of case `index`: the first draw of its stream.
    public static func seed(campaign seed: UInt64, index: Int) -> UInt64 {
        var g = caseGenerator(seed: seed, index: index)
        return g.next()
    }

    /// Judges case `index`.
    /// - Parameters:
    ///   - knobs: deploy with these knobs instead of the spec's (replay `--spec`).
    ///   - bank: where local models are cached (`nil` trains every one).
    /// - Throws: `SimulationError` for data that cannot be loaded or a contract defect.
    public static func judge(
        spec: Spec, path: String, seed: UInt64, index: Int, knobs: Knobs? = nil,
        bank: PredictionBank?
    ) throws -> ScenarioVerdict {
        var spec = spec
        if let knobs { spec.knobs = knobs }
        let caseSeed = Self.seed(campaign: seed, index: index)
        let plan = try SimulationPlan(spec: spec, file: path, seed: caseSeed)
        let simulation = FederatedSimulation(
            plan: plan, file: path, bank: bank, threads: BankModels.blasThreads,
            command: "serumcheck simulate \(path) --seed \(caseSeed) --threads \(BankModels.blasThreads)")
        let result = try simulation.run()
        let honest = result.workers.filter { $0.strategy == HonestStrategy.name }
        let losses = honest.map { w -> Double in
            guard let before = w.accuracyBefore, let after = w.accuracyAfter else { return 0 }
            return 100 * (before - after)
        }
        guard !losses.isEmpty else {
            return ScenarioVerdict(
                label: "no honest worker", test: PairedTest(gains: [0], rule: .exact, confidence: 0.99),
                violated: false)
        }
        let worst = honest.indices.max { losses[$0] < losses[$1] }!
        let w = honest[worst]
        let label = "simulate --seed \(caseSeed): honest worker \(w.worker) test accuracy "
            + "\(Self.percent(w.accuracyBefore)) -> \(Self.percent(w.accuracyAfter))"
        let test = PairedTest(gains: losses, rule: .exact, confidence: 0.99)
        return ScenarioVerdict(label: label, test: test, violated: test.violated)
    }

    static func percent(_ x: Double?) -> String {
        x.map { String(format: "%.1f%%", 100 * $0) } ?? "-"
    }
}

extension ScenarioVerdict: ViolationCounting {
    var violationCount: Int { violated ? 1 : 0 }
}

extension PipelineCheck {
    /// The mergeable summary of `distillation-helps-honest` over `cases` (in parallel on
    /// `threads`; each case's result depends on its index alone).
    public static func summary(
        spec: Spec, path: String, text: String, seed: UInt64, cases: [Int], threads: Int,
        bank: PredictionBank?, command: String, progress: @Sendable (Int, Int) -> Void = { _, _ in }
    ) throws -> PropertySummary {
        let id = FuzzPropertyID.distillationHelpsHonest
        let verdicts = try ParallelCases.map(cases, threads: threads, progress: progress) { index in
            try judge(spec: spec, path: path, seed: seed, index: index, bank: bank)
        }
        var summary = PropertySummary(id: id.rawValue)
        for (index, verdict) in zip(cases, verdicts) {
            var one = PropertySummary(id: id.rawValue)
            one.cases = 1
            var finding = PropertySummary.Finding(
                caseIndex: index, label: verdict.label, test: verdict.test, counterexample: nil)
            if verdict.violated {
                finding.counterexample = Counterexample(
                    schema: Counterexample.schema, property: id.rawValue, specName: spec.name,
                    specPath: path, specText: text, seed: seed, caseIndex: index, confidence: 1,
                    federation: nil, profile: nil, contract: nil, label: verdict.label,
                    test: verdict.test, originalShape: "simulate --seed \(Self.seed(campaign: seed, index: index))",
                    shrinkSteps: 0, command: command)
                one.violation = finding
            } else {
                one.nearest = finding
            }
            summary = summary.merged(with: one)
        }
        return summary
    }
}
