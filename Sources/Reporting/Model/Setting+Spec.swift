import Mechanisms
import Specs

extension Setting {
    /// The parameters of `spec` that decide its verdicts, in the spec's table order, as TOML
    /// would write them (`{min = 1, max = 2}` for a range).
    public static func parameters(of spec: Spec) -> [Setting] {
        let f = spec.federation, m = spec.mechanism
        var out = [Setting(key: "federation.workers", value: String(f.workers))]
        switch m.kind {
        case .ptsfd:
            out.append(Setting(key: "federation.classes", value: String(f.classes)))
            out.append(Setting(key: "federation.prior", value: prior(f.prior)))
            out.append(Setting(key: "federation.accuracy", value: accuracy(f.accuracy)))
            out.append(Setting(key: "federation.coalition", value: f.coalition.description))
            out.append(Setting(key: "mechanism.beta", value: m.beta.description))
            out.append(Setting(key: "mechanism.lambda", value: m.lambda.description))
            out.append(Setting(key: "mechanism.deposit", value: range(m.depositRange)))
        case .consensus:
            out.append(Setting(key: "federation.accuracy", value: accuracy(f.accuracy)))
            out.append(Setting(key: "mechanism.deposit", value: range(m.depositRange)))
            out.append(Setting(key: "mechanism.reward", value: range(m.rewardRange)))
        }
        out.append(Setting(key: "contract.rounds", value: String(spec.contract.rounds)))
        if spec.costs != .none { out += costs(spec.costs, kind: m.kind) }
        return out
    }

    /// The `[costs]` of a spec that has any, for its mechanism.
    static func costs(_ c: Spec.Costs, kind: Spec.Mechanism.Kind) -> [Setting] {
        switch kind {
        case .ptsfd:
            [Setting(key: "costs.effort_high", value: c.effortHigh.description),
             Setting(key: "costs.effort_low", value: c.effortLow.description),
             Setting(key: "costs.fixed", value: c.fixed.description)]
                + (c.samples.map { [Setting(key: "costs.samples", value: $0.description)] } ?? [])
                + (c.accuracyLow.map { [Setting(key: "costs.accuracy_low", value: $0.description)] } ?? [])
        case .consensus:
            [Setting(key: "costs.compute", value: c.compute.description)]
        }
    }

    /// The PTSFD knobs of `spec`, each beside its hardened value (`Knobs.hardened`); none for
    /// a consensus spec.
    public static func knobs(of spec: Spec) -> [Setting] {
        switch spec.mechanism.kind {
        case .ptsfd:
            let k = spec.knobs, h = Knobs.hardened
            return [
                Setting(key: "knobs.normalization", value: k.normalization.rawValue, hardened: h.normalization.rawValue),
                Setting(key: "knobs.aggregation", value: k.aggregation.rawValue, hardened: h.aggregation.rawValue),
                Setting(key: "knobs.label_count", value: k.labelCount.rawValue, hardened: h.labelCount.rawValue),
                Setting(key: "knobs.commitment", value: k.commitment.rawValue, hardened: h.commitment.rawValue),
                Setting(key: "mechanism.peers_per_sample", value: peers(k.peersPerSample), hardened: peers(h.peersPerSample)),
                Setting(key: "knobs.payout", value: k.payout.rawValue, hardened: h.payout.rawValue),
            ]
        case .consensus:
            return []
        }
    }

    static func peers(_ p: PeersPerSample) -> String {
        switch p {
        case .all: "all"
        case .k(let k): String(k)
        }
    }

    static func prior(_ p: Spec.Prior) -> String {
        switch p {
        case .uniform: "uniform"
        case .distribution(let d): "[" + d.map { Parameter.value($0).description }.joined(separator: ", ") + "]"
        }
    }

    static func accuracy(_ a: Spec.Accuracy) -> String {
        switch a {
        case .all(let p): p.description
        case .perWorker(let v): "[" + v.map { Parameter.value($0).description }.joined(separator: ", ") + "]"
        }
    }

    static func range(_ r: ClosedRange<Int>) -> String {
        r.lowerBound == r.upperBound ? String(r.lowerBound) : "{min = \(r.lowerBound), max = \(r.upperBound)}"
    }
}
