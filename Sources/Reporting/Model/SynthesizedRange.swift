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

    /// The range a synthesis found, or `nil` when it found none.
    public init?(_ result: SynthesisResult) {
        guard let interval = result.interval else { return nil }
        self.init(
            key: Self.key(of: result.parameter), properties: result.proofs.map(\.id),
            lower: interval.0, upper: interval.1)
    }

    /// The spec key of a synthesis parameter.
    public static func key(of parameter: SynthesisParameter) -> String {
        switch parameter {
        case .beta: "mechanism.beta"
        case .lambda: "mechanism.lambda"
        case .accuracy: "federation.accuracy"
        case .coalition: "federation.coalition"
        }
    }

    /// `{min = lower, max = upper}`, as a spec writes it.
    public var toml: String { Parameter.range(min: lower, max: upper).description }
}
