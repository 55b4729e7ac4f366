import Learning

/// What a running simulation reports as it goes, for progress bars and logs.
public enum SimulationEvent: Sendable {
    /// The data is loaded and split.
    case loaded(workers: Int, publicSamples: Int, testSamples: Int)
    /// Worker `worker` finished a training batch.
    case training(worker: Int, progress: TrainingProgress)
    /// Worker `worker` has its local model (trained now, or from the bank).
    case trained(worker: Int, epochs: Int, localAccuracy: Double, testAccuracy: Double, fromBank: Bool)
    /// A prediction-bank entry was unusable and is being recomputed.
    case bankWarning(String)
    /// Round `round` is settled.
    case settled(round: Int, labelled: Int, aggregatedAccuracy: Double)
    /// Worker `worker` finished a distillation batch of round `round`.
    case distilling(worker: Int, round: Int, progress: TrainingProgress)
    /// Worker `worker` finished distilling in round `round`.
    case distilled(worker: Int, round: Int, testAccuracy: Double)
}
