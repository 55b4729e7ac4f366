public import Adversary

extension Spec {
    /// What `serumcheck simulate` needs beyond the mechanism: the data, the workers' training
    /// effort and their strategies (`[data]`, `[training]`, `[strategies]`).
    ///
    /// A spec has a simulation when any of the three tables is present; absent tables take
    /// their defaults. Every per-worker list holds exactly `federation.workers` entries.
    public struct Simulation: Hashable, Sendable {
        /// `[data]`: where the images come from and how they are split.
        public var data: Data
        /// `[training]`: architectures, effort, reporting threshold and distillation.
        public var training: Training
        /// `[strategies]`: what each worker does.
        public var strategies: Strategies

        /// A simulation from its three tables; `init(workers:classes:)` gives the defaults.
        public init(data: Data, training: Training, strategies: Strategies) {
            self.data = data
            self.training = training
            self.strategies = strategies
        }
    }
}

extension Spec.Simulation {
    /// The `[data]` table: IDX files and the seeded Dirichlet split (Witt et al., section 5.1).
    public struct Data: Hashable, Sendable {
        /// The directory of the Fashion-MNIST files that `scripts/setup` installs.
        public static let fashionMNISTDirectory = "/usr/share/datasets/fashion-mnist"

        /// IDX images of the training pool (private sets and X_pub are drawn from it).
        public var trainImages: String
        /// IDX labels of the training pool.
        public var trainLabels: String
        /// IDX images of the test set.
        public var testImages: String
        /// IDX labels of the test set.
        public var testLabels: String
        /// alpha, the Dirichlet concentration of each worker's class mix (> 0; 0.1, 1 and 100 in
        /// the paper).
        public var alpha: Double
        /// The most private samples each worker gets, in worker order (each >= 1).
        public var privateSizes: [Int]
        /// |X_pub|, the public samples, disjoint from every private set (>= 1).
        public var publicSize: Int
        /// The test samples used to measure accuracy; `nil` for the whole test set.
        public var testSize: Int?
        /// The seed of the split (0 ... 2^63 - 1, so that it can be written in TOML).
        public var seed: UInt64

        /// A `[data]` table; every key but the private sizes has the default of `specs/README.md`.
        public init(
            trainImages: String = fashionMNISTDirectory + "/train-images-idx3-ubyte.gz",
            trainLabels: String = fashionMNISTDirectory + "/train-labels-idx1-ubyte.gz",
            testImages: String = fashionMNISTDirectory + "/t10k-images-idx3-ubyte.gz",
            testLabels: String = fashionMNISTDirectory + "/t10k-labels-idx1-ubyte.gz",
            alpha: Double = 1, privateSizes: [Int], publicSize: Int = 2000, testSize: Int? = nil,
            seed: UInt64 = 0
        ) {
            self.trainImages = trainImages
            self.trainLabels = trainLabels
            self.testImages = testImages
            self.testLabels = testLabels
            self.alpha = alpha
            self.privateSizes = privateSizes
            self.publicSize = publicSize
            self.testSize = testSize
            self.seed = seed
        }
    }

    /// A network architecture a worker may train.
    public enum Architecture: String, Hashable, Sendable, CaseIterable {
        /// Multinomial logistic regression.
        case softmax
        /// A multi-layer perceptron with one hidden layer of 128 units.
        case mlp
        /// LeNet-5.
        case lenet5
    }

    /// The `[training]` table: each worker's effort, its reporting threshold and distillation.
    public struct Training: Hashable, Sendable {
        /// Each worker's architecture (workers may differ: distillation allows it).
        public var architectures: [Architecture]
        /// Each worker's local training epochs (0 ... 1000; 0 leaves the network untrained).
        public var epochs: [Int]
        /// Each worker's early-stopping target: training stops after the first epoch whose
        /// training accuracy reaches it (0 ... 1; 1 means train every epoch).
        public var targetAccuracy: [Double]
        /// The mini-batch size of training and distillation (1 ... 65536).
        public var batchSize: Int
        /// A worker reports sample j only if its certainty A_ij = accuracy x max softmax
        /// probability (Eq. 5) reaches this (0 ... 1; 0 reports everything).
        public var certaintyThreshold: Double
        /// Epochs of distillation on (X_pub, Y_aggr) after each round (0 ... 1000).
        public var distillationEpochs: Int
        /// The seed of initialisation and shuffling (0 ... 2^63 - 1).
        public var seed: UInt64

        /// A `[training]` table with the given per-worker lists; the other keys default as in
        /// `specs/README.md`.
        public init(
            architectures: [Architecture], epochs: [Int], targetAccuracy: [Double],
            batchSize: Int = 64, certaintyThreshold: Double = 0, distillationEpochs: Int = 1,
            seed: UInt64 = 0
        ) {
            self.architectures = architectures
            self.epochs = epochs
            self.targetAccuracy = targetAccuracy
            self.batchSize = batchSize
            self.certaintyThreshold = certaintyThreshold
            self.distillationEpochs = distillationEpochs
            self.seed = seed
        }
    }

    /// The `[strategies]` table: the strategy of each worker and the strategies' parameters.
    ///
    /// Strategy names are those of `StrategyCatalog.standard` (module `Adversary`), which is
    /// also the order in which fractions are assigned. The attack parameters default as in
    /// `StrategyParameters`.
    public struct Strategies: Hashable, Sendable {
        /// The paper's collusion map (section 5.5): classes 0-4 report 0, classes 5-9 report 9.
        public static func paperCollusionMap(classes: Int) -> [Int] {
            (0..<classes).map { $0 < (classes + 1) / 2 ? 0 : classes - 1 }
        }

        /// Each worker's strategy, a name in `StrategyCatalog.standard`, in worker order.
        public var assignment: [String]
        /// What the strategies are built with: the heuristic label distribution
        /// (`heuristic_labels`, uniform by default), the class maps (`collusion_map`,
        /// `misreport_map`) and the attack parameters (`certainty_threshold`, `padding_rate`,
        /// `padding_random`, `sybil_identities`, `copy_target`, `label_count_lie`,
        /// `out_of_protocol_move`), each defaulting as in `StrategyParameters`.
        public var parameters: StrategyParameters

        /// A `[strategies]` table from an assignment and the strategies' parameters.
        public init(assignment: [String], parameters: StrategyParameters) {
            self.assignment = assignment
            self.parameters = parameters
        }

        /// A `[strategies]` table for `collusionMap.count` classes; heuristic workers draw
        /// uniform labels unless told otherwise, and the attack parameters not given take the
        /// defaults of `StrategyParameters`.
        public init(
            assignment: [String], heuristicLabels: Spec.Prior = .uniform, collusionMap: [Int],
            misreportMap: [Int]? = nil, certaintyThreshold: Double? = nil, paddingRate: Double? = nil,
            paddingRandom: Bool? = nil, sybilIdentities: Int? = nil, copyTarget: Int? = nil,
            labelCountLie: LabelCountLie? = nil, outOfProtocolMove: OutOfProtocolMove? = nil
        ) {
            let classes = collusionMap.count
            var p = StrategyParameters(
                classes: classes, heuristicLabels: heuristicLabels.probabilities(classes: classes),
                collusionMap: collusionMap, misreportMap: misreportMap)
            if let certaintyThreshold { p.certaintyThreshold = certaintyThreshold }
            if let paddingRate { p.paddingRate = paddingRate }
            if let paddingRandom { p.paddingRandom = paddingRandom }
            if let sybilIdentities { p.sybilIdentities = sybilIdentities }
            if let copyTarget { p.copyTarget = copyTarget }
            if let labelCountLie { p.labelCountLie = labelCountLie }
            if let outOfProtocolMove { p.outOfProtocolMove = outOfProtocolMove }
            self.init(assignment: assignment, parameters: p)
        }
    }
}
