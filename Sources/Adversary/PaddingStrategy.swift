import Mechanisms

/// A worker that pads its report: it reports every sample a ``CertaintyThresholdStrategy`` with
/// the same threshold reports, and on top of that a share of the samples below the threshold,
/// where Eq. 7 of Witt et al. says a report is expected to lose (A_ij too small for
/// `1/R(x) - β` to pay). A padded sample carries the worker's own unsure prediction, or, with
/// `random`, a uniformly random label: the heuristic report of section 3.3 (Eq. 8) on those
/// samples. The `padding-unprofitable` property asks that padding never pays.
///
/// Which samples are padded, and the random labels, come from the generator passed to
/// ``report(predictions:context:generator:)``; the labelCount is the true count of the report.
public struct PaddingStrategy: WorkerStrategy {
    /// `"padding"`, the name specs and the catalogue use.
    public static let name = "padding"

    /// The certainty A_ij (Eq. 5) at which a sample is reported without padding, in [0, 1].
    public let threshold: Double
    /// The share of the samples below the threshold that are padded, in [0, 1].
    public let rate: Double
    /// Whether padded samples get a uniformly random label (true) or the model's own
    /// prediction (false).
    public let random: Bool

    /// ``name``.
    public var name: String { Self.name }
    /// The worker trains (its certainties come from its model).
    public var trainsModel: Bool { true }

    /// A padding worker.
    ///
    /// - Precondition: `threshold` and `rate` are in [0, 1] (specs check
    ///   `strategies.certainty_threshold` and `strategies.padding_rate`).
    public init(threshold: Double, rate: Double, random: Bool) {
        precondition((0...1).contains(threshold), "PaddingStrategy: threshold \(threshold)")
        precondition((0...1).contains(rate), "PaddingStrategy: rate \(rate)")
        self.threshold = threshold
        self.rate = rate
        self.random = random
    }

    /// How many of `below` unsure samples are padded: `floor(rate * below)`, so rate 1 pads
    /// them all and rate 0 none.
    public func paddedCount(below: Int) -> Int {
        min(below, Int((rate * Double(below)).rounded(.down)))
    }

    /// The certain samples as ``CertaintyThresholdStrategy`` reports them, plus
    /// ``paddedCount(below:)`` unsure samples chosen uniformly without replacement (a partial
    /// Fisher–Yates shuffle of the unsure samples in index order), each labelled with the
    /// model's prediction or, with ``random``, a uniform class.
    ///
    /// - Complexity: O(m).
    public func report(predictions: LocalPredictions?, context: ReportContext,
                       generator: inout SplitMix64) -> WorkerReport {
        guard let predictions else { preconditionFailure("PaddingStrategy needs predictions") }
        let certain = CertaintyThresholdStrategy(threshold: threshold)
        var y = certain.report(predictions: predictions, context: context, generator: &generator).y
        var unsure = (0..<context.samples).filter { !certain.isCertain(predictions, $0) }
        let padded = paddedCount(below: unsure.count)
        for k in 0..<padded {
            let pick = Int.random(in: k..<unsure.count, using: &generator)
            unsure.swapAt(k, pick)
            let j = unsure[k]
            y[j] = random ? UInt8(Int.random(in: 0..<context.classes, using: &generator)) : predictions.labels[j]
        }
        return WorkerReport(y: y, classes: context.classes)
    }
}
