public import BigInt

/// An exact rational number over `BigInt`, always reduced, with a positive denominator.
///
/// Used for Z3 numerals in both directions: numerals in terms are written exactly, and model
/// values and optima are read back exactly. `Rational(exactly: 0.1)` is the binary value of
/// the double, 3602879701896397/36028797018963968; `Rational("0.1")` is 1/10.
public struct Rational: Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByIntegerLiteral
{
    /// The numerator; carries the sign.
    public let numerator: BigInt
    /// The denominator; always positive and coprime to the numerator.
    public let denominator: BigInt

    /// The reduced fraction `numerator / denominator`.
    /// - Precondition: `denominator != 0`.
    public init(_ numerator: BigInt, _ denominator: BigInt = 1) {
        precondition(denominator != 0, "Rational: zero denominator")
        var n = numerator
        var d = denominator
        if d < 0 {
            n.negate()
            d.negate()
        }
        let g = n.magnitude.greatestCommonDivisor(with: d.magnitude)
        if g > 1 {
            n /= BigInt(g)
            d /= BigInt(g)
        }
        self.numerator = n
        self.denominator = d
    }

    /// The integer `value`.
    public init(_ value: Int) { self.init(BigInt(value)) }

    /// The reduced fraction `numerator / denominator` of machine integers.
    /// - Precondition: `denominator != 0`.
    public init(_ numerator: Int, _ denominator: Int) { self.init(BigInt(numerator), BigInt(denominator)) }

    /// The integer `value` written as a literal (`let r: Rational = 3`).
    public init(integerLiteral value: Int) { self.init(value) }

    /// Whether the value is an integer (denominator 1).
    public var isInteger: Bool { denominator == 1 }

    /// `5`, `-7/2` or `1/3`: the integer, or the reduced fraction.
    public var description: String {
        isInteger ? numerator.description : "\(numerator)/\(denominator)"
    }

    /// The sum.
    public static func + (a: Rational, b: Rational) -> Rational {
        if a.denominator == b.denominator { return Rational(a.numerator + b.numerator, a.denominator) }
        return Rational(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }

    /// The difference.
    public static func - (a: Rational, b: Rational) -> Rational { a + (-b) }

    /// The product.
    public static func * (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.numerator, a.denominator * b.denominator)
    }

    /// The quotient.
    /// - Precondition: `b != 0`.
    public static func / (a: Rational, b: Rational) -> Rational {
        precondition(b.numerator != 0, "Rational: division by zero")
        return Rational(a.numerator * b.denominator, a.denominator * b.numerator)
    }

    /// The negation.
    public static prefix func - (a: Rational) -> Rational {
        Rational(unreduced: -a.numerator, a.denominator)
    }

    /// Orders by value (`a/b < c/d` iff `a*d < c*b`, denominators being positive).
    public static func < (a: Rational, b: Rational) -> Bool {
        a.numerator * b.denominator < b.numerator * a.denominator
    }

    /// Stores an already reduced fraction with a positive denominator.
    private init(unreduced numerator: BigInt, _ denominator: BigInt) {
        self.numerator = numerator
        self.denominator = denominator
    }
}
