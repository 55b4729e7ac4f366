import Mechanisms

/// The colluding strategy of Witt et al., section 5.5: train and predict like an honest worker,
/// but report `classMap[label]` instead of the predicted label (the paper's coalition maps
/// classes 0-4 to 0 and 5-9 to 9), keeping the certainty threshold and a true labelCount.
public struct ColludingStrategy: WorkerStrategy {
    /// The class reported for each predicted class.
    public let classMap: [Int]

    /// `"colluding"`, the name specs and the catalogue use.
    public static let name = "colluding"

    /// ``name``.
    public var name: String { Self.name }
    /// Colluding workers train (they need predictions to map).
    public var trainsModel: Bool { true }

    /// A colluding worker reporting `classMap[x]` when its model predicts x.
    public init(classMap: [Int]) {
        precondition(classMap.allSatisfy { (0..<classMap.count).contains($0) },
                     "ColludingStrategy: class map \(classMap) leaves its classes")
        self.classMap = classMap
    }

    /// Y_j = classMap[argmax_j] where A_ij ≥ threshold, ``WorkerReport/noReport`` elsewhere.
    public func report(predictions: LocalPredictions?, context: ReportContext,
                       generator: inout SplitMix64) -> WorkerReport {
        let honest = HonestStrategy().report(predictions: predictions, context: context, generator: &generator)
        precondition(classMap.count == context.classes,
                     "ColludingStrategy: map of \(classMap.count) classes for \(context.classes)")
        let y = honest.y.map { $0 == WorkerReport.noReport ? $0 : UInt8(classMap[Int($0)]) }
        return WorkerReport(y: y, classes: context.classes)
    }
}
