internal import CZ3

/// Owns one Z3 term reference: `Z3_inc_ref` on creation, `Z3_dec_ref` in `deinit`.
final class _Handle {
    let context: Context
    let ast: OpaquePointer

    init(_ context: Context, _ ast: OpaquePointer) {
        self.context = context
        self.ast = ast
        Z3_inc_ref(context._raw, ast)
        LiveObjects._retain()
    }

    deinit {
        Z3_dec_ref(context._raw, ast)
        LiveObjects._release()
    }

    var description: String {
        Z3_ast_to_string(context._raw, ast).map { String(cString: $0) } ?? ""
    }
}

/// A Z3 term of sort `S` (`Term<RealSort>`, `Term<IntSort>`, `Term<BoolSort>`).
///
/// Build terms from a `Context` (`context.real("x")`, `context.int(3)`) and combine them with
/// the operators of this module: `+ - * /`, comparisons `.== .!= .< .<= .> .>=`, logic
/// `&& || !`, `ite`, `forall`, `exists`. A term holds its context strongly and one Z3
/// reference, released when the last copy of the term goes away.
///
/// Combining terms of two contexts records `SolverError.contextMismatch` (the result is a
/// placeholder in the left operand's context) and makes the next `check()` throw.
public struct Term<S: Sort>: CustomStringConvertible {
    let _handle: _Handle

    init(_ handle: _Handle) { _handle = handle }

    /// The context that owns this term.
    public var context: Context { _handle.context }

    var _ast: OpaquePointer { _handle.ast }

    /// The term in SMT-LIB syntax (`Z3_ast_to_string`), e.g. `(+ x 1.0)`.
    public var description: String { _handle.description }

    /// The term rewritten by Z3's simplifier (`Z3_simplify`), e.g. `(+ 1 2)` becomes `3`.
    public func simplified() -> Term<S> {
        context._build { Z3_simplify($0, _ast) }
    }

    /// The same term with its sort erased, for quantifier variable lists.
    public var erased: AnyTerm { AnyTerm(_handle) }
}

/// A term whose sort is not tracked in the type; used for quantifier variable lists
/// (`forall([x.erased, n.erased], body)`).
public struct AnyTerm: CustomStringConvertible {
    let _handle: _Handle

    init(_ handle: _Handle) { _handle = handle }

    /// The context that owns this term.
    public var context: Context { _handle.context }

    /// The term in SMT-LIB syntax (`Z3_ast_to_string`).
    public var description: String { _handle.description }
}

/// Builds a term from two operands, checking that they share a context.
func _binary<A: Sort, B: Sort, R: Sort>(
    _ a: Term<A>, _ b: Term<B>,
    _ call: (OpaquePointer?, OpaquePointer?, OpaquePointer?) -> OpaquePointer?
) -> Term<R> {
    let context = a.context
    guard context._same(b.context) else { return context._placeholder() }
    return context._build { call($0, a._ast, b._ast) }
}

/// Builds a term from a list of operands, all of which must belong to `context`.
func _nary<A: Sort, R: Sort>(
    _ terms: [Term<A>], in context: Context,
    _ call: (OpaquePointer?, UInt32, UnsafePointer<OpaquePointer?>?) -> OpaquePointer?
) -> Term<R> {
    for term in terms where !context._same(term.context) { return context._placeholder() }
    let asts: [OpaquePointer?] = terms.map { $0._ast }
    return withExtendedLifetime(terms) {
        asts.withUnsafeBufferPointer { buffer in
            context._build { call($0, UInt32(buffer.count), buffer.baseAddress) }
        }
    }
}
