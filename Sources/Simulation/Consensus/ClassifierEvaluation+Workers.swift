// Consensus instantiations of Lu, Tang and Wang (section V): worker behaviours for the
// classifier-evaluation task, one value type each; adding a behaviour means adding a type here.
import Adversary
import Ledger

/// σt: evaluates the model on the coin's subset and reveals the indicator string.
public struct HonestEvaluator: ConsensusWorker, Sendable {
    /// An honest evaluator.
    public init() {}
    /// "honest".
    public var name: String { "honest" }
    /// Reveals `task.honestResult()`.
    public func action(for task: ClassifierEvaluation) -> ConsensusAction {
        .reveal(task.honestResult().bytes)
    }
}

/// A lazy evaluator that runs nothing and claims every sample is classified correctly.
///
/// Its string is all ones: when k is a multiple of 8 every byte is `0xFF`, which the paper's
/// E_ck (`allOne`) catches as junk; otherwise the zero padding of the last byte hides it from
/// `allOne` and it counts as a false result.
public struct ClaimsAllCorrect: ConsensusWorker, Sendable {
    /// A worker claiming precision 1.
    public init() {}
    /// "claims every sample correct".
    public var name: String { "claims every sample correct" }
    /// Reveals k one bits.
    public func action(for task: ClassifierEvaluation) -> ConsensusAction {
        .reveal(IndicatorString(Array(repeating: true, count: task.subsetSize)).bytes)
    }
}

/// A lazy evaluator that evaluates the model honestly, but on the subset of another coin
/// (say, a subset it prepared before r was released).
public struct EvaluatesOtherSubset: ConsensusWorker, Sendable {
    /// The coin whose subset it uses instead of r's.
    public var otherCoin: Hash32
    /// A worker using `otherCoin`'s subset.
    public init(otherCoin: Hash32) { self.otherCoin = otherCoin }
    /// "evaluates on a different subset".
    public var name: String { "evaluates on a different subset" }
    /// Reveals the model's indicator string on `otherCoin`'s subset of the same size.
    public func action(for task: ClassifierEvaluation) -> ConsensusAction {
        let subset = ClassifierEvaluation.drawSubset(
            coin: otherCoin, size: task.subsetSize, from: task.testSet.count)
        return .reveal(
            ClassifierEvaluation.indicator(of: task.model, on: task.testSet, indices: subset).bytes)
    }
}
