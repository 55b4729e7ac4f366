import Specs

/// Replays a counterexample: the stored property judged again on the stored minimal
/// federation with the stored seeds.
public enum Replay {
    /// Why a counterexample cannot be replayed.
    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        case unsupportedSchema(Int)
        case unknownProperty(String)
        case noFederation(String)
        case notEconomic(String)

        public var description: String {
            switch self {
            case .unsupportedSchema(let s): "schema \(s) is not supported (this serumcheck reads schema \(Counterexample.schema))"
            case .unknownProperty(let id): "no property is called \"\(id)\""
            case .noFederation(let id): "the counterexample of \(id) holds no federation"
            case .notEconomic(let id): "\(id) is not replayed from a federation"
            }
        }
    }

    /// Judges `counterexample` again; with `spec`, the federation is deployed with that spec's
    /// knobs instead (for example the hardened ones), everything else as stored.
    /// - Returns: the verdict; `violated` while the defect is there.
    public static func judge(_ counterexample: Counterexample, knobsFrom spec: Spec? = nil) throws -> ScenarioVerdict {
        guard counterexample.schema == Counterexample.schema else {
            throw Failure.unsupportedSchema(counterexample.schema)
        }
        guard let id = FuzzPropertyID(rawValue: counterexample.property) else {
            throw Failure.unknownProperty(counterexample.property)
        }
        guard var federation = counterexample.federation else { throw Failure.noFederation(id.rawValue) }
        if let spec { federation.knobs = KnobSettings(spec.knobs) }
        switch id.layer {
        case .economic:
            return try EconomicProperty().scenario(id, federation)
                .judge(federation, confidence: counterexample.confidence)
        case .contract, .equilibrium, .pipeline:
            throw Failure.notEconomic(id.rawValue)
        }
    }
}
