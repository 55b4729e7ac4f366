import Solver
import Specs

/// Heterogeneous workers: a PTSFD property holds when it holds for every kind of worker
/// (`BeliefModel+Workers.swift`), each against the mixture of its actual peers. The claims of
/// every kind go to Z3 together; a counterexample carries the `worker` label (when the workers
/// differ) naming the worker, or the alike workers, it concerns.
extension Verifier {
    /// Z3 decides the claims of every kind of worker; the values are measured exactly at the
    /// deciding point.
    func decideForEachWorker(
        _ id: PropertyID, _ spec: Spec, _ claims: (PTSFDSetting) -> [any MeasuredClaim]
    ) -> Decision {
        let settings = PTSFDSetting.perWorker(spec: spec)
        return decideClaims(id, settings, settings.flatMap(claims))
    }

    /// Z3 decides the claims; the values are measured exactly at the deciding point.
    func decideClaims(_ id: PropertyID, _ settings: [PTSFDSetting], _ claims: [any MeasuredClaim]) -> Decision {
        let (verdict, smt2) = prover(for: id).decide(claims)
        return Decision(
            verdict: verdict, smt2: smt2, notes: Self.modelNotes(settings),
            values: PropertyValues.measure(claims, verdict: verdict))
    }

    /// The belief model and the normalisation, in words (one pair of lines per kind of worker
    /// when they differ).
    static func modelNotes(_ settings: [PTSFDSetting]) -> [String] {
        settings.flatMap { setting -> [String] in
            let b = setting.beliefs
            let who = b.kindCount == 1 ? "" : "worker \(PTSFDSetting.describe(b.checkedWorkers)): "
            let beliefs: String
            switch b.source {
            case .explicit:
                beliefs = "beliefs: the explicit [beliefs] matrix with R = federation.prior"
            case .workers(let own, let peers):
                let weights = b.shares(ExactAlgebra(), b.variables.map(\.lower))
                let fixedWeights = b.peerFractions.allSatisfy { if case .constant = $0 { true } else { false } }
                let peerText = zip(peers, weights).map { g, w in
                    "worker\(g.workers.count == 1 ? "" : "s") \(PTSFDSetting.describe(g.workers)) with \(describe(g.noise, b))"
                        + (peers.count > 1 && fixedWeights ? " (peer weight \(w))" : "")
                }.joined(separator: ", ")
                beliefs = "beliefs: worker with \(describe(own, b)), reporting a share \(describe(b.ownFraction, b)) of the samples; "
                    + "peers: " + peerText
            }
            let rho = setting.fixedRho.map { "rho = \($0)" } ?? "rho = sum_{j != i} f_j / (n f_i) over the fractions' ranges"
            return [who + beliefs, who + "normalization factor \(rho) (R as the mechanism computes it = rho * R)"]
        }
    }

    static func describe(_ noise: BeliefModel.Noise, _ b: BeliefModel) -> String {
        switch noise {
        case .accuracy(let slot): "accuracy \(describe(slot, b))"
        case .confusion: "its confusion matrix"
        }
    }

    static func describe(_ slot: BeliefModel.Slot, _ b: BeliefModel) -> String {
        switch slot {
        case .constant(let r): "\(r)"
        case .variable(let i):
            b.variables[i].lower == b.variables[i].upper
                ? "\(b.variables[i].lower)" : "in [\(b.variables[i].lower), \(b.variables[i].upper)]"
        }
    }
}
