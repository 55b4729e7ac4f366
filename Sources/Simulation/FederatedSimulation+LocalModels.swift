import Adversary
import Learning
import Mechanisms

/// What every worker's locally trained model predicts on X_pub, with X_pub's true labels: the
/// real predictions a fuzz campaign replays against (`serumcheck fuzz --workers bank`).
public struct LocalModels: Sendable {
    /// One entry per worker: its model's predictions on every public sample.
    public var predictions: [LocalPredictions]
    /// The true class of every public sample.
    public var publicLabels: [UInt8]
    /// Each worker's test accuracy before any distillation.
    public var testAccuracy: [Double]
}

extension FederatedSimulation {
    /// Loads the data and trains every worker's local model, or takes it from the bank, as
    /// `run` does before its first round, but for every worker whatever its strategy (a fuzz
    /// campaign lets any seat deviate).
    /// - Throws: ``SimulationError`` for data that cannot be loaded or split.
    public func localModels(onEvent: @escaping (SimulationEvent) -> Void = { _ in }) throws(SimulationError)
        -> LocalModels
    {
        BLAS.setThreads(threads)
        let spec = plan.spec
        let n = spec.federation.workers, classes = spec.federation.classes
        let data = try FederationData(data: plan.simulation.data, workers: n, classes: classes)
        try data.checkImageSize(
            training: plan.simulation.training, images: plan.simulation.data.trainImages, workers: 0..<n, file: file)
        onEvent(.loaded(workers: n, publicSamples: data.publicCount, testSamples: data.testLabels.count))
        let workers = (0..<n).map { trainedWorker($0, data: data, onEvent: onEvent) }
        return LocalModels(
            predictions: workers.map { $0.predictions! },
            publicLabels: data.publicLabels.map { UInt8($0) },
            testAccuracy: workers.map { $0.accuracyBefore ?? 0 })
    }
}
