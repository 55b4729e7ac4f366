internal import CZ3
public import BigInt

/// The value of a real term in a model.
public enum RealValue: Equatable, CustomStringConvertible {
    /// A rational value, exactly.
    case exact(Rational)
    /// An irrational algebraic number (from nonlinear arithmetic, e.g. √2), bracketed by
    /// rationals with `upper - lower <= 1/10^20`; `text` is Z3's decimal rendering
    /// (`1.41421356237309504880?`, the `?` marking truncation).
    case algebraic(lower: Rational, upper: Rational, text: String)

    /// `1/3` for exact values; Z3's decimal text for algebraic ones.
    public var description: String {
        switch self {
        case .exact(let value): value.description
        case .algebraic(_, _, let text): text
        }
    }
}

/// A model of a solver's assertions (`Z3_model`), for reading values of terms.
///
/// Evaluation uses model completion: a constant that the assertions leave free gets a
/// default value rather than staying symbolic.
public final class Model: CustomStringConvertible {
    /// The context of the terms this model evaluates.
    public let context: Context
    let _raw: OpaquePointer

    init(_ context: Context, _ raw: OpaquePointer) {
        self.context = context
        _raw = raw
        Z3_model_inc_ref(context._raw, raw)
        LiveObjects._retain()
    }

    deinit {
        Z3_model_dec_ref(context._raw, _raw)
        LiveObjects._release()
    }

    /// The model in Z3's text form (`Z3_model_to_string`), one definition per constant.
    public var description: String {
        Z3_model_to_string(context._raw, _raw).map { String(cString: $0) } ?? ""
    }

    /// The value of `term`: exact if rational, bracketed if algebraic.
    /// - Throws: `.contextMismatch`, a Z3 error, or `.notANumeral` for any other value.
    public func value(_ term: Term<RealSort>) throws(SolverError) -> RealValue {
        let value = try _evaluate(term._handle)
        let raw = context._raw
        if Z3_is_numeral_ast(raw, value.ast) { return .exact(try _rational(value)) }
        guard Z3_is_algebraic_number(raw, value.ast) else { throw context._thrown(.notANumeral(value.description)) }
        let lower = try _rational(_wrap(Z3_get_algebraic_number_lower(raw, value.ast, 20)))
        let upper = try _rational(_wrap(Z3_get_algebraic_number_upper(raw, value.ast, 20)))
        let text = Z3_get_numeral_decimal_string(raw, value.ast, 20).map { String(cString: $0) } ?? value.description
        if let error = context._error() { throw error }
        return .algebraic(lower: lower, upper: upper, text: text)
    }

    /// The value of `term` if it is rational.
    /// - Throws: `.notANumeral` for an algebraic value; `.contextMismatch`, a Z3 error.
    public func rational(_ term: Term<RealSort>) throws(SolverError) -> Rational {
        switch try value(term) {
        case .exact(let value): return value
        case .algebraic(_, _, let text): throw context._thrown(.notANumeral(text))
        }
    }

    /// The value of an integer term.
    /// - Throws: `.contextMismatch`, a Z3 error, or `.notANumeral`.
    public func value(_ term: Term<IntSort>) throws(SolverError) -> BigInt {
        let value = try _evaluate(term._handle)
        guard Z3_is_numeral_ast(context._raw, value.ast),
            let text = Z3_get_numeral_string(context._raw, value.ast).map({ String(cString: $0) }),
            let integer = BigInt(text)
        else { throw context._thrown(.notANumeral(value.description)) }
        return integer
    }

    /// The value of a Boolean term.
    /// - Throws: `.contextMismatch`, a Z3 error, or `.notANumeral` if it is not `true`/`false`.
    public func value(_ term: Term<BoolSort>) throws(SolverError) -> Bool {
        let value = try _evaluate(term._handle)
        switch Z3_get_bool_value(context._raw, value.ast) {
        case Z3_L_TRUE: return true
        case Z3_L_FALSE: return false
        default: throw context._thrown(.notANumeral(value.description))
        }
    }

    /// `Z3_model_eval` with model completion.
    func _evaluate(_ handle: _Handle) throws(SolverError) -> _Handle {
        guard handle.context === context else { throw context._thrown(.contextMismatch) }
        var result: OpaquePointer?
        let ok = Z3_model_eval(context._raw, _raw, handle.ast, true, &result)
        if let error = context._error() { throw error }
        guard ok, let result else { throw context._thrown(.z3(code: -1, message: "model evaluation failed")) }
        return _Handle(context, result)
    }

    /// Takes a reference to a term just returned by Z3, or throws its error.
    private func _wrap(_ ast: OpaquePointer?) throws(SolverError) -> _Handle {
        if let error = context._error() { throw error }
        guard let ast else { throw context._thrown(.z3(code: -1, message: "Z3 returned no term")) }
        return _Handle(context, ast)
    }

    /// The exact value of a rational numeral (`Z3_get_numeral_string`, `"-7/2"`).
    private func _rational(_ numeral: _Handle) throws(SolverError) -> Rational {
        try _numeralValue(numeral)
    }
}

/// The exact value of a rational numeral term, or `.notANumeral` (recorded as thrown).
func _numeralValue(_ numeral: _Handle) throws(SolverError) -> Rational {
    let context = numeral.context
    guard Z3_is_numeral_ast(context._raw, numeral.ast),
        let text = Z3_get_numeral_string(context._raw, numeral.ast).map({ String(cString: $0) }),
        let value = Rational(text)
    else { throw context._thrown(.notANumeral(numeral.description)) }
    return value
}
