// Consensus instantiations of Lu, Tang and Wang (section V): worker behaviours for the
// outsourced-training task. Each trains by a recipe (the task's, or a cheaper or different
// one) and reveals the weight digest; adding a behaviour means adding a type here.
import Adversary

/// A training worker: trains by `recipe(for:)` and reveals the trained network's
/// `weightDigest`.
public protocol RecipeTrainer: ConsensusWorker where Task == OutsourcedTraining {
    /// The recipe this worker actually follows.
    func recipe(for task: OutsourcedTraining) -> OutsourcedTraining.Recipe
}

extension RecipeTrainer {
    /// Trains by `recipe(for:)` and reveals the 32-byte weight digest.
    public func action(for task: OutsourcedTraining) -> ConsensusAction {
        .reveal(task.train(recipe(for: task)).weightDigest.bytes)
    }
}

/// σt: follows the task's recipe, every coin from r.
public struct HonestTrainer: RecipeTrainer, Sendable {
    /// An honest trainer.
    public init() {}
    /// "honest".
    public var name: String { "honest" }
    /// The task's recipe.
    public func recipe(for task: OutsourcedTraining) -> OutsourcedTraining.Recipe { task.recipe }
}

/// A lazy trainer that stops after fewer epochs than the task asks for.
public struct TrainsFewerEpochs: RecipeTrainer, Sendable {
    /// The epochs it actually trains.
    public var epochs: Int
    /// A trainer stopping after `epochs` epochs.
    public init(epochs: Int) { self.epochs = epochs }
    /// "fewer epochs (e)".
    public var name: String { "fewer epochs (\(epochs))" }
    /// The task's recipe with `epochs` epochs.
    public func recipe(for task: OutsourcedTraining) -> OutsourcedTraining.Recipe {
        var recipe = task.recipe
        recipe.epochs = epochs
        return recipe
    }
}

/// A lazy trainer that trains a different (say, cheaper) architecture.
public struct TrainsOtherArchitecture: RecipeTrainer, Sendable {
    /// The architecture it trains instead.
    public var architecture: OutsourcedTraining.Architecture
    /// A trainer of `architecture`.
    public init(architecture: OutsourcedTraining.Architecture) { self.architecture = architecture }
    /// "other architecture".
    public var name: String { "other architecture" }
    /// The task's recipe with `architecture`.
    public func recipe(for task: OutsourcedTraining) -> OutsourcedTraining.Recipe {
        var recipe = task.recipe
        recipe.architecture = architecture
        return recipe
    }
}

/// A trainer that does the full work but with its own seeds instead of r's coins (a
/// correct-looking model that nobody else can reproduce).
public struct TrainsWithOwnSeed: RecipeTrainer, Sendable {
    /// Its initialisation seed.
    public var initialisationSeed: UInt64
    /// Its shuffling seed.
    public var shufflingSeed: UInt64
    /// A trainer with these seeds.
    public init(initialisationSeed: UInt64, shufflingSeed: UInt64) {
        self.initialisationSeed = initialisationSeed
        self.shufflingSeed = shufflingSeed
    }
    /// "own seed".
    public var name: String { "own seed" }
    /// The task's recipe with its own seeds.
    public func recipe(for task: OutsourcedTraining) -> OutsourcedTraining.Recipe {
        var recipe = task.recipe
        recipe.initialisationSeed = initialisationSeed
        recipe.shufflingSeed = shufflingSeed
        return recipe
    }
}
