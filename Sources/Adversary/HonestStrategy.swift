import Mechanisms

/// The honest strategy of Witt et al., section 3.2: train, predict, and report the argmax label
/// of every sample whose certainty A_ij (Eq. 5) reaches the threshold, with a true labelCount.
public struct HonestStrategy: WorkerStrategy {
    /// `"honest"`, the name specs and the catalogue use.
    public static let name = "honest"

    /// ``name``.
    public var name: String { Self.name }
    /// Honest workers train.
    public var trainsModel: Bool { true }

    /// The honest strategy.
    public init() {}

    /// Y_j = argmax_j where A_ij ≥ threshold, ``WorkerReport/noReport`` elsewhere.
    public func report(predictions: LocalPredictions?, context: ReportContext,
                       generator: inout SplitMix64) -> WorkerReport {
        guard let predictions else { preconditionFailure("HonestStrategy needs predictions") }
        precondition(predictions.samples == context.samples,
                     "HonestStrategy: \(predictions.samples) predictions for \(context.samples) samples")
        // A_ij = accuracy * maxProbability_j, exactly as `LocalPredictions.certainty(_:)`.
        let m = context.samples, accuracy = predictions.accuracy
        let threshold = context.certaintyThreshold
        let y = [UInt8](unsafeUninitializedCapacity: m) { y, initialized in
            predictions.labels.withUnsafeBufferPointer { labels in
                predictions.maxProbability.withUnsafeBufferPointer { probability in
                    for j in 0 ..< m {
                        y[j] = accuracy * Double(probability[j]) >= threshold ? labels[j] : WorkerReport.noReport
                    }
                }
            }
            initialized = m
        }
        return WorkerReport(y: y, classes: context.classes)
    }
}
