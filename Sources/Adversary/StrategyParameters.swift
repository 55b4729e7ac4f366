/// The parameters a spec or a fuzz campaign gives the strategies (`[strategies]`): each
/// strategy's factory in ``StrategyCatalog`` reads the fields it needs.
public struct StrategyParameters: Hashable, Sendable {
    /// |C|.
    public var classes: Int
    /// The label distribution of heuristic workers (one probability per class).
    public var heuristicLabels: [Double]
    /// The class map of colluding workers (`collusionMap[x]` is reported for x).
    public var collusionMap: [Int]
    /// The class map of a misreporting worker.
    public var misreportMap: [Int]
    /// The certainty A_ij (Eq. 5) a certainty-threshold worker needs to report sample j.
    public var certaintyThreshold: Double
    /// The share of the samples below its threshold that a padding worker reports anyway.
    public var paddingRate: Double
    /// Whether a padding worker pads with random labels (true) or its own unsure predictions.
    public var paddingRandom: Bool
    /// k, the identities one sybil party registers with one model.
    public var sybilIdentities: Int
    /// The worker whose commitment a commitment copier copies.
    public var copyTarget: Int
    /// What a labelCount liar claims.
    public var labelCountLie: LabelCountLie
    /// What an out-of-protocol sender tries.
    public var outOfProtocolMove: OutOfProtocolMove

    /// Parameters from their parts; the attack parameters default to a plausible attacker.
    public init(
        classes: Int, heuristicLabels: [Double], collusionMap: [Int], misreportMap: [Int]? = nil,
        certaintyThreshold: Double = 0.5, paddingRate: Double = 1, paddingRandom: Bool = false,
        sybilIdentities: Int = 2, copyTarget: Int = 0, labelCountLie: LabelCountLie = .raiseOwn,
        outOfProtocolMove: OutOfProtocolMove = .duplicate
    ) {
        self.classes = classes
        self.heuristicLabels = heuristicLabels
        self.collusionMap = collusionMap
        self.misreportMap = misreportMap ?? (0 ..< classes).map { ($0 + 1) % max(classes, 1) }
        self.certaintyThreshold = certaintyThreshold
        self.paddingRate = paddingRate
        self.paddingRandom = paddingRandom
        self.sybilIdentities = sybilIdentities
        self.copyTarget = copyTarget
        self.labelCountLie = labelCountLie
        self.outOfProtocolMove = outOfProtocolMove
    }
}

/// The labelCount a liar reveals beside its true votes.
public enum LabelCountLie: String, Hashable, Sendable, CaseIterable {
    /// Claims huge counts for the classes it did not report and none for the ones it did,
    /// which (trusted) makes R_i small on its own reported classes and raises its own reward.
    case raiseOwn = "raise-own"
    /// Claims huge counts for the classes it reported, which (trusted) inflates G(x) for the
    /// others and lowers their rewards.
    case lowerOthers = "lower-others"
}
