internal import CZ3

// Comparisons build Boolean terms. They use the pointwise operators `.== .!= .< .<= .> .>=`
// (declared by the standard library for SIMD) so that `==` keeps its `Equatable` meaning.

/// `a = b` (`Z3_mk_eq`).
public func .== <S: NumericSort>(a: Term<S>, b: Term<S>) -> Term<BoolSort> { _binary(a, b, Z3_mk_eq) }
/// `a = b` for Booleans (`Z3_mk_eq`): equivalence.
public func .== (a: Term<BoolSort>, b: Term<BoolSort>) -> Term<BoolSort> { _binary(a, b, Z3_mk_eq) }
/// `a ≠ b` (`not (= a b)`).
public func .!= <S: NumericSort>(a: Term<S>, b: Term<S>) -> Term<BoolSort> { !(a .== b) }
/// `a ≠ b` for Booleans: exclusive or.
public func .!= (a: Term<BoolSort>, b: Term<BoolSort>) -> Term<BoolSort> { !(a .== b) }
/// `a < b` (`Z3_mk_lt`).
public func .< <S: NumericSort>(a: Term<S>, b: Term<S>) -> Term<BoolSort> { _binary(a, b, Z3_mk_lt) }
/// `a ≤ b` (`Z3_mk_le`).
public func .<= <S: NumericSort>(a: Term<S>, b: Term<S>) -> Term<BoolSort> { _binary(a, b, Z3_mk_le) }
/// `a > b` (`Z3_mk_gt`).
public func .> <S: NumericSort>(a: Term<S>, b: Term<S>) -> Term<BoolSort> { _binary(a, b, Z3_mk_gt) }
/// `a ≥ b` (`Z3_mk_ge`).
public func .>= <S: NumericSort>(a: Term<S>, b: Term<S>) -> Term<BoolSort> { _binary(a, b, Z3_mk_ge) }

/// `a = b` with an exact numeral.
public func .== <S: NumericSort>(a: Term<S>, b: Rational) -> Term<BoolSort> { a .== a.context._numeral(b) }
/// `a = b` with an exact numeral.
public func .== <S: NumericSort>(a: Rational, b: Term<S>) -> Term<BoolSort> { b.context._numeral(a) .== b }
/// `a = b` with an integer numeral.
public func .== <S: NumericSort>(a: Term<S>, b: Int) -> Term<BoolSort> { a .== Rational(b) }
/// `a = b` with an integer numeral.
public func .== <S: NumericSort>(a: Int, b: Term<S>) -> Term<BoolSort> { Rational(a) .== b }
/// `a = b` with the exact value of a double.
public func .== <S: NumericSort>(a: Term<S>, b: Double) -> Term<BoolSort> { a .== a.context._numeral(b) }
/// `a = b` with the exact value of a double.
public func .== <S: NumericSort>(a: Double, b: Term<S>) -> Term<BoolSort> { b.context._numeral(a) .== b }

/// `a ≠ b` with an exact numeral.
public func .!= <S: NumericSort>(a: Term<S>, b: Rational) -> Term<BoolSort> { a .!= a.context._numeral(b) }
/// `a ≠ b` with an exact numeral.
public func .!= <S: NumericSort>(a: Rational, b: Term<S>) -> Term<BoolSort> { b.context._numeral(a) .!= b }
/// `a ≠ b` with an integer numeral.
public func .!= <S: NumericSort>(a: Term<S>, b: Int) -> Term<BoolSort> { a .!= Rational(b) }
/// `a ≠ b` with an integer numeral.
public func .!= <S: NumericSort>(a: Int, b: Term<S>) -> Term<BoolSort> { Rational(a) .!= b }
/// `a ≠ b` with the exact value of a double.
public func .!= <S: NumericSort>(a: Term<S>, b: Double) -> Term<BoolSort> { a .!= a.context._numeral(b) }
/// `a ≠ b` with the exact value of a double.
public func .!= <S: NumericSort>(a: Double, b: Term<S>) -> Term<BoolSort> { b.context._numeral(a) .!= b }

/// `a < b` with an exact numeral.
public func .< <S: NumericSort>(a: Term<S>, b: Rational) -> Term<BoolSort> { a .< a.context._numeral(b) }
/// `a < b` with an exact numeral.
public func .< <S: NumericSort>(a: Rational, b: Term<S>) -> Term<BoolSort> { b.context._numeral(a) .< b }
/// `a < b` with an integer numeral.
public func .< <S: NumericSort>(a: Term<S>, b: Int) -> Term<BoolSort> { a .< Rational(b) }
/// `a < b` with an integer numeral.
public func .< <S: NumericSort>(a: Int, b: Term<S>) -> Term<BoolSort> { Rational(a) .< b }
/// `a < b` with the exact value of a double.
public func .< <S: NumericSort>(a: Term<S>, b: Double) -> Term<BoolSort> { a .< a.context._numeral(b) }
/// `a < b` with the exact value of a double.
public func .< <S: NumericSort>(a: Double, b: Term<S>) -> Term<BoolSort> { b.context._numeral(a) .< b }

/// `a ≤ b` with an exact numeral.
public func .<= <S: NumericSort>(a: Term<S>, b: Rational) -> Term<BoolSort> { a .<= a.context._numeral(b) }
/// `a ≤ b` with an exact numeral.
public func .<= <S: NumericSort>(a: Rational, b: Term<S>) -> Term<BoolSort> { b.context._numeral(a) .<= b }
/// `a ≤ b` with an integer numeral.
public func .<= <S: NumericSort>(a: Term<S>, b: Int) -> Term<BoolSort> { a .<= Rational(b) }
/// `a ≤ b` with an integer numeral.
public func .<= <S: NumericSort>(a: Int, b: Term<S>) -> Term<BoolSort> { Rational(a) .<= b }
/// `a ≤ b` with the exact value of a double.
public func .<= <S: NumericSort>(a: Term<S>, b: Double) -> Term<BoolSort> { a .<= a.context._numeral(b) }
/// `a ≤ b` with the exact value of a double.
public func .<= <S: NumericSort>(a: Double, b: Term<S>) -> Term<BoolSort> { b.context._numeral(a) .<= b }

/// `a > b` with an exact numeral.
public func .> <S: NumericSort>(a: Term<S>, b: Rational) -> Term<BoolSort> { a .> a.context._numeral(b) }
/// `a > b` with an exact numeral.
public func .> <S: NumericSort>(a: Rational, b: Term<S>) -> Term<BoolSort> { b.context._numeral(a) .> b }
/// `a > b` with an integer numeral.
public func .> <S: NumericSort>(a: Term<S>, b: Int) -> Term<BoolSort> { a .> Rational(b) }
/// `a > b` with an integer numeral.
public func .> <S: NumericSort>(a: Int, b: Term<S>) -> Term<BoolSort> { Rational(a) .> b }
/// `a > b` with the exact value of a double.
public func .> <S: NumericSort>(a: Term<S>, b: Double) -> Term<BoolSort> { a .> a.context._numeral(b) }
/// `a > b` with the exact value of a double.
public func .> <S: NumericSort>(a: Double, b: Term<S>) -> Term<BoolSort> { b.context._numeral(a) .> b }

/// `a ≥ b` with an exact numeral.
public func .>= <S: NumericSort>(a: Term<S>, b: Rational) -> Term<BoolSort> { a .>= a.context._numeral(b) }
/// `a ≥ b` with an exact numeral.
public func .>= <S: NumericSort>(a: Rational, b: Term<S>) -> Term<BoolSort> { b.context._numeral(a) .>= b }
/// `a ≥ b` with an integer numeral.
public func .>= <S: NumericSort>(a: Term<S>, b: Int) -> Term<BoolSort> { a .>= Rational(b) }
/// `a ≥ b` with an integer numeral.
public func .>= <S: NumericSort>(a: Int, b: Term<S>) -> Term<BoolSort> { Rational(a) .>= b }
/// `a ≥ b` with the exact value of a double.
public func .>= <S: NumericSort>(a: Term<S>, b: Double) -> Term<BoolSort> { a .>= a.context._numeral(b) }
/// `a ≥ b` with the exact value of a double.
public func .>= <S: NumericSort>(a: Double, b: Term<S>) -> Term<BoolSort> { b.context._numeral(a) .>= b }
