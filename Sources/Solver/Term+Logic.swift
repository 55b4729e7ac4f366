internal import CZ3

/// Conjunction (`Z3_mk_and`).
public func && (a: Term<BoolSort>, b: Term<BoolSort>) -> Term<BoolSort> {
    _nary([a, b], in: a.context, Z3_mk_and)
}

/// Disjunction (`Z3_mk_or`).
public func || (a: Term<BoolSort>, b: Term<BoolSort>) -> Term<BoolSort> {
    _nary([a, b], in: a.context, Z3_mk_or)
}

/// Negation (`Z3_mk_not`).
public prefix func ! (a: Term<BoolSort>) -> Term<BoolSort> {
    a.context._build { Z3_mk_not($0, a._ast) }
}

/// Implication `a => b` (`Z3_mk_implies`).
public func implies(_ a: Term<BoolSort>, _ b: Term<BoolSort>) -> Term<BoolSort> {
    _binary(a, b, Z3_mk_implies)
}

/// The conjunction of `terms` (`Z3_mk_and`); `true` when `terms` is empty.
/// - Parameters:
///   - terms: Boolean terms of `context`.
///   - context: The context of the result (needed when `terms` is empty).
public func and(_ terms: [Term<BoolSort>], in context: Context) -> Term<BoolSort> {
    switch terms.count {
    case 0: context.bool(true)
    case 1: context._same(terms[0].context) ? terms[0] : context._placeholder()
    default: _nary(terms, in: context, Z3_mk_and)
    }
}

/// The disjunction of `terms` (`Z3_mk_or`); `false` when `terms` is empty.
/// - Parameters:
///   - terms: Boolean terms of `context`.
///   - context: The context of the result (needed when `terms` is empty).
public func or(_ terms: [Term<BoolSort>], in context: Context) -> Term<BoolSort> {
    switch terms.count {
    case 0: context.bool(false)
    case 1: context._same(terms[0].context) ? terms[0] : context._placeholder()
    default: _nary(terms, in: context, Z3_mk_or)
    }
}

/// If-then-else: `a` where `condition` holds, else `b` (`Z3_mk_ite`).
public func ite<S: Sort>(_ condition: Term<BoolSort>, _ a: Term<S>, _ b: Term<S>) -> Term<S> {
    let context = condition.context
    guard context._same(a.context), context._same(b.context) else { return context._placeholder() }
    return context._build { Z3_mk_ite($0, condition._ast, a._ast, b._ast) }
}
