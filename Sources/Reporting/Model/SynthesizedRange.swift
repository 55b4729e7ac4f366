import Specs
import Verification

/// An interval of one parameter on which `verify --synthesize` proved a set of properties:
/// the recommendation of a finding whose responsible key is that parameter.
public struct SynthesizedRange: Hashable, Sendable, Codable {
    /// The spec key the parameter is written at (`mechanism.beta`).
    public var key: String
    /// The properties proved on the whole interval.
    public var properties: [PropertyID]
    public var lower: Double
    public var upper: Double

    public init(key: String, properties: [PropertyID], lower: Double, upper: Double) {
        self.key = key
        self.properties = properties.sorted()
        self.lower = lower
        self.upper = upper
    }

    /// The range a synthesis found on a spec of `mechanism`, or `nil` when it found none.
    public init?(_ result: SynthesisResult, mechanism: MechanismKind) {
        guard let interval = result.interval else { return nil }
        self.init(
            key: Self.key(of: result.parameter, mechanism: mechanism), properties: result.proofs.map(\.id),
            lower: interval.0, upper: interval.1)
    }

    /// The spec key of a synthesis parameter on a spec of `mechanism`.
    public static func key(of parameter: SynthesisParameter, mechanism: MechanismKind) -> String {
        switch parameter {
        case .beta: "mechanism.beta"
        case .lambda: "mechanism.lambda"
        case .accuracy: "federation.accuracy"
        case .coalition: "federation.coalition"
        case .cost:
            switch mechanism {
            case .ptsfd: "costs.effort_high"
            case .consensus: "costs.compute"
            }
        case .deposit: "mechanism.deposit"
        case .reward: "mechanism.reward"
        }
    }

    /// The synthesis parameter (`--synthesize` word) written at `key` on a spec of `mechanism`.
    public static func parameter(forKey key: String, mechanism: MechanismKind) -> SynthesisParameter? {
        SynthesisParameter.allCases.first { Self.key(of: $0, mechanism: mechanism) == key }
    }

    /// `{min = lower, max = upper}`, as a spec writes it.
    public var toml: String { Parameter.range(min: lower, max: upper).description }
}
