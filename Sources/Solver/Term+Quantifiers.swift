internal import CZ3

/// `∀ variables. body` (`Z3_mk_forall_const`).
///
/// The variables are constants made by the context (`context.real("x").erased`); inside
/// `body` they become bound. With no variables the result is `body` itself.
/// A variable that is not a constant is recorded as an error in the context.
public func forall(_ variables: [AnyTerm], _ body: Term<BoolSort>) -> Term<BoolSort> {
    _quantifier(universal: true, variables, body)
}

/// `∃ variables. body` (`Z3_mk_exists_const`); see `forall(_:_:)`.
public func exists(_ variables: [AnyTerm], _ body: Term<BoolSort>) -> Term<BoolSort> {
    _quantifier(universal: false, variables, body)
}

func _quantifier(universal: Bool, _ variables: [AnyTerm], _ body: Term<BoolSort>) -> Term<BoolSort> {
    let context = body.context
    guard !variables.isEmpty else { return body }
    for variable in variables where !context._same(variable.context) { return context._placeholder() }
    let raw = context._raw
    for variable in variables where !_isConstant(raw, variable._handle.ast) {
        context._record(
            .z3(code: Int(Z3_INVALID_ARG.rawValue), message: "quantifier variable \(variable) is not a constant"))
        return context._placeholder()
    }
    let apps: [OpaquePointer?] = variables.map { Z3_to_app(raw, $0._handle.ast) }
    return withExtendedLifetime(variables) {
        apps.withUnsafeBufferPointer { buffer in
            context._build { ctx in
                universal
                    ? Z3_mk_forall_const(ctx, 0, UInt32(buffer.count), buffer.baseAddress, 0, nil, body._ast)
                    : Z3_mk_exists_const(ctx, 0, UInt32(buffer.count), buffer.baseAddress, 0, nil, body._ast)
            }
        }
    }
}

/// Whether `ast` is an uninterpreted constant (an application of a declared 0-ary symbol).
func _isConstant(_ raw: OpaquePointer, _ ast: OpaquePointer) -> Bool {
    guard Z3_get_ast_kind(raw, ast) == Z3_APP_AST else { return false }
    let app = Z3_to_app(raw, ast)
    return Z3_get_app_num_args(raw, app) == 0
        && Z3_get_decl_kind(raw, Z3_get_app_decl(raw, app)) == Z3_OP_UNINTERPRETED
}
