import Specs

extension FuzzPropertyID {
    /// The properties a campaign judges on `spec` with workers from `source`: those of `only`
    /// (every one when empty) that the spec's mechanism and the source can judge. On PTSFD the
    /// contract, economic and equilibrium layers, and the pipeline with real training; on
    /// consensus those with `judgedOnConsensus`.
    public static func judged(on spec: Spec, source: WorkerSource, only: [String] = []) -> [FuzzPropertyID] {
        let all = allCases.filter { id in
            switch spec.mechanism.kind {
            case .consensus: return id.judgedOnConsensus
            case .ptsfd: return id.layer != .pipeline || source == .pipeline
            }
        }
        return only.isEmpty ? all : all.filter { only.contains($0.rawValue) }
    }
}

extension WorkerSource {
    /// The source `fuzz` and `check` use for `spec` when none is given: the prediction bank for
    /// a spec with simulation tables, synthetic workers otherwise.
    public static func `default`(for spec: Spec) -> WorkerSource {
        spec.simulation == nil ? .synthetic : .bank
    }
}
