import Solver
import Specs

/// A real variable of a claim and the closed or open range it ranges over.
public struct Variable: Hashable, Sendable {
    public var name: String
    public var lower: Rational
    public var upper: Rational
    public var lowerOpen: Bool
    public var upperOpen: Bool
    /// Whether a counterexample names the variable: `false` for a parameter the spec leaves at
    /// its default (the costs of a spec without `[costs]`), which would only clutter it.
    public var reported = true

    public init(_ name: String, _ lower: Rational, _ upper: Rational, lowerOpen: Bool = false, upperOpen: Bool = false) {
        self.name = name
        self.lower = lower
        self.upper = upper
        self.lowerOpen = lowerOpen
        self.upperOpen = upperOpen
    }

    /// The variable for a spec parameter: a point, or every value of its range.
    public init(_ name: String, _ parameter: Parameter) {
        self.init(name, exactRational(parameter.lowerBound), exactRational(parameter.upperBound))
    }

    /// The variable, named in counterexamples only when `reported`.
    public func reported(_ reported: Bool) -> Variable {
        var v = self
        v.reported = reported
        return v
    }

    /// Whether `value` lies in the range.
    public func contains(_ value: Rational) -> Bool {
        (lowerOpen ? value > lower : value >= lower) && (upperOpen ? value < upper : value <= upper)
    }
}

/// One statement a property makes, written once over an `Algebra`: Z3 searches the variables'
/// ranges (under the assumptions) for a point where it fails.
public protocol Claim {
    /// What identifies this case in a counterexample (for example the observed and reported class).
    var labels: [(name: String, value: String)] { get }
    var variables: [Variable] { get }
    /// Constraints on the variables besides their ranges (for example a distribution sums to 1).
    func assumptions<A: Algebra>(_ a: A, _ v: [A.Number]) -> [A.Truth]
    /// The statement at one point.
    func holds<A: Algebra>(_ a: A, _ v: [A.Number]) -> A.Truth
}

extension Claim {
    public func assumptions<A: Algebra>(_ a: A, _ v: [A.Number]) -> [A.Truth] { [] }
}

/// The exact rational a spec's number stands for: its shortest decimal form (0.9 is 9/10, not the
/// binary double nearest to it).
public func exactRational(_ x: Double) -> Rational {
    let text = "\(x)"
    if !text.contains("e"), let r = Rational(text) { return r }
    return Rational(exactly: x) ?? 0
}
