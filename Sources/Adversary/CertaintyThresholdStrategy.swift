import Mechanisms

/// A worker that reports only the predictions it is sure of, with its own threshold on the
/// certainty of Witt et al., Eq. 5,
/// ```
/// A_ij = Accuracy_θi · MaxProbabilityScore_ij,
/// ```
/// which Eq. 7 turns into the individually rational rule
/// ```
/// report sample j only if  A_ij >= R(x_ij) · (c_i(e_i) / λ + β).
/// ```
/// The worker does not know R(x) before the round, so it uses one threshold for every class:
/// `StrategyParameters.certaintyThreshold`, independent of the federation-wide
/// `training.certainty_threshold` that honest workers use. What it reports is true; only the
/// set of samples shrinks, so the `certainty-threshold-unpunished` property asks that this
/// never costs it per reported sample.
public struct CertaintyThresholdStrategy: WorkerStrategy {
    /// `"certainty-threshold"`, the name specs and the catalogue use.
    public static let name = "certainty-threshold"

    /// The certainty A_ij a prediction needs to be reported, in [0, 1].
    public let threshold: Double

    /// ``name``.
    public var name: String { Self.name }
    /// The worker trains (its certainties come from its model).
    public var trainsModel: Bool { true }

    /// A worker reporting sample j only when A_ij >= `threshold`.
    ///
    /// - Precondition: `threshold` is in [0, 1] (specs check `strategies.certainty_threshold`).
    public init(threshold: Double) {
        precondition((0...1).contains(threshold), "CertaintyThresholdStrategy: threshold \(threshold)")
        self.threshold = threshold
    }

    /// Whether sample `j` is certain enough: A_ij >= ``threshold``.
    public func isCertain(_ predictions: LocalPredictions, _ j: Int) -> Bool {
        predictions.certainty(j) >= threshold
    }

    /// Y_j = argmax_j where A_ij >= ``threshold``, ``WorkerReport/noReport`` elsewhere (the
    /// round's own threshold in `context` is ignored), with the true labelCount.
    public func report(predictions: LocalPredictions?, context: ReportContext,
                       generator: inout SplitMix64) -> WorkerReport {
        guard let predictions else { preconditionFailure("CertaintyThresholdStrategy needs predictions") }
        precondition(predictions.samples == context.samples,
                     "CertaintyThresholdStrategy: \(predictions.samples) predictions for \(context.samples) samples")
        let y = (0..<context.samples).map { j in
            isCertain(predictions, j) ? predictions.labels[j] : WorkerReport.noReport
        }
        return WorkerReport(y: y, classes: context.classes)
    }
}
