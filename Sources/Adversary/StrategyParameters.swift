/// The parameters a spec or a fuzz campaign gives the strategies (`[strategies]`): each
/// strategy's factory in ``StrategyCatalog`` reads the fields it needs.
public struct StrategyParameters: Hashable, Sendable, Codable {
    /// |C|.
    public var classes: Int
    /// The label distribution of heuristic workers (one probability per class).
    public var heuristicLabels: [Double]
    /// The class map of colluding workers (`collusionMap[x]` is reported for x).
    public var collusionMap: [Int]
    /// The class map of a misreporting worker (`misreportMap[x]` is reported for x; by default
    /// x + 1 mod |C|).
    public var misreportMap: [Int]
    /// The certainty A_ij (Eq. 5) a certainty-threshold or padding worker needs to report
    /// sample j without padding, in [0, 1].
    public var certaintyThreshold: Double
    /// The share of the samples below its threshold that a padding worker reports anyway, in
    /// [0, 1].
    public var paddingRate: Double
    /// Whether a padding worker pads with random labels (true) or its own unsure predictions.
    public var paddingRandom: Bool
    /// k, the identities one sybil party registers with one model (>= 1).
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

/// The labelCount a liar reveals beside its true votes (``LabelCountLiarStrategy``, which
/// works out why these lies pay when the contract trusts the count).
public enum LabelCountLie: String, Hashable, Sendable, CaseIterable, Codable {
    /// Claims m = |X_pub| for every class: every other worker's R_i(x) rises on every class
    /// (normalization `paper`), their mean reward falls, and the liar's own reward, which its
    /// labelCount cannot move, rises relative to it, raising its payout.
    case raiseOwn = "raise-own"
    /// Claims m = |X_pub| for every class it reported and 0 for the others: the other workers'
    /// R_i(x) rises, and their rewards fall, on the liar's own classes.
    case lowerOthers = "lower-others"
}
