/// A numeric parameter of a spec: one value, or a closed range of values.
///
/// Ranges are for the verifier, which proves a property for every value in the range; a
/// single settlement (`serumcheck settle`) needs one value and asks for it with
/// `single(file:key:)`. In TOML a parameter is a number (`beta = 1.0`, or `beta = 1`) or an
/// inline table `{ min = 1.0, max = 2.0 }`.
///
/// Invariant (checked by `Spec.validate(file:)`): values and bounds are finite and
/// `min <= max`.
public enum Parameter: Hashable, Sendable, CustomStringConvertible {
    /// Exactly this value.
    case value(Double)
    /// Every value in `min ... max`.
    case range(min: Double, max: Double)

    /// The smallest value the parameter allows.
    public var lowerBound: Double {
        switch self {
        case .value(let v): v
        case .range(let min, _): min
        }
    }

    /// The largest value the parameter allows.
    public var upperBound: Double {
        switch self {
        case .value(let v): v
        case .range(_, let max): max
        }
    }

    /// Whether the parameter is a range (even one with `min == max`).
    public var isRange: Bool {
        if case .range = self { return true }
        return false
    }

    /// Whether `x` is one of the parameter's values.
    public func contains(_ x: Double) -> Bool { lowerBound <= x && x <= upperBound }

    /// The value, for computations that need exactly one.
    /// - Parameters:
    ///   - file: the spec's path, for the message.
    ///   - key: the key path of the parameter, for the message (`mechanism.beta`).
    /// - Throws: `SpecError` when the parameter is a range, for example
    ///   `specs/x.toml: mechanism.beta: is a range {min = 1, max = 2}; settle needs a single value`.
    public func single(file: String, key: String) throws(SpecError) -> Double {
        switch self {
        case .value(let v):
            return v
        case .range:
            throw SpecError(
                file: file, key: key,
                reason: "is a range \(self); settle needs a single value")
        }
    }

    /// TOML syntax: `1.5`, or `{min = 1, max = 2}`.
    public var description: String {
        switch self {
        case .value(let v): formatNumber(v)
        case .range(let min, let max): "{min = \(formatNumber(min)), max = \(formatNumber(max))}"
        }
    }
}

/// A number as a user wrote it: `1` rather than `1.0`, otherwise Swift's shortest form.
func formatNumber(_ x: Double) -> String {
    if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    return String(x)
}
