/// The properties `fuzz` judges, by layer. Ids are fixed: specs name them in `[checks]`.
public enum FuzzPropertyID: String, CaseIterable, Sendable, Codable, Comparable {
    // Layer 1: contract invariants, checked after every transaction.
    /// Every unit paid in is withdrawn, claimable, slashed, residue or in escrow, exactly.
    case depositConservation = "deposit-conservation"
    /// Each round is settled exactly once.
    case singleSettlement = "single-settlement"
    /// A reveal is accepted only if it opens the revealer's own commitment.
    case revealBinding = "reveal-binding"
    /// A registered member that does not reveal loses its deposit at settlement.
    case withholdingSlashed = "withholding-slashed"
    /// A refused transaction leaves the state bit-identical.
    case refusalNoEffect = "refusal-no-effect"
    /// Only members (and, for consensus refunds, the requester) are ever credited.
    case membersOnlyPaid = "members-only-paid"
    /// Nobody withdraws more than it is owed.
    case withdrawBounded = "withdraw-bounded"
    // Layer 2: economic properties, paired comparisons over replications.
    /// A worker that computes nothing (heuristic reports, or a copied commitment) does not earn
    /// what an honest worker earns.
    case noFreeRiding = "no-free-riding"
    /// A revealed labelCount cannot change any other worker's payout.
    case labelCountIntegrity = "label-count-integrity"
    /// Honest reporting earns more than heuristic reporting.
    case honestDominatesHeuristic = "honest-dominates-heuristic"
    /// No collusion map and coalition size of the catalogue earns its members more than honesty.
    case honestDominatesCollusion = "honest-dominates-collusion"
    /// Reporting only confident samples earns, per reported sample, no less than reporting
    /// everything earns on those samples.
    case certaintyThresholdUnpunished = "certainty-threshold-unpunished"
    /// Reporting unsure or random samples as well does not pay.
    case paddingUnprofitable = "padding-unprofitable"
    /// k identities backed by one model earn no more than k honest workers with their own models.
    case sybilUnprofitable = "sybil-unprofitable"
    /// Withholding a reveal after watching the others' does not pay.
    case withholdingUnprofitable = "withholding-unprofitable"
    /// Among the catalogue's profiles, all-honest is the only one no single worker leaves
    /// profitably.
    case honestUniqueEquilibrium = "honest-unique-equilibrium"
    /// Distillation on the aggregated labels raises every honest worker's test accuracy
    /// (`--workers pipeline` only).
    case distillationHelpsHonest = "distillation-helps-honest"

    /// Which layer judges the property.
    public enum Layer: String, Sendable, Codable {
        case contract, economic, equilibrium, pipeline
    }

    /// The layer of the property.
    public var layer: Layer {
        switch self {
        case .depositConservation, .singleSettlement, .revealBinding, .withholdingSlashed,
            .refusalNoEffect, .membersOnlyPaid, .withdrawBounded:
            .contract
        case .noFreeRiding, .labelCountIntegrity, .honestDominatesHeuristic,
            .honestDominatesCollusion, .certaintyThresholdUnpunished, .paddingUnprofitable,
            .sybilUnprofitable, .withholdingUnprofitable:
            .economic
        case .honestUniqueEquilibrium: .equilibrium
        case .distillationHelpsHonest: .pipeline
        }
    }

    /// Whether `fuzz` judges the property on a consensus spec: every contract invariant, and
    /// the economic properties that have a consensus scenario (`ConsensusScenario`). The
    /// PTSFD-only ones (labelCount, certainty threshold, padding, sybils) have no counterpart;
    /// the equilibrium is `verify`'s (`iewds-truthful-unique`); the pipeline trains models.
    public var judgedOnConsensus: Bool {
        switch self {
        case .depositConservation, .singleSettlement, .revealBinding, .withholdingSlashed,
            .refusalNoEffect, .membersOnlyPaid, .withdrawBounded:
            true
        case .noFreeRiding, .honestDominatesHeuristic, .honestDominatesCollusion,
            .withholdingUnprofitable:
            true
        case .labelCountIntegrity, .certaintyThresholdUnpunished, .paddingUnprofitable,
            .sybilUnprofitable, .honestUniqueEquilibrium, .distillationHelpsHonest:
            false
        }
    }

    public static func < (a: FuzzPropertyID, b: FuzzPropertyID) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
