internal import CZ3

// Arithmetic on real and integer terms, in the spirit of z3py: `3 * x + y`, `x / 2`.
// Operands must have the same sort: convert integers with `toReal()`. Literals (`Rational`,
// `Int`, `Double`) become exact numerals of the term's sort; a non-integer literal next to an
// integer term is recorded as an error in the context.

/// The sum (`Z3_mk_add`).
public func + <S: NumericSort>(a: Term<S>, b: Term<S>) -> Term<S> {
    _nary([a, b], in: a.context, Z3_mk_add)
}
/// The sum with an exact numeral.
public func + <S: NumericSort>(a: Term<S>, b: Rational) -> Term<S> { a + a.context._numeral(b) }
/// The sum with an exact numeral.
public func + <S: NumericSort>(a: Rational, b: Term<S>) -> Term<S> { b.context._numeral(a) + b }
/// The sum with an integer numeral.
public func + <S: NumericSort>(a: Term<S>, b: Int) -> Term<S> { a + Rational(b) }
/// The sum with an integer numeral.
public func + <S: NumericSort>(a: Int, b: Term<S>) -> Term<S> { Rational(a) + b }
/// The sum with the exact value of a double.
public func + <S: NumericSort>(a: Term<S>, b: Double) -> Term<S> { a + a.context._numeral(b) }
/// The sum with the exact value of a double.
public func + <S: NumericSort>(a: Double, b: Term<S>) -> Term<S> { b.context._numeral(a) + b }

/// The difference (`Z3_mk_sub`).
public func - <S: NumericSort>(a: Term<S>, b: Term<S>) -> Term<S> {
    _nary([a, b], in: a.context, Z3_mk_sub)
}
/// The difference with an exact numeral.
public func - <S: NumericSort>(a: Term<S>, b: Rational) -> Term<S> { a - a.context._numeral(b) }
/// The difference with an exact numeral.
public func - <S: NumericSort>(a: Rational, b: Term<S>) -> Term<S> { b.context._numeral(a) - b }
/// The difference with an integer numeral.
public func - <S: NumericSort>(a: Term<S>, b: Int) -> Term<S> { a - Rational(b) }
/// The difference with an integer numeral.
public func - <S: NumericSort>(a: Int, b: Term<S>) -> Term<S> { Rational(a) - b }
/// The difference with the exact value of a double.
public func - <S: NumericSort>(a: Term<S>, b: Double) -> Term<S> { a - a.context._numeral(b) }
/// The difference with the exact value of a double.
public func - <S: NumericSort>(a: Double, b: Term<S>) -> Term<S> { b.context._numeral(a) - b }

/// The negation (`Z3_mk_unary_minus`).
public prefix func - <S: NumericSort>(a: Term<S>) -> Term<S> {
    a.context._build { Z3_mk_unary_minus($0, a._ast) }
}

/// The product (`Z3_mk_mul`); a product of two variables is nonlinear.
public func * <S: NumericSort>(a: Term<S>, b: Term<S>) -> Term<S> {
    _nary([a, b], in: a.context, Z3_mk_mul)
}
/// The product with an exact numeral.
public func * <S: NumericSort>(a: Term<S>, b: Rational) -> Term<S> { a * a.context._numeral(b) }
/// The product with an exact numeral.
public func * <S: NumericSort>(a: Rational, b: Term<S>) -> Term<S> { b.context._numeral(a) * b }
/// The product with an integer numeral.
public func * <S: NumericSort>(a: Term<S>, b: Int) -> Term<S> { a * Rational(b) }
/// The product with an integer numeral.
public func * <S: NumericSort>(a: Int, b: Term<S>) -> Term<S> { Rational(a) * b }
/// The product with the exact value of a double.
public func * <S: NumericSort>(a: Term<S>, b: Double) -> Term<S> { a * a.context._numeral(b) }
/// The product with the exact value of a double.
public func * <S: NumericSort>(a: Double, b: Term<S>) -> Term<S> { b.context._numeral(a) * b }

/// The real quotient (`Z3_mk_div`). Division by zero is total in SMT-LIB: `x / 0` is an
/// unspecified value, so guard divisors that can be zero.
public func / (a: Term<RealSort>, b: Term<RealSort>) -> Term<RealSort> {
    _binary(a, b, Z3_mk_div)
}
/// The quotient by an exact numeral.
public func / (a: Term<RealSort>, b: Rational) -> Term<RealSort> { a / a.context.real(b) }
/// The quotient of an exact numeral.
public func / (a: Rational, b: Term<RealSort>) -> Term<RealSort> { b.context.real(a) / b }
/// The quotient by an integer numeral.
public func / (a: Term<RealSort>, b: Int) -> Term<RealSort> { a / Rational(b) }
/// The quotient of an integer numeral.
public func / (a: Int, b: Term<RealSort>) -> Term<RealSort> { Rational(a) / b }
/// The quotient by the exact value of a double.
public func / (a: Term<RealSort>, b: Double) -> Term<RealSort> { a / a.context._numeral(b) }
/// The quotient of the exact value of a double.
public func / (a: Double, b: Term<RealSort>) -> Term<RealSort> { b.context._numeral(a) / b }

extension Term where S == IntSort {
    /// The same integer as a real term (`Z3_mk_int2real`); the only way to mix sorts.
    public func toReal() -> Term<RealSort> {
        context._build { Z3_mk_int2real($0, _ast) }
    }
}

/// The sum of `terms` (`Z3_mk_add`); 0 when `terms` is empty.
/// - Parameters:
///   - terms: Terms of `context`.
///   - context: The context of the result (needed when `terms` is empty).
public func sum<S: NumericSort>(_ terms: [Term<S>], in context: Context) -> Term<S> {
    switch terms.count {
    case 0: context._numeral(Rational(0))
    case 1: context._same(terms[0].context) ? terms[0] : context._placeholder()
    default: _nary(terms, in: context, Z3_mk_add)
    }
}
