import Mechanisms

/// A worker that reports its honest Y but reveals a false labelCount (Witt et al., Algorithm 1
/// computes labelCount from Y; Algorithm 3 takes the revealed one on trust).
///
/// How a trusted labelCount (`label_count = "paper"`) enters the rewards (Eq. 12 and
/// Algorithm 3, line 20, as `PTSFD.inverseR` computes them): with `G(x) = sum_k
/// labelCount_k(x)` over the revealed counts,
/// ```
/// R_i(x) = (G(x) - labelCount_i(x)) / (n * M[i])                    (normalization paper)
/// R_i(x) = (G(x) - labelCount_i(x)) / sum_y (G(y) - labelCount_i(y))  (normalization proper)
/// ```
/// where M[i] is the number of samples i reported, counted from its revealed Y, not from its
/// labelCount. So worker i's own labelCount cancels out of its own R_i: **a liar cannot move
/// its own reward**. Its count enters R_i of every other worker i, through
/// `G(x) - labelCount_i(x)`, and the reward `lambda * (agreeing peers / n_peers / R_i(x) -
/// beta)` of every sample i reports as x with a peer falls as R_i(x) rises. Under
/// `normalization = "paper"` the denominator n * M[i] does not move, so claiming *more* than
/// the true count t(x) for some classes and never less lowers every other worker's reward,
/// weakly on every class and strictly on the inflated ones. Both lies do that, claiming m = |X_pub|
/// (the most any class can truly hold, so every entry is individually plausible; counts stay
/// non-negative and far from overflow):
///
/// - ``LabelCountLie/lowerOthers``: m for every class the liar reported, its true 0 for the
///   others. The others' rewards fall on the liar's own classes, where the liar would be their
///   peer; the support of the claim matches Y.
/// - ``LabelCountLie/raiseOwn``: m for every class. The others' rewards fall on every class, so
///   their mean reward falls most. Its own reward stays, so its payout rises: under the
///   zero-sum `balanced` payout a worker's payout grows with its reward's distance above the
///   mean, and under the `paper` payout `D_i + reward_i` its pro-rata share of a short pool
///   grows as the others' claims shrink.
///
/// Under `normalization = "proper"` R_i sums to 1 over the classes, so inflating some classes
/// lowers R_i on the others and the effect on a reward has no fixed sign; under
/// `label_count = "verified"` the contract recomputes the count from Y and slashes the liar
/// (`label-count-integrity`).
public struct LabelCountLiarStrategy: WorkerStrategy {
    /// `"label-count-liar"`, the name specs and the catalogue use.
    public static let name = "label-count-liar"

    /// What the liar claims.
    public let lie: LabelCountLie

    /// ``name``.
    public var name: String { Self.name }
    /// The liar trains (its Y is honest).
    public var trainsModel: Bool { true }

    /// A liar telling `lie`.
    public init(lie: LabelCountLie) {
        self.lie = lie
    }

    /// The claimed labelCount for a true count `truth` over `samples` public samples.
    ///
    /// - Parameters:
    ///   - truth: The true labelCount of the liar's Y (Algorithm 1), one entry per class.
    ///   - samples: m = |X_pub|.
    /// - Returns: Per class, `m` where the lie inflates and the truth elsewhere; every entry is
    ///   at least the truth and in 0 ... m.
    public func claimedCount(truth: [Int], samples: Int) -> [Int] {
        switch lie {
        case .raiseOwn: truth.map { _ in samples }
        case .lowerOthers: truth.map { $0 > 0 ? samples : 0 }
        }
    }

    /// The honest Y (argmax where A_ij reaches the round's threshold) with
    /// ``claimedCount(truth:samples:)`` as labelCount.
    public func report(predictions: LocalPredictions?, context: ReportContext,
                       generator: inout SplitMix64) -> WorkerReport {
        let honest = HonestStrategy().report(predictions: predictions, context: context, generator: &generator)
        return WorkerReport(y: honest.y, labelCount: claimedCount(truth: honest.labelCount, samples: context.samples))
    }
}
