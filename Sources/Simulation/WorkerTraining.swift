import Adversary
import Learning
import Mechanisms
import Specs

/// What determines a worker's locally trained model (Witt et al., section 5.3: architecture,
/// epochs, early stopping and data size are the worker's effort).
public struct WorkerEffort: Hashable, Sendable {
    /// The network.
    public var architecture: Spec.Simulation.Architecture
    /// The most local training epochs.
    public var epochs: Int
    /// Training stops after the first epoch whose training accuracy reaches this.
    public var targetAccuracy: Double
    /// The mini-batch size.
    public var batchSize: Int
    /// The seed of initialisation and shuffling for this worker.
    public var seed: UInt64

    /// An effort from its parts.
    public init(architecture: Spec.Simulation.Architecture, epochs: Int, targetAccuracy: Double,
                batchSize: Int, seed: UInt64) {
        self.architecture = architecture
        self.epochs = epochs
        self.targetAccuracy = targetAccuracy
        self.batchSize = batchSize
        self.seed = seed
    }
}

/// Local training and prediction of one worker.
public enum WorkerTraining {
    /// A fresh network of `architecture` for `classes` classes on `height × width` images,
    /// initialised from `seed`.
    public static func network(_ architecture: Spec.Simulation.Architecture, height: Int, width: Int,
                               classes: Int, seed: UInt64) -> Sequential {
        switch architecture {
        case .softmax:
            Architectures.softmaxRegression(inputs: height * width, classes: classes, seed: seed)
        case .mlp:
            Architectures.mlp(inputs: height * width, hidden: [128], classes: classes, seed: seed)
        case .lenet5:
            Architectures.leNet5(channels: 1, height: height, width: width, classes: classes, seed: seed)
        }
    }

    /// The smallest image height and width `architecture` reads: any positive size for the
    /// dense networks, ``Architectures/leNet5MinimumSide`` for LeNet-5.
    public static func minimumImageSide(_ architecture: Spec.Simulation.Architecture) -> Int {
        switch architecture {
        case .softmax, .mlp: 1
        case .lenet5: Architectures.leNet5MinimumSide
        }
    }

    /// The outcome of local training.
    public struct Outcome {
        /// The trained network.
        public let network: Sequential
        /// The epochs actually run (fewer than asked when early stopping fired).
        public let epochs: Int
        /// The accuracy on the worker's own private data, `Accuracy_θi` of Eq. 5.
        public let localAccuracy: Double
    }

    /// Trains a worker's network on its private data with cross-entropy and Adam (lr 0.001,
    /// as in the paper), stopping after the first epoch whose training accuracy reaches
    /// `effort.targetAccuracy` (checked only when that target is below 1).
    ///
    /// The initial weights come from the first draw of `SplitMix64(seed: effort.seed)` and the
    /// shuffling from the second, so the effort fixes the model bit for bit (for one BLAS
    /// thread count).
    ///
    /// - Parameters:
    ///   - effort: The worker's effort.
    ///   - pixels: Private images, one after the other.
    ///   - labels: Private labels.
    ///   - height, width, classes: The image shape and |C|.
    ///   - progress: Called after every batch.
    public static func train(effort: WorkerEffort, pixels: [Float], labels: [Int], height: Int, width: Int,
                             classes: Int, progress: ((TrainingProgress) -> Void)? = nil) -> Outcome {
        var seeds = SplitMix64(seed: effort.seed)
        let network = network(effort.architecture, height: height, width: width, classes: classes, seed: seeds.next())
        let shuffleSeed = seeds.next()
        var accuracy: Double? = nil
        var completed = 0
        if effort.epochs > 0 && !labels.isEmpty {
            let trainer = Trainer(network: network)
            let losses = trainer.train(
                pixels: pixels, labels: labels, epochs: effort.epochs, batchSize: effort.batchSize,
                seed: shuffleSeed, progress: progress,
                shouldContinue: effort.targetAccuracy < 1 ? { _ in
                    let reached = network.accuracy(pixels: pixels, labels: labels)
                    accuracy = reached
                    return reached < effort.targetAccuracy
                } : nil)
            completed = losses.count
        }
        let local = accuracy ?? (labels.isEmpty ? 0 : network.accuracy(pixels: pixels, labels: labels))
        return Outcome(network: network, epochs: completed, localAccuracy: local)
    }

    /// The worker's predictions on X_pub: argmax labels, max softmax probabilities, and
    /// `localAccuracy` for the certainty A_ij.
    public static func predictions(of network: Sequential, publicPixels: [Float], count: Int,
                                   localAccuracy: Double) -> LocalPredictions {
        let probabilities = network.predict(pixels: publicPixels, count: count)
        let classes = probabilities.columns
        var labels: [UInt8] = [], maxima: [Float] = []
        labels.reserveCapacity(count)
        maxima.reserveCapacity(count)
        probabilities.storage.withUnsafeBufferPointer { p in
            for row in 0..<count {
                var best = 0
                for k in 1..<classes where p[row * classes + k] > p[row * classes + best] { best = k }
                labels.append(UInt8(best))
                maxima.append(p[row * classes + best])
            }
        }
        return LocalPredictions(labels: labels, maxProbability: maxima, accuracy: localAccuracy)
    }
}
