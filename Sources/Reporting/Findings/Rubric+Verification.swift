import Verification

extension Rubric {
    /// The rubric entry of a property `verify` checks.
    public static func entry(for id: PropertyID) -> RubricEntry {
        switch id {
        case .heuristicPayoffIdentity:
            RubricEntry(
                title: "A sample-independent report does not earn exactly 1 - beta",
                claim: "A report independent of the sample earns exactly 1 - beta (Witt et al., Eq. 8), for every report distribution.",
                severity: .medium, difficulty: .low, type: .incentive,
                keys: ["knobs.normalization", "mechanism.beta"], knob: "knobs.normalization", synthesize: nil,
                advice: "Normalise R_i to a distribution so that Eq. 8 holds.")
        case .heuristicUnprofitable:
            RubricEntry(
                title: "Heuristic reporting earns a positive reward",
                claim: "A report independent of the sample earns at most 0 (1 - beta <= 0).",
                severity: .medium, difficulty: .low, type: .incentive,
                keys: ["mechanism.beta", "knobs.normalization"], knob: "knobs.normalization", synthesize: "mechanism.beta",
                advice: "Raise beta to at least 1 (with R_i a distribution).")
        case .selfPredicting:
            RubricEntry(
                title: "The prior is not self-predicting",
                claim: "P(x|x)/R(x) > P(y|x)/R(y) for every observed x and every y != x (Eq. 10).",
                severity: .low, difficulty: .high, type: .assumption,
                keys: ["beliefs.peer_given_own", "federation.accuracy", "federation.prior"], knob: nil,
                synthesize: "federation.accuracy",
                advice: "Use PTSFD only where honest accuracy exceeds 1/|C| and beliefs are self-predicting for the prior.")
        case .truthfulBestResponse:
            RubricEntry(
                title: "Misreporting beats the truth against honest peers",
                claim: "Against honest peers no mapping from observed to reported class, randomised or not, beats the truth (Appendix A).",
                severity: .medium, difficulty: .low, type: .incentive,
                keys: ["beliefs.peer_given_own", "federation.prior", "federation.accuracy"], knob: nil,
                synthesize: "federation.accuracy",
                advice: "Restore the self-predicting condition (Eq. 10): the prior and the beliefs decide truthfulness.")
        case .collusionUnprofitable:
            RubricEntry(
                title: "A coalition that merges classes earns more per member",
                claim: "A coalition merging classes, R adjusted (Eq. 11), earns no more per member than honest reporting.",
                severity: .medium, difficulty: .medium, type: .incentive,
                keys: ["federation.coalition", "beliefs.peer_given_own", "federation.prior"], knob: nil,
                synthesize: "federation.coalition",
                advice: "Bound the fraction of workers that can collude, or raise beta.")
        case .honestParticipation:
            RubricEntry(
                title: "Honest workers do not earn a positive expected reward",
                claim: "Honest workers earn a positive expected reward (Eq. 6).",
                severity: .medium, difficulty: .low, type: .incentive,
                keys: ["mechanism.beta", "costs.effort_high", "federation.accuracy"], knob: nil, synthesize: "mechanism.beta",
                advice: "Lower beta below the honest expected score net of costs (Eq. 6), or require a higher accuracy (Eq. 7).")
        case .effortIncentive:
            RubricEntry(
                title: "Low effort earns more than high effort net of costs",
                claim: "High effort beats low effort per sample net of each one's cost (section 3.3, Eq. 4, 6, 8).",
                severity: .medium, difficulty: .low, type: .incentive,
                keys: ["costs.effort_high", "mechanism.lambda", "mechanism.beta"], knob: nil, synthesize: "costs.effort_high",
                advice: "Raise lambda (the reward scale) or lower the effort cost so that high effort pays for itself.")
        case .budgetSolvent:
            RubricEntry(
                title: "Settled claims can exceed the pool of deposits",
                claim: "Every settled and paid round keeps every claim within the pool (bounded check with the contract's integer code).",
                severity: .high, difficulty: .low, type: .fundsAtRisk,
                keys: ["knobs.payout", "mechanism.deposit"], knob: "knobs.payout", synthesize: nil,
                advice: "Pay zero-sum: D_i + (reward_i - mean reward), losses capped at the deposit.")
        case .beliefsConsistent:
            RubricEntry(
                title: "The beliefs come from no joint distribution with the prior",
                claim: "The [beliefs] matrix and the prior are the conditionals and marginal of one joint distribution of own and peer reports.",
                severity: .low, difficulty: .high, type: .assumption,
                keys: ["beliefs.peer_given_own", "federation.prior"], knob: nil, synthesize: nil,
                advice: "Give beliefs that one joint distribution produces with the prior, or leave out [beliefs] to derive them from the accuracy; verdicts resting on these beliefs carry the inconsistent-beliefs caveat.")
        case .iewdsTruthfulUnique:
            RubricEntry(
                title: "All-truthful is not the unique survivor of iterated elimination",
                claim: "IEWDS, over every elimination order, leaves exactly all-truthful (Lu, Tang, Wang, Table I).",
                severity: .medium, difficulty: .low, type: .incentive,
                keys: ["mechanism.deposit", "mechanism.reward", "costs.compute"], knob: nil, synthesize: "mechanism.deposit",
                advice: "Choose the deposit d and reward r so that a junk or copied answer is slashed more than it gains.")
        case .coalitionResilient:
            RubricEntry(
                title: "A coalition does better than all-truthful",
                claim: "For every coalition size and strategy, all-truthful does at least as well in every situation (Lu, Tang, Wang, Table II).",
                severity: .medium, difficulty: .medium, type: .incentive,
                keys: ["mechanism.deposit", "mechanism.reward", "costs.compute"], knob: nil, synthesize: "mechanism.deposit",
                advice: "Choose the deposit d and reward r so that no coalition strategy beats all-truthful.")
        case .paperTablesDerived:
            RubricEntry(
                title: "A printed payoff table differs from the mechanism's clauses",
                claim: "Table I and Table II of Lu, Tang, Wang as printed agree cell by cell with the utilities the clauses give.",
                severity: .informational, difficulty: .low, type: .assumption,
                keys: ["federation.workers"], knob: nil, synthesize: nil,
                advice: "Argue from the clauses, not the printed table: the differing cells are listed in the notes.")
        case .truthfulEquilibriumDominant:
            RubricEntry(
                title: "A rival equilibrium is strict, or not worse for everybody than all-truthful",
                claim: "All-truthful is a pure equilibrium everywhere, and every other pure equilibrium is weak and payoff-dominated by all-truthful.",
                severity: .low, difficulty: .medium, type: .incentive,
                keys: ["mechanism.beta", "mechanism.deposit", "mechanism.reward", "costs.compute"], knob: nil, synthesize: nil,
                advice: "Make uninformative coordination fragile: a profile where a lone truthful worker is never matched (PTSFD) or where truth costs more than junk (c > 0) needs a reward for the truthful deviator.")
        }
    }
}
