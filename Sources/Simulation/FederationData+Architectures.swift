import Specs

extension FederationData {
    /// Refuses images smaller than a training worker's architecture reads
    /// (`WorkerTraining.minimumImageSide`), before any network is built.
    ///
    /// The error names `training.architecture` (with the worker's index when the workers'
    /// architectures differ), the architecture, the minimum and the images' size, and the
    /// images file: `x.toml: training.architecture: lenet5 needs images of at least 12x12,
    /// got 11x11 (data.train_images = "small.idx")`.
    /// - Parameters:
    ///   - training: the `[training]` table (one architecture per worker).
    ///   - images: `data.train_images`, for the message.
    ///   - workers: the workers that build a network.
    ///   - file: the spec's path.
    /// - Throws: ``SimulationError/badSpecValue(file:key:reason:)``.
    /// - Complexity: O(n).
    public func checkImageSize(
        training: Spec.Simulation.Training, images: String, workers: some Sequence<Int>, file: String
    ) throws(SimulationError) {
        let architectures = training.architectures
        for worker in workers {
            let architecture = architectures[worker]
            let side = WorkerTraining.minimumImageSide(architecture)
            guard height < side || width < side else { continue }
            let uniform = architectures.allSatisfy { $0 == architecture }
            throw .badSpecValue(
                file: file, key: uniform ? "training.architecture" : "training.architecture[\(worker)]",
                reason: "\(architecture.rawValue) needs images of at least \(side)x\(side), got "
                    + "\(height)x\(width) (data.train_images = \"\(images)\")")
        }
    }
}
