import Mechanisms
import Specs

/// The result of `settle` on a consensus spec, as plain data.
///
/// JSON: `{"workers": [{"index", "submitted", "valid", "payout", "utility"}], "agreed",
/// "requesterRefund", "slashed", "spec", "results", "command"}`.
public struct ConsensusSettleReport: Encodable {
    public struct Worker: Encodable {
        public var index: Int
        public var submitted: Bool
        public var valid: Bool
        public var payout: Int
        public var utility: Int
    }

    public var workers: [Worker]
    public var agreed: Bool
    public var requesterRefund: Int
    public var slashed: Int
    public var spec: String
    public var results: String
    public var command: String
    private var header: String = ""

    public enum CodingKeys: String, CodingKey {
        case workers, agreed, requesterRefund, slashed, spec, results, command
    }

    public init(
        spec: Spec, specPath: String, resultsPath: String,
        submissions: [Consensus.Submission], outcome: Consensus.Outcome
    ) {
        let m = spec.mechanism
        let utilities = outcome.utilities(deposit: m.deposit)
        workers = submissions.indices.map { i in
            var submitted = false
            if case .result = submissions[i] { submitted = true }
            return Worker(
                index: i, submitted: submitted,
                valid: Consensus.isValid(submissions[i], junk: m.commonKnowledge, input: m.input),
                payout: outcome.payouts[i], utility: utilities[i])
        }
        agreed = workers.allSatisfy(\.valid) && submissions.allSatisfy { $0 == submissions[0] }
        requesterRefund = outcome.requesterRefund
        slashed = outcome.slashed
        self.spec = specPath
        results = resultsPath
        command = "serumcheck settle --spec \(specPath) --results \(resultsPath)"
        header = "spec: \(specPath) (\(spec.name))\nround: n = \(submissions.count) workers, "
            + "deposit d = \(m.deposit), reward r = \(m.reward)\n\n"
    }

    public var table: String {
        let rows = workers.map { w in
            [String(w.index), w.submitted ? "yes" : "no", w.valid ? "yes" : "no (E_ck or none)",
             String(w.payout), String(w.utility)]
        }
        return header
            + TextTable(columns: ["worker", "submitted", "valid", "payout", "utility"], rows: rows).rendered
            + "\n" + (agreed ? "all results agree" : "results do not all agree")
            + "; returned to the requester \(requesterRefund), slashed \(slashed)\n"
    }
}
