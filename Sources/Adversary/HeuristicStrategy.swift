import Mechanisms

/// The heuristic strategy of Witt et al., section 3.3: skip training and report, for every
/// public sample, a label drawn independently from a fixed distribution (uniform in the
/// paper's experiments, section 5.5), with a true labelCount.
public struct HeuristicStrategy: WorkerStrategy {
    /// The probability of each class, non-negative, summing to 1.
    public let distribution: [Double]

    /// `"heuristic"`, the name specs and the catalogue use.
    public static let name = "heuristic"

    /// ``name``.
    public var name: String { Self.name }
    /// Heuristic workers do not train.
    public var trainsModel: Bool { false }

    /// A heuristic worker drawing labels from `distribution` (one probability per class).
    public init(distribution: [Double]) {
        precondition(!distribution.isEmpty && distribution.allSatisfy { $0 >= 0 && $0.isFinite },
                     "HeuristicStrategy: bad distribution \(distribution)")
        let total = distribution.reduce(0, +)
        precondition(abs(total - 1) < 1e-6, "HeuristicStrategy: distribution sums to \(total)")
        self.distribution = distribution
    }

    /// One label per sample by inverse-CDF sampling of a uniform draw in [0, 1).
    public func report(predictions: LocalPredictions?, context: ReportContext,
                       generator: inout SplitMix64) -> WorkerReport {
        precondition(distribution.count == context.classes,
                     "HeuristicStrategy: \(distribution.count) probabilities for \(context.classes) classes")
        var cumulative: [Double] = []
        var running = 0.0
        for p in distribution {
            running += p
            cumulative.append(running)
        }
        let last = distribution.lastIndex { $0 > 0 } ?? 0
        let y = (0..<context.samples).map { _ -> UInt8 in
            let u = Double(generator.next() >> 11) * 0x1p-53
            let label = cumulative.firstIndex { u < $0 } ?? last
            return UInt8(min(label, last))
        }
        return WorkerReport(y: y, classes: context.classes)
    }
}
