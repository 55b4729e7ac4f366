import Mechanisms
import Testing
@testable import Adversary

@Suite("Strategies")
struct StrategyTests {
    let none = WorkerReport.noReport

    func context(classes: Int, samples: Int, threshold: Double) -> ReportContext {
        ReportContext(classes: classes, samples: samples, certaintyThreshold: threshold, worker: 0, round: 0)
    }

    @Test("A_ij is local accuracy times max probability (Eq. 5)")
    func certainty() {
        let p = LocalPredictions(labels: [1, 2], maxProbability: [0.5, 0.25], accuracy: 0.8)
        #expect(p.certainty(0) == 0.8 * Double(Float(0.5)))
        #expect(p.certainty(1) == 0.8 * 0.25)
    }

    @Test("honest reports the argmax where A_ij reaches the threshold, with a true labelCount")
    func honestThreshold() {
        // Certainties 0.8·0.9 = 0.72, 0.8·0.5 = 0.40, 0.8·0.8 = 0.64, 0.8·0.75 = 0.60.
        let p = LocalPredictions(labels: [1, 2, 3, 3], maxProbability: [0.9, 0.5, 0.8, 0.75], accuracy: 0.8)
        var g = SplitMix64(seed: 1)
        let report = HonestStrategy().report(predictions: p, context: context(classes: 4, samples: 4, threshold: 0.6), generator: &g)
        #expect(report.y == [1, none, 3, 3])
        #expect(report.labelCount == [0, 1, 0, 2])
        #expect(report.reports == 3)
        let all = HonestStrategy().report(predictions: p, context: context(classes: 4, samples: 4, threshold: 0), generator: &g)
        #expect(all.y == [1, 2, 3, 3])
    }

    @Test("colluding maps 0-4 to 0 and 5-9 to 9 (section 5.5), after the threshold")
    func colluding() {
        let map = [0, 0, 0, 0, 0, 9, 9, 9, 9, 9]
        let p = LocalPredictions(labels: [3, 7, 4, 5, 9], maxProbability: [1, 1, 0.1, 1, 1], accuracy: 1)
        var g = SplitMix64(seed: 1)
        let report = ColludingStrategy(classMap: map).report(predictions: p, context: context(classes: 10, samples: 5, threshold: 0.5), generator: &g)
        #expect(report.y == [0, 9, none, 9, 9])
        #expect(report.labelCount == [1, 0, 0, 0, 0, 0, 0, 0, 0, 3])
    }

    @Test("heuristic labels follow the distribution, without predictions, reproducibly")
    func heuristic() {
        let strategy = HeuristicStrategy(distribution: [0, 1, 0])
        var g = SplitMix64(seed: 3)
        let point = strategy.report(predictions: nil, context: context(classes: 3, samples: 50, threshold: 0.9), generator: &g)
        #expect(point.y == [UInt8](repeating: 1, count: 50))
        #expect(point.labelCount == [0, 50, 0])

        // 40,000 uniform draws over 4 classes: each count is 10,000 ± 4σ (σ = √(40000·¼·¾) ≈ 86.6).
        let uniform = HeuristicStrategy(distribution: [0.25, 0.25, 0.25, 0.25])
        var a = SplitMix64(seed: 9), b = SplitMix64(seed: 9)
        let first = uniform.report(predictions: nil, context: context(classes: 4, samples: 40_000, threshold: 0), generator: &a)
        let again = uniform.report(predictions: nil, context: context(classes: 4, samples: 40_000, threshold: 0), generator: &b)
        #expect(first == again)
        #expect(first.labelCount.allSatisfy { abs($0 - 10_000) < 347 })
        #expect(first.labelCount.reduce(0, +) == 40_000)
        #expect(!uniform.trainsModel && HonestStrategy().trainsModel && ColludingStrategy(classMap: [0]).trainsModel)
    }

    @Test("the catalog builds the paper's strategies by name and accepts new ones")
    func catalog() {
        let parameters = StrategyParameters(classes: 2, heuristicLabels: [0.5, 0.5], collusionMap: [1, 1])
        let catalog = StrategyCatalog.standard
        #expect(Array(catalog.names.prefix(3)) == ["honest", "heuristic", "colluding"])
        #expect(catalog.strategy(named: "colluding", parameters: parameters)?.name == "colluding")
        #expect((catalog.strategy(named: "colluding", parameters: parameters) as? ColludingStrategy)?.classMap == [1, 1])
        #expect(catalog.strategy(named: "lazy", parameters: parameters) == nil)

        struct Silent: WorkerStrategy {
            var name: String { "silent" }
            var trainsModel: Bool { false }
            func report(predictions: LocalPredictions?, context: ReportContext, generator: inout SplitMix64) -> WorkerReport {
                WorkerReport(y: [UInt8](repeating: WorkerReport.noReport, count: context.samples), classes: context.classes)
            }
        }
        let extended = catalog.registering("silent") { _ in Silent() }
        #expect(extended.names.last == "silent")
        var g = SplitMix64(seed: 0)
        #expect(extended.strategy(named: "silent", parameters: parameters)?
            .report(predictions: nil, context: context(classes: 2, samples: 3, threshold: 0), generator: &g).reports == 0)
    }
}
