import Solver

/// The arithmetic a claim is written in, so that one formula can be both handed to Z3 and
/// evaluated exactly.
public protocol Algebra {
    associatedtype Number
    associatedtype Truth

    func constant(_ value: Rational) -> Number
    func add(_ a: Number, _ b: Number) -> Number
    func subtract(_ a: Number, _ b: Number) -> Number
    func multiply(_ a: Number, _ b: Number) -> Number
    /// `a / b`; claims only divide by quantities their assumptions keep non-zero.
    func divide(_ a: Number, _ b: Number) -> Number
    func less(_ a: Number, _ b: Number) -> Truth
    func lessOrEqual(_ a: Number, _ b: Number) -> Truth
    func equal(_ a: Number, _ b: Number) -> Truth
    func all(_ truths: [Truth]) -> Truth
    func any(_ truths: [Truth]) -> Truth
    func not(_ truth: Truth) -> Truth
}

extension Algebra {
    func constant(_ value: Int) -> Number { constant(Rational(value)) }
    func sum(_ terms: [Number]) -> Number { terms.reduce(constant(0), add) }
    func greater(_ a: Number, _ b: Number) -> Truth { less(b, a) }
    func greaterOrEqual(_ a: Number, _ b: Number) -> Truth { lessOrEqual(b, a) }
}

/// Exact evaluation in rationals: the plain Swift arithmetic every counterexample is re-checked in.
///
/// A division by zero does not trap: it yields 0 and raises `divisionByZero`, and the caller
/// treats the evaluation as void.
public struct ExactAlgebra: Algebra {
    public final class Flag: @unchecked Sendable { public var flag = false }
    public let divisionByZero = Flag()
    public init() {}
    public func constant(_ value: Rational) -> Rational { value }
    public func add(_ a: Rational, _ b: Rational) -> Rational { a + b }
    public func subtract(_ a: Rational, _ b: Rational) -> Rational { a - b }
    public func multiply(_ a: Rational, _ b: Rational) -> Rational { a * b }
    public func divide(_ a: Rational, _ b: Rational) -> Rational {
        if b == 0 {
            divisionByZero.flag = true
            return 0
        }
        return a / b
    }
    public func less(_ a: Rational, _ b: Rational) -> Bool { a < b }
    public func lessOrEqual(_ a: Rational, _ b: Rational) -> Bool { a <= b }
    public func equal(_ a: Rational, _ b: Rational) -> Bool { a == b }
    public func all(_ truths: [Bool]) -> Bool { truths.allSatisfy { $0 } }
    public func any(_ truths: [Bool]) -> Bool { truths.contains(true) }
    public func not(_ truth: Bool) -> Bool { !truth }
}

/// Z3 terms over real numbers.
public struct TermAlgebra: Algebra {
    public let context: Context
    public init(context: Context) { self.context = context }
    public func constant(_ value: Rational) -> Term<RealSort> { context.real(value) }
    public func add(_ a: Term<RealSort>, _ b: Term<RealSort>) -> Term<RealSort> { a + b }
    public func subtract(_ a: Term<RealSort>, _ b: Term<RealSort>) -> Term<RealSort> { a - b }
    public func multiply(_ a: Term<RealSort>, _ b: Term<RealSort>) -> Term<RealSort> { a * b }
    public func divide(_ a: Term<RealSort>, _ b: Term<RealSort>) -> Term<RealSort> { a / b }
    public func less(_ a: Term<RealSort>, _ b: Term<RealSort>) -> Term<BoolSort> { a .< b }
    public func lessOrEqual(_ a: Term<RealSort>, _ b: Term<RealSort>) -> Term<BoolSort> { a .<= b }
    public func equal(_ a: Term<RealSort>, _ b: Term<RealSort>) -> Term<BoolSort> { a .== b }
    public func all(_ truths: [Term<BoolSort>]) -> Term<BoolSort> { and(truths, in: context) }
    public func any(_ truths: [Term<BoolSort>]) -> Term<BoolSort> { or(truths, in: context) }
    public func not(_ truth: Term<BoolSort>) -> Term<BoolSort> { !truth }
}
