internal import CZ3

/// One Z3 context: the owner of every term, solver, optimizer and model built from it.
///
/// Made with `Z3_mk_context_rc` (reference-counted terms) and `Z3_set_error_handler(ctx, nil)`,
/// so Z3 errors become error codes that the wrapper reads after each call. Every term holds
/// its context strongly; the context is deleted when the last of them goes away.
///
/// A context is not thread-safe: use one per verification job and keep it on one thread.
public final class Context {
    let _raw: OpaquePointer
    private let realSort: OpaquePointer
    private let intSort: OpaquePointer
    private let boolSort: OpaquePointer

    /// The last error seen in this context, from any call, if any.
    public private(set) var lastError: SolverError?

    /// The first error recorded by a call that cannot throw; `check()` throws it.
    private(set) var _pendingError: SolverError?

    /// Creates a fresh Z3 context with reference-counted terms and no error handler.
    public init() {
        let config = Z3_mk_config()
        _raw = Z3_mk_context_rc(config)!
        Z3_del_config(config)
        Z3_set_error_handler(_raw, nil)
        realSort = Z3_mk_real_sort(_raw)!
        intSort = Z3_mk_int_sort(_raw)!
        boolSort = Z3_mk_bool_sort(_raw)!
        for sort in [realSort, intSort, boolSort] { Z3_inc_ref(_raw, Z3_sort_to_ast(_raw, sort)) }
        LiveObjects._retain()
    }

    deinit {
        for sort in [realSort, intSort, boolSort] { Z3_dec_ref(_raw, Z3_sort_to_ast(_raw, sort)) }
        Z3_del_context(_raw)
        LiveObjects._release()
    }

    // MARK: Constants and numerals

    /// A fresh real constant named `name` (`Z3_mk_const`); the same name gives the same constant.
    public func real(_ name: String) -> Term<RealSort> { _constant(name) }

    /// An integer constant named `name` (`Z3_mk_const`).
    public func int(_ name: String) -> Term<IntSort> { _constant(name) }

    /// A Boolean constant named `name` (`Z3_mk_const`).
    public func bool(_ name: String) -> Term<BoolSort> { _constant(name) }

    /// The exact real numeral `value`.
    public func real(_ value: Rational) -> Term<RealSort> { _numeral(value) }

    /// The real numeral `value`.
    public func real(_ value: Int) -> Term<RealSort> { _numeral(Rational(value)) }

    /// The real numeral whose value is exactly the binary value of `value` (0.1 is
    /// 3602879701896397/36028797018963968, not 1/10).
    /// - Precondition: `value` is finite.
    public func real(_ value: Double) -> Term<RealSort> {
        guard let exact = Rational(exactly: value) else {
            preconditionFailure("Context.real: \(value) is not finite")
        }
        return _numeral(exact)
    }

    /// The integer numeral `value`.
    public func int(_ value: Int) -> Term<IntSort> { _numeral(Rational(value)) }

    /// The Boolean literal `true` or `false`.
    public func bool(_ value: Bool) -> Term<BoolSort> {
        _build { value ? Z3_mk_true($0) : Z3_mk_false($0) }
    }

    // MARK: Internals

    func _sort(_ kind: _SortKind) -> OpaquePointer {
        switch kind {
        case .real: realSort
        case .int: intSort
        case .bool: boolSort
        }
    }

    func _constant<S: Sort>(_ name: String) -> Term<S> {
        let sort = _sort(_SortKind(S.self))
        return _build { ctx in Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, name), sort) }
    }

    /// A numeral of sort `S`; a non-integer value for an `IntSort` term is recorded as an error.
    func _numeral<S: Sort>(_ value: Rational) -> Term<S> {
        let kind = _SortKind(S.self)
        if kind == .int && !value.isInteger {
            _record(.z3(code: Int(Z3_INVALID_ARG.rawValue), message: "non-integer numeral \(value) for an Int term"))
            return _placeholder()
        }
        let sort = _sort(kind)
        return _build { Z3_mk_numeral($0, value.description, sort) }
    }

    /// The numeral `value` if it is finite, else a recorded error and a placeholder.
    func _numeral<S: Sort>(_ value: Double) -> Term<S> {
        guard let exact = Rational(exactly: value) else {
            _record(.z3(code: Int(Z3_INVALID_ARG.rawValue), message: "numeral \(value) is not finite"))
            return _placeholder()
        }
        return _numeral(exact)
    }

    /// Reads Z3's error code after a call; a non-OK code becomes `lastError` and is returned.
    func _error() -> SolverError? {
        let code = Z3_get_error_code(_raw)
        guard code != Z3_OK else { return nil }
        let message = Z3_get_error_msg(_raw, code).map { String(cString: $0) } ?? ""
        let error = SolverError.z3(code: Int(code.rawValue), message: message)
        lastError = error
        return error
    }

    /// Records an error from a call that cannot throw: `lastError`, and the pending error
    /// that the next `check()` throws.
    func _record(_ error: SolverError) {
        lastError = error
        if _pendingError == nil { _pendingError = error }
    }

    /// Notes an error about to be thrown to the caller (it becomes `lastError` only).
    func _thrown(_ error: SolverError) -> SolverError {
        lastError = error
        return error
    }

    /// Runs a Z3 call that builds a term; on error records it and returns a placeholder.
    func _build<S: Sort>(_ call: (OpaquePointer) -> OpaquePointer?) -> Term<S> {
        let ast = call(_raw)
        if let error = _error() {
            _record(error)
            return _placeholder()
        }
        guard let ast else {
            _record(.z3(code: -1, message: "Z3 returned no term"))
            return _placeholder()
        }
        return Term(_Handle(self, ast))
    }

    /// A harmless term of sort `S` (`false` or 0) standing in for a failed construction.
    func _placeholder<S: Sort>() -> Term<S> {
        let ast: OpaquePointer =
            switch _SortKind(S.self) {
            case .bool: Z3_mk_false(_raw)
            case .int: Z3_mk_int(_raw, 0, intSort)
            case .real: Z3_mk_int(_raw, 0, realSort)
            }
        return Term(_Handle(self, ast))
    }

    /// Records `.contextMismatch` unless `other` is this context; returns whether they match.
    func _same(_ other: Context) -> Bool {
        if other === self { return true }
        _record(.contextMismatch)
        other._record(.contextMismatch)
        return false
    }
}
