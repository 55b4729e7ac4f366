import Mechanisms

/// A misreporting worker (the deviation of Witt et al., section 4.2 and Appendix A, that the
/// `truthful-best-response` property rules out): it trains and predicts like an honest worker
/// and reports sample j where A_ij (Eq. 5) reaches the round's threshold, but reports
/// `map[x]` instead of its prediction x, with the true labelCount of what it reports.
///
/// Unlike a colluding worker, a misreporter acts alone, and its map need not merge classes
/// (the default, x -> x + 1 mod |C|, permutes them).
public struct MisreportStrategy: WorkerStrategy {
    /// `"misreport"`, the name specs and the catalogue use.
    public static let name = "misreport"

    /// The class reported for each predicted class (`StrategyParameters.misreportMap`).
    public let map: [Int]

    /// ``name``.
    public var name: String { Self.name }
    /// Misreporters train (they map their own predictions).
    public var trainsModel: Bool { true }

    /// A misreporter reporting `map[x]` when its model predicts x.
    ///
    /// - Precondition: every entry of `map` is a class below `map.count` (specs check this as
    ///   `strategies.misreport_map`).
    public init(map: [Int]) {
        precondition(map.allSatisfy { (0..<map.count).contains($0) },
                     "MisreportStrategy: map \(map) leaves its classes")
        self.map = map
    }

    /// Y_j = map[argmax_j] where A_ij ≥ the round's threshold, ``WorkerReport/noReport``
    /// elsewhere; labelCount counts the reported (mapped) classes.
    public func report(predictions: LocalPredictions?, context: ReportContext,
                       generator: inout SplitMix64) -> WorkerReport {
        precondition(map.count == context.classes,
                     "MisreportStrategy: map of \(map.count) classes for \(context.classes)")
        let honest = HonestStrategy().report(predictions: predictions, context: context, generator: &generator)
        let y = honest.y.map { $0 == WorkerReport.noReport ? $0 : UInt8(map[Int($0)]) }
        return WorkerReport(y: y, classes: context.classes)
    }
}
