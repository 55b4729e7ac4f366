import Adversary
import Messages

extension Spec.Simulation.Strategies {
    /// `sybil_identities`: at least one seat per party.
    static let sybilIdentitiesRange = 1 ... 10_000

    /// Checks `[strategies]` for `workers` workers and `classes` classes: every name is in
    /// `StrategyCatalog.standard`, every parameter is in its documented range, and the
    /// parameters fit the assignment (a copy target that commits its own report, sybil seats
    /// that fill whole parties).
    func validate(workers n: Int, classes: Int, file: String) throws(SpecError) {
        let p = parameters
        let names = StrategyCatalog.standard.names
        try Spec.checkCount(
            assignment.count, n, of: "federation.workers", file: file, key: "strategies.workers")
        for (i, name) in assignment.enumerated() where !names.contains(name) {
            throw SpecError(
                file: file, key: "strategies.workers[\(i)]",
                reason: "unknown strategy \(Echo.quoted(name)) (expected \(listing(names)))")
        }
        try validateHeuristicLabels(classes: classes, file: file)
        try Self.validateClassMap(p.collusionMap, classes: classes, file: file, key: "strategies.collusion_map")
        try Self.validateClassMap(p.misreportMap, classes: classes, file: file, key: "strategies.misreport_map")
        try Spec.checkRange(p.certaintyThreshold, 0 ... 1, file: file, key: "strategies.certainty_threshold")
        try Spec.checkRange(p.paddingRate, 0 ... 1, file: file, key: "strategies.padding_rate")
        try Spec.checkRange(
            p.sybilIdentities, Self.sybilIdentitiesRange, file: file, key: "strategies.sybil_identities")
        let sybils = assignment.filter { $0 == SybilStrategy.name }.count
        guard sybils % p.sybilIdentities == 0 else {
            throw SpecError(
                file: file, key: "strategies.sybil_identities",
                reason: "\(sybils) workers are \"\(SybilStrategy.name)\", not a multiple of "
                    + "\(p.sybilIdentities): each sybil party fills \(p.sybilIdentities) consecutive sybil "
                    + "seats with one model")
        }
        try Spec.checkRange(p.copyTarget, 0 ... max(n - 1, 0), file: file, key: "strategies.copy_target")
        if assignment.contains(CommitmentCopierStrategy.name), assignment.indices.contains(p.copyTarget),
            assignment[p.copyTarget] == CommitmentCopierStrategy.name
        {
            throw SpecError(
                file: file, key: "strategies.copy_target",
                reason: "worker \(p.copyTarget) is itself a \"\(CommitmentCopierStrategy.name)\": the "
                    + "target must commit a report of its own")
        }
    }

    /// `heuristic_labels`: |C| probabilities in [0, 1] summing to 1.
    private func validateHeuristicLabels(classes: Int, file: String) throws(SpecError) {
        let p = parameters.heuristicLabels
        let key = "strategies.heuristic_labels"
        guard p.count == classes else {
            throw SpecError(
                file: file, key: key,
                reason: "has \(p.count) probabilities, but federation.classes is \(classes)")
        }
        for (c, x) in p.enumerated() {
            try Spec.checkRange(x, 0 ... 1, file: file, key: "\(key)[\(c)]")
        }
        let sum = p.reduce(0, +)
        guard abs(sum - 1) <= Spec.priorTolerance else {
            throw SpecError(
                file: file, key: key,
                reason: "probabilities sum to \(sum), not 1 (tolerance \(Spec.priorTolerance))")
        }
    }

    /// A class map (`collusion_map`, `misreport_map`): |C| entries, each a class.
    private static func validateClassMap(_ map: [Int], classes: Int, file: String, key: String)
        throws(SpecError)
    {
        try Spec.checkCount(map.count, classes, of: "federation.classes", file: file, key: key)
        for (c, target) in map.enumerated() {
            try Spec.checkRange(target, 0 ... classes - 1, file: file, key: "\(key)[\(c)]")
        }
    }
}
