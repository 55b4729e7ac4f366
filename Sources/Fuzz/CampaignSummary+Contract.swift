import Ledger
import Specs

extension ContractCampaign {
    /// The contract campaign `fuzz` runs for `spec`: the spec's mechanism, knobs, deposit and
    /// classes, with the windows and the federation drawn small (1 ... 3 blocks, 2 ... 4
    /// members) so that 60 transactions cross every phase and several rounds.
    public static func forSpec(
        _ spec: Spec, seed: UInt64, budget: Int, cases: [Int], threads: Int, shrinkLimit: Int,
        properties: [FuzzPropertyID]
    ) -> ContractCampaign {
        var base = ContractBase(spec: spec)
        base.commitWindow = nil
        base.revealWindow = nil
        base.members = nil
        base.classes = min(spec.federation.classes, 3)
        return ContractCampaign(
            seed: seed, budget: budget, steps: stepsPerCase, shard: cases, threads: threads,
            shrinkLimit: shrinkLimit, properties: properties, base: base)
    }

    /// Transactions per contract case in `fuzz`.
    public static let stepsPerCase = 60
}

extension ContractCampaignResult {
    /// One mergeable summary per property of `properties`: cases run, and the violation of
    /// lowest case index with its shrunk transaction sequence.
    public func summaries(
        _ properties: [FuzzPropertyID], spec: Spec, specPath: String, specText: String,
        seed: UInt64, command: String
    ) -> [PropertySummary] {
        properties.map { id in
            var summary = PropertySummary(id: id.rawValue)
            summary.cases = cases
            if let found = violations.first(where: { $0.violation.property == id }) {
                summary.violation = Self.finding(
                    found, id: id, spec: spec, specPath: specPath, specText: specText, seed: seed,
                    command: command)
            }
            return summary
        }
    }

    /// The finding (with its counterexample file content) of a contract violation.
    public static func finding(
        _ found: ContractCounterexample, id: FuzzPropertyID, spec: Spec, specPath: String,
        specText: String, seed: UInt64, command: String
    ) -> PropertySummary.Finding {
        let counterexample = Counterexample(
            schema: Counterexample.schema, property: id.rawValue, specName: spec.name,
            specPath: specPath, specText: specText, seed: seed,
            caseIndex: found.violation.caseIndex, confidence: 1, federation: nil,
            profile: nil, contract: found, label: found.violation.message, test: nil,
            originalShape: "\(found.originalSteps) transactions",
            shrinkSteps: found.replays, command: command)
        return PropertySummary.Finding(
            caseIndex: found.violation.caseIndex,
            label: "step \(found.violation.step) of \(found.contractCase.steps.count): \(found.violation.message)",
            test: nil, counterexample: counterexample)
    }
}
