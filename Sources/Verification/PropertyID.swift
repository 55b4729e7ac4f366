import Specs

/// The fixed ids of the incentive properties; reports and CI key on them.
public enum PropertyID: String, CaseIterable, Sendable, Codable, Comparable {
    // PTSFD (Witt et al.)
    case heuristicPayoffIdentity = "heuristic-payoff-identity"
    case heuristicUnprofitable = "heuristic-unprofitable"
    case selfPredicting = "self-predicting"
    case truthfulBestResponse = "truthful-best-response"
    case collusionUnprofitable = "collusion-unprofitable"
    case honestParticipation = "honest-participation"
    case effortIncentive = "effort-incentive"
    case budgetSolvent = "budget-solvent"
    case beliefsConsistent = "beliefs-consistent"
    // Consensus (Lu, Tang, Wang)
    case iewdsTruthfulUnique = "iewds-truthful-unique"
    case coalitionResilient = "coalition-resilient"
    case paperTablesDerived = "paper-tables-derived"
    // Both mechanisms
    case truthfulEquilibriumDominant = "truthful-equilibrium-dominant"

    /// The mechanisms the property is checked on.
    public var mechanisms: Set<Spec.Mechanism.Kind> {
        switch self {
        case .heuristicPayoffIdentity, .heuristicUnprofitable, .selfPredicting, .truthfulBestResponse,
            .collusionUnprofitable, .honestParticipation, .effortIncentive, .budgetSolvent, .beliefsConsistent:
            [.ptsfd]
        case .iewdsTruthfulUnique, .coalitionResilient, .paperTablesDerived:
            [.consensus]
        case .truthfulEquilibriumDominant:
            [.ptsfd, .consensus]
        }
    }

    /// Whether the property is checked on specs of mechanism `kind`.
    public func applies(to kind: Spec.Mechanism.Kind) -> Bool { mechanisms.contains(kind) }

    /// Whether the property's claims use the workers' beliefs (`BeliefModel`: the joint, the
    /// own marginal, or R as the peers' report distribution), so that its verdict is about
    /// beliefs no worker holds when `beliefs-consistent` is refuted (`Caveat.inconsistentBeliefs`).
    /// The heuristic claims count: they take an honest peer to report y with probability R(y),
    /// the peer marginal that consistency asks of the beliefs. So do PTSFD's equilibria.
    public var restsOnBeliefs: Bool {
        switch self {
        case .heuristicPayoffIdentity, .heuristicUnprofitable, .selfPredicting, .truthfulBestResponse,
            .collusionUnprofitable, .honestParticipation, .effortIncentive, .truthfulEquilibriumDominant:
            true
        case .budgetSolvent, .beliefsConsistent, .iewdsTruthfulUnique, .coalitionResilient, .paperTablesDerived:
            false
        }
    }

    public static func < (a: PropertyID, b: PropertyID) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
