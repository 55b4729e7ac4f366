/// What a worker's own model says about the public set X_pub.
///
/// `labels[j]` is the argmax class of sample j (the 1-bit quantised soft label of Witt et al.,
/// section 2.2), `maxProbability[j]` its softmax probability, and `accuracy` the model's local
/// accuracy, `Accuracy_θi` of Eq. 5.
public struct LocalPredictions: Hashable, Sendable {
    /// The argmax class of each public sample.
    public var labels: [UInt8]
    /// The largest softmax probability of each public sample, in [0, 1].
    public var maxProbability: [Float]
    /// The model's local accuracy, in [0, 1].
    public var accuracy: Double

    /// Predictions from their parts; `labels` and `maxProbability` have one entry per sample.
    public init(labels: [UInt8], maxProbability: [Float], accuracy: Double) {
        precondition(labels.count == maxProbability.count,
                     "LocalPredictions: \(labels.count) labels but \(maxProbability.count) probabilities")
        self.labels = labels
        self.maxProbability = maxProbability
        self.accuracy = accuracy
    }

    /// The number of public samples.
    public var samples: Int { labels.count }

    /// A_ij = Accuracy_θi · MaxProbabilityScore_ij (Witt et al., Eq. 5): the worker's
    /// certainty in its prediction for sample `j`.
    public func certainty(_ j: Int) -> Double {
        accuracy * Double(maxProbability[j])
    }
}
