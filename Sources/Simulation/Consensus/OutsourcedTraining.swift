// Consensus instantiations of Lu, Tang and Wang (section V), instantiation (2): outsourced
// training. Training is a randomised program w = F(x; r); drawing every random choice from the
// requester's coin r (via `CoinRandomness`) and running OpenBLAS on one thread makes it a
// function of (x, r), so honest workers commit the same `weightDigest`.
import Learning
import Ledger
import Mechanisms

/// The outsourced-training task (Lu, Tang and Wang, section V, "Training ML classifier").
///
/// The requester publishes the training program F, the training data x and the coin r. All
/// randomness of F comes from r, one coin use each (`CoinRandomness.nextSeed()`):
/// - ctr 0: the initialisation seed, passed to the `Architectures` factory;
/// - ctr 1: the shuffling seed, passed to `Trainer.train` (epoch e shuffles with
///   `SplitMix64(seed:stream: e)`).
/// The result is the 32-byte `weightDigest` of the trained network. Training runs with Adam
/// at its default learning rate and OpenBLAS on one thread.
public struct OutsourcedTraining: ConsensusTask, Sendable {
    /// The network architecture of the training program.
    public enum Architecture: Hashable, Sendable {
        /// `Architectures.softmaxRegression`.
        case softmaxRegression
        /// `Architectures.mlp` with these hidden widths.
        case mlp(hidden: [Int])
        /// `Architectures.leNet5` (one channel, the images' height and width).
        case leNet5

        /// A freshly initialised network of this architecture.
        /// - Parameters:
        ///   - data: the images it will read (fixes the input size and the classes).
        ///   - seed: the initialisation seed.
        public func network(for data: LabelledImages, seed: UInt64) -> Sequential {
            let inputs = data.rows * data.columns
            switch self {
            case .softmaxRegression:
                return Architectures.softmaxRegression(inputs: inputs, classes: data.classes, seed: seed)
            case .mlp(let hidden):
                return Architectures.mlp(inputs: inputs, hidden: hidden, classes: data.classes, seed: seed)
            case .leNet5:
                return Architectures.leNet5(
                    height: data.rows, width: data.columns, classes: data.classes, seed: seed)
            }
        }
    }

    /// Everything that determines a training run: the honest recipe follows the task, a lazy
    /// worker changes some of it.
    public struct Recipe: Hashable, Sendable {
        /// The architecture.
        public var architecture: Architecture
        /// The number of passes over the data.
        public var epochs: Int
        /// The examples per Adam step.
        public var batchSize: Int
        /// The seed of the initial weights.
        public var initialisationSeed: UInt64
        /// The seed of the per-epoch shuffling.
        public var shufflingSeed: UInt64

        /// A recipe with these fields; see the properties.
        public init(
            architecture: Architecture, epochs: Int, batchSize: Int,
            initialisationSeed: UInt64, shufflingSeed: UInt64
        ) {
            self.architecture = architecture
            self.epochs = epochs
            self.batchSize = batchSize
            self.initialisationSeed = initialisationSeed
            self.shufflingSeed = shufflingSeed
        }
    }

    /// The data set the training indices refer to.
    public let data: LabelledImages
    /// x: the requester's training examples, as indices of `data`, in this order.
    public let trainingIndices: [Int]
    /// r: the requester's coin.
    public let coin: Hash32
    /// F with its coins drawn from r: the recipe an honest worker follows.
    public let recipe: Recipe

    /// The task of training `architecture` for `epochs` epochs on `trainingIndices` of `data`,
    /// with every random choice drawn from `coin`.
    /// - Parameters:
    ///   - data: the data set.
    ///   - trainingIndices: the training examples (non-empty, each in `0 ..< data.count`).
    ///   - architecture: the network to train.
    ///   - epochs: passes over the data (>= 0).
    ///   - batchSize: examples per step (> 0).
    ///   - coin: r.
    public init(
        data: LabelledImages, trainingIndices: [Int], architecture: Architecture, epochs: Int,
        batchSize: Int, coin: Hash32
    ) {
        precondition(!trainingIndices.isEmpty && trainingIndices.allSatisfy { (0 ..< data.count).contains($0) },
                     "OutsourcedTraining: training indices must be non-empty and inside the data")
        precondition(epochs >= 0 && batchSize > 0, "OutsourcedTraining: \(epochs) epochs, batch \(batchSize)")
        self.data = data
        self.trainingIndices = trainingIndices
        self.coin = coin
        let seeds = Self.seeds(coin: coin)
        self.recipe = Recipe(
            architecture: architecture, epochs: epochs, batchSize: batchSize,
            initialisationSeed: seeds.initialisation, shufflingSeed: seeds.shuffling)
    }

    /// The training seeds that `coin` yields: coin uses 0 and 1 of `CoinRandomness(coin:)`.
    public static func seeds(coin: Hash32) -> (initialisation: UInt64, shuffling: UInt64) {
        var coins = CoinRandomness(coin: coin)
        let initialisation = coins.nextSeed()
        return (initialisation, coins.nextSeed())
    }

    /// Trains a fresh network by `recipe` on the task's training examples.
    ///
    /// Sets OpenBLAS to one thread (process-wide, and left so: restoring an earlier count
    /// could race with another training in the same process), which makes the result
    /// bit-for-bit reproducible.
    /// - Parameter recipe: the recipe (the task's own for an honest worker).
    /// - Complexity: `recipe.epochs` passes of forward and backward over the examples.
    public func train(_ recipe: Recipe) -> Sequential {
        BLAS.setThreads(1)
        let features = data.rows * data.columns
        var pixels: [Float] = []
        pixels.reserveCapacity(trainingIndices.count * features)
        for index in trainingIndices {
            pixels.append(contentsOf: data.pixels[index * features ..< (index + 1) * features])
        }
        let labels = trainingIndices.map { Int(data.labels[$0]) }
        let network = recipe.architecture.network(for: data, seed: recipe.initialisationSeed)
        Trainer(network: network).train(
            pixels: pixels, labels: labels, epochs: recipe.epochs, batchSize: recipe.batchSize,
            seed: recipe.shufflingSeed)
        return network
    }

    /// w = F(x; r): the network an honest worker trains.
    public func honestModel() -> Sequential { train(recipe) }

    /// The result an honest worker commits: the `weightDigest` of `honestModel()`.
    public func honestResult() -> Hash32 { honestModel().weightDigest }
}
