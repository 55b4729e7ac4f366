internal import CZ3

// Structural walks over Z3 terms, used by `Optimizer` to build the closure relaxation of the
// assertions and to quantify over their free constants.

/// The relaxation of a Boolean term: strict arithmetic atoms in positive position become
/// non-strict (`x < 3` becomes `x <= 3`, `not (x <= 3)` becomes `not (x < 3)`), and
/// disequalities become `true`. The relaxed set of models contains the original one, and is
/// its topological closure when every cell of the formula is non-empty.
func _relaxed(_ term: _Handle) -> _Handle {
    _Relaxer(term.context).relax(term.ast, positive: true)
}

private struct _Relaxer {
    let context: Context
    var raw: OpaquePointer { context._raw }

    init(_ context: Context) { self.context = context }

    func relax(_ ast: OpaquePointer, positive: Bool) -> _Handle {
        let original = _Handle(context, ast)
        guard Z3_get_ast_kind(raw, ast) == Z3_APP_AST else { return original }
        let app = Z3_to_app(raw, ast)
        let args = (0..<Z3_get_app_num_args(raw, app)).map { Z3_get_app_arg(raw, app, $0)! }
        let numeric = args.count == 2 && !_isBool(raw, args[0])
        switch Z3_get_decl_kind(raw, Z3_get_app_decl(raw, app)) {
        case Z3_OP_AND, Z3_OP_OR:
            let parts = args.map { relax($0, positive: positive) }
            let asts: [OpaquePointer?] = parts.map { $0.ast }
            let and = Z3_get_decl_kind(raw, Z3_get_app_decl(raw, app)) == Z3_OP_AND
            return withExtendedLifetime(parts) {
                asts.withUnsafeBufferPointer { buffer in
                    make(and ? Z3_mk_and(raw, UInt32(buffer.count), buffer.baseAddress)
                        : Z3_mk_or(raw, UInt32(buffer.count), buffer.baseAddress), else: original)
                }
            }
        case Z3_OP_NOT:
            let inner = relax(args[0], positive: !positive)
            return make(Z3_mk_not(raw, inner.ast), else: original)
        case Z3_OP_IMPLIES:
            let premise = relax(args[0], positive: !positive)
            let conclusion = relax(args[1], positive: positive)
            return make(Z3_mk_implies(raw, premise.ast, conclusion.ast), else: original)
        case Z3_OP_LT where positive && numeric: return make(Z3_mk_le(raw, args[0], args[1]), else: original)
        case Z3_OP_GT where positive && numeric: return make(Z3_mk_ge(raw, args[0], args[1]), else: original)
        case Z3_OP_LE where !positive && numeric: return make(Z3_mk_lt(raw, args[0], args[1]), else: original)
        case Z3_OP_GE where !positive && numeric: return make(Z3_mk_gt(raw, args[0], args[1]), else: original)
        case Z3_OP_EQ where !positive && numeric: return make(Z3_mk_false(raw), else: original)
        case Z3_OP_DISTINCT where positive && numeric: return make(Z3_mk_true(raw), else: original)
        default: return original
        }
    }

    /// Takes a reference to a freshly built term, or falls back to the unrelaxed one.
    private func make(_ ast: OpaquePointer?, else original: _Handle) -> _Handle {
        guard Z3_get_error_code(raw) == Z3_OK, let ast else { return original }
        return _Handle(context, ast)
    }
}

private func _isBool(_ raw: OpaquePointer, _ ast: OpaquePointer) -> Bool {
    Z3_get_sort_kind(raw, Z3_get_sort(raw, ast)) == Z3_BOOL_SORT
}

/// The uninterpreted constants occurring free in `terms`, each once, in order of discovery.
func _freeConstants(_ terms: [_Handle]) -> [_Handle] {
    guard let context = terms.first?.context else { return [] }
    let raw = context._raw
    var seen = Set<UInt32>()
    var found: [_Handle] = []
    var stack: [OpaquePointer] = terms.map(\.ast)
    while let ast = stack.popLast() {
        guard seen.insert(Z3_get_ast_id(raw, ast)).inserted else { continue }
        switch Z3_get_ast_kind(raw, ast) {
        case Z3_APP_AST:
            if _isConstant(raw, ast) {
                found.append(_Handle(context, ast))
            } else {
                let app = Z3_to_app(raw, ast)
                for i in 0..<Z3_get_app_num_args(raw, app) { stack.append(Z3_get_app_arg(raw, app, i)!) }
            }
        case Z3_QUANTIFIER_AST:
            stack.append(Z3_get_quantifier_body(raw, ast)!)
        default:
            break
        }
    }
    return withExtendedLifetime(terms) { found }
}
