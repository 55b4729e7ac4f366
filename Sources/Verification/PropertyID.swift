/// The fixed ids of the incentive properties; reports and CI key on them.
public enum PropertyID: String, CaseIterable, Sendable, Codable, Comparable {
    // PTSFD (Witt et al.)
    case heuristicPayoffIdentity = "heuristic-payoff-identity"
    case heuristicUnprofitable = "heuristic-unprofitable"
    case selfPredicting = "self-predicting"
    case truthfulBestResponse = "truthful-best-response"
    case collusionUnprofitable = "collusion-unprofitable"
    case honestParticipation = "honest-participation"
    case budgetSolvent = "budget-solvent"
    // Consensus (Lu, Tang, Wang)
    case iewdsTruthfulUnique = "iewds-truthful-unique"
    case coalitionResilient = "coalition-resilient"

    /// Whether the property belongs to PTSFD (otherwise to the consensus mechanism).
    public var isPTSFD: Bool {
        switch self {
        case .heuristicPayoffIdentity, .heuristicUnprofitable, .selfPredicting, .truthfulBestResponse,
            .collusionUnprofitable, .honestParticipation, .budgetSolvent:
            true
        case .iewdsTruthfulUnique, .coalitionResilient:
            false
        }
    }

    public static func < (a: PropertyID, b: PropertyID) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
