import Fuzz

extension Rubric {
    /// The rubric entry of a property `fuzz` judges.
    public static func entry(for id: FuzzPropertyID) -> RubricEntry {
        switch id {
        case .depositConservation:
            funds("Deposits are not conserved", "Every unit paid in is withdrawn, claimable, slashed, residue or in escrow, exactly.",
                  keys: ["knobs.payout", "mechanism.deposit"], knob: "knobs.payout")
        case .singleSettlement:
            funds("A round can be settled more than once", "Each round is settled exactly once.",
                  keys: ["contract.rounds"], knob: nil)
        case .revealBinding:
            funds("A reveal is accepted that does not open the revealer's own commitment",
                  "A reveal is accepted only if it opens the revealer's own commitment.",
                  keys: ["knobs.commitment", "mechanism.kind"], knob: "knobs.commitment")
        case .withholdingSlashed:
            funds("A member that does not reveal keeps its deposit",
                  "A registered member that does not reveal loses its deposit at settlement.",
                  keys: ["mechanism.deposit"], knob: nil)
        case .refusalNoEffect:
            funds("A refused transaction changes the contract's state", "A refused transaction leaves the state bit-identical.",
                  keys: ["mechanism.kind"], knob: nil)
        case .membersOnlyPaid:
            funds("A non-member is credited", "Only members (and, for consensus refunds, the requester) are ever credited.",
                  keys: ["mechanism.kind"], knob: nil)
        case .withdrawBounded:
            funds("A withdrawal exceeds what is owed", "Nobody withdraws more than it is owed.",
                  keys: ["knobs.payout", "mechanism.deposit"], knob: "knobs.payout")
        case .noFreeRiding:
            incentive("A worker that computes nothing earns like an honest one",
                      "A worker that computes nothing (heuristic reports, or a copied commitment) does not earn what an honest worker earns.",
                      .low, keys: ["knobs.commitment", "mechanism.beta"], knob: "knobs.commitment", synthesize: nil,
                      advice: "Bind commitments to the sender, contract and round, and keep beta at least 1.")
        case .labelCountIntegrity:
            incentive("A revealed labelCount changes other workers' payouts",
                      "A revealed labelCount cannot change any other worker's payout.",
                      .low, keys: ["knobs.label_count"], knob: "knobs.label_count", synthesize: nil,
                      advice: "Recompute labelCount from the revealed votes and slash a mismatch.")
        case .honestDominatesHeuristic:
            incentive("Heuristic reporting earns as much as honest reporting",
                      "Honest reporting earns more than heuristic reporting.",
                      .low, keys: ["mechanism.beta", "knobs.normalization"], knob: "knobs.normalization", synthesize: nil,
                      advice: "Raise beta to at least 1 (with R_i a distribution).")
        case .honestDominatesCollusion:
            incentive("A colluding coalition out-earns honest reporting",
                      "No collusion map and coalition size of the catalogue earns its members more than honesty.",
                      .medium, keys: ["federation.coalition", "federation.workers"], knob: nil, synthesize: nil,
                      advice: "Bound the colluding fraction, or use larger federations: R comes from the round's own reports.")
        case .certaintyThresholdUnpunished:
            incentive("Reporting only confident samples is punished",
                      "Reporting only confident samples earns, per reported sample, no less than reporting everything earns on them.",
                      .low, keys: ["knobs.normalization", "training.certainty_threshold"], knob: "knobs.normalization", synthesize: nil,
                      advice: "Normalise R_i to a distribution, not by n * M[i].")
        case .paddingUnprofitable:
            incentive("Padding unsure samples pays", "Reporting unsure or random samples as well does not pay.",
                      .low, keys: ["mechanism.beta"], knob: nil, synthesize: nil,
                      advice: "Raise beta so that a report on an unsure sample scores below zero.")
        case .sybilUnprofitable:
            incentive("Sybil identities on one model out-earn independent workers",
                      "k identities backed by one model earn no more than k honest workers with their own models.",
                      .medium, keys: ["federation.workers", "mechanism.deposit"], knob: nil, synthesize: nil,
                      advice: "Make an identity cost more than agreement with itself earns (a larger deposit or registration).")
        case .withholdingUnprofitable:
            incentive("Withholding a reveal after watching the others pays",
                      "Withholding a reveal after watching the others' does not pay.",
                      .low, keys: ["mechanism.deposit"], knob: nil, synthesize: nil,
                      advice: "Raise the deposit above what a withheld reveal can gain.")
        case .honestUniqueEquilibrium:
            RubricEntry(
                title: "All-honest is not the only stable profile",
                claim: "Among the catalogue's profiles, all-honest is the only one no single worker leaves profitably.",
                severity: .low, difficulty: .medium, type: .assumption,
                keys: ["mechanism.beta"], knob: nil, synthesize: nil,
                advice: "Accept that uninformative equilibria exist (peer prediction) or add a spot-checked ground truth.")
        case .distillationHelpsHonest:
            RubricEntry(
                title: "Distillation does not raise every honest worker's accuracy",
                claim: "Distillation on the aggregated labels raises every honest worker's test accuracy.",
                severity: .low, difficulty: .high, type: .assumption,
                keys: ["training.certainty_threshold", "training"], knob: nil, synthesize: nil,
                advice: "Raise the certainty threshold or the public set so the aggregated labels beat local models.")
        }
    }

    private static func funds(_ title: String, _ claim: String, keys: [String], knob: String?) -> RubricEntry {
        RubricEntry(
            title: title, claim: claim, severity: .high, difficulty: .low, type: .fundsAtRisk, keys: keys,
            knob: knob, synthesize: nil, advice: "Fix the contract: the shrunk counterexample replays the failing sequence.")
    }

    private static func incentive(
        _ title: String, _ claim: String, _ difficulty: Difficulty, keys: [String], knob: String?, synthesize: String?,
        advice: String
    ) -> RubricEntry {
        RubricEntry(
            title: title, claim: claim, severity: .medium, difficulty: difficulty, type: .incentive, keys: keys,
            knob: knob, synthesize: synthesize, advice: advice)
    }
}
