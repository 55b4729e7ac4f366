// Solver: a small, safe Swift API over the Z3 C API (libz3, module CZ3).
//
// Goals, in priority order:
// 1. Correct answers: numerals and model values are exact `Rational`s (no doubles in between);
//    Z3 errors become `SolverError`s; terms from different contexts are detected, not crashed on;
//    optimizer results are re-checked with the plain solver before they are reported.
// 2. No leaks and no use-after-free: every Z3 object is owned by one final class that takes a
//    reference in `init` and releases it in `deinit`; `LiveObjects.count` counts them.
// 3. A z3py-like term language: `Term<RealSort>`, `3 * x + 1 .<= y`, `and([...])`, `ite`,
//    `forall`, with the sort in the type and explicit `toReal()`.
// 4. Speed last: queries are small; each builder is one or two C calls.
//
// Usage:
//
//     let context = Context()
//     let x = context.real("x")
//     let solver = Solver(context: context, timeoutMilliseconds: 5_000)
//     solver.add(3 * x .== 1)
//     if case .sat(let model) = try solver.check() { try model.rational(x) }  // 1/3
//
// A context is not thread-safe: use one per job. No raw Z3 pointer appears in the public API.

internal import CZ3

/// The answer of `Solver.check()`.
public enum CheckResult {
    /// The assertions are satisfiable; a model of them.
    case sat(Model)
    /// The assertions are unsatisfiable.
    case unsat
    /// Z3 gave up (timeout, incompleteness); `Z3_solver_get_reason_unknown`, e.g. `timeout`.
    case unknown(reason: String)
}

/// A Z3 solver (`Z3_mk_solver`) over the terms of one context, with a timeout.
///
/// Until the first `push()`, or the first `add` after a `check()`, Z3 answers with its default
/// tactic, which picks a complete procedure by logic (nlsat for nonlinear real arithmetic,
/// quantifier elimination for linear arithmetic). After that it uses its incremental
/// engine, which falls back to the tactic when it gives up on a quantifier-free query but
/// not on a quantified one: give each quantified query a fresh solver, or it may come back
/// `unknown`.
///
/// - Complexity: A new solver's first `check()` costs about 8 ms on top of the search (Z3
///   builds its default tactic); incremental checks on a reused solver cost well under 1 ms
///   for small queries, so reuse one solver with `push()` / `pop()` for many small linear
///   queries.
public final class Solver {
    /// The context whose terms this solver accepts.
    public let context: Context
    /// The time limit of each `check()`; 0 means none.
    public var timeoutMilliseconds: UInt32
    let _raw: OpaquePointer

    /// A solver whose `check()` gives up with `.unknown(reason: "timeout")` after
    /// `timeoutMilliseconds`.
    ///
    /// The limit is enforced with `Z3_interrupt` from a timer thread rather than Z3's
    /// `timeout` parameter, which deadlocks in Z3 4.8.12 (see `_Watchdog`).
    /// - Parameters:
    ///   - context: The context of every assertion.
    ///   - timeoutMilliseconds: The limit per `check()`; 0 means none (always pass one).
    ///   - simple: use Z3's simple solver (`Z3_mk_simple_solver`): no default tactic to build,
    ///     so a first check is much cheaper; right for quantifier-free linear queries, not for
    ///     nonlinear or quantified ones.
    public init(context: Context, timeoutMilliseconds: UInt32, simple: Bool = false) {
        self.context = context
        self.timeoutMilliseconds = timeoutMilliseconds
        let raw = context._raw
        _raw = (simple ? Z3_mk_simple_solver(raw) : Z3_mk_solver(raw))!
        Z3_solver_inc_ref(raw, _raw)
        LiveObjects._retain()
    }

    deinit {
        Z3_solver_dec_ref(context._raw, _raw)
        LiveObjects._release()
    }

    /// Asserts `assertion` (`Z3_solver_assert`). A term of another context is not added:
    /// `.contextMismatch` is recorded and the next `check()` throws it.
    public func add(_ assertion: Term<BoolSort>) {
        guard context._same(assertion.context) else { return }
        Z3_solver_assert(context._raw, _raw, assertion._ast)
        if let error = context._error() { context._record(error) }
    }

    /// Opens a scope: assertions added after it are removed by the matching `pop()`.
    public func push() {
        Z3_solver_push(context._raw, _raw)
        if let error = context._error() { context._record(error) }
    }

    /// Closes the innermost scope; popping with no open scope is recorded as an error.
    public func pop() {
        Z3_solver_pop(context._raw, _raw, 1)
        if let error = context._error() { context._record(error) }
    }

    /// Decides the conjunction of the assertions.
    /// - Throws: The first error recorded in the context by a non-throwing call (such as
    ///   `.contextMismatch`), or a Z3 error from the check itself.
    public func check() throws(SolverError) -> CheckResult {
        if let pending = context._pendingError { throw pending }
        let raw = context._raw
        let (result, timedOut) = _withWatchdog(context, timeoutMilliseconds) { Z3_solver_check(raw, _raw) }
        if let error = context._error() { throw error }
        if timedOut && result == Z3_L_UNDEF { return .unknown(reason: "timeout") }
        switch result {
        case Z3_L_TRUE:
            let model = Z3_solver_get_model(raw, _raw)
            if let error = context._error() { throw error }
            guard let model else { throw context._thrown(.z3(code: -1, message: "Z3 returned no model")) }
            return .sat(Model(context, model))
        case Z3_L_FALSE:
            return .unsat
        default:
            return .unknown(reason: Z3_solver_get_reason_unknown(raw, _raw).map { String(cString: $0) } ?? "unknown")
        }
    }

    /// The assertions as a self-contained SMT-LIB2 script ending in `(check-sat)`
    /// (`Z3_benchmark_to_smtlib_string`), for replaying a query with `z3 -smt2 FILE`.
    public func smtlib2() -> String {
        let raw = context._raw
        let vector = Z3_solver_get_assertions(raw, _raw)!
        Z3_ast_vector_inc_ref(raw, vector)
        defer { Z3_ast_vector_dec_ref(raw, vector) }
        let handles = (0..<Z3_ast_vector_size(raw, vector)).map { _Handle(context, Z3_ast_vector_get(raw, vector, $0)!) }
        return _smtlib2(context, handles)
    }
}

/// An SMT-LIB2 script asserting `assertions` and ending in `(check-sat)`.
func _smtlib2(_ context: Context, _ assertions: [_Handle]) -> String {
    let raw = context._raw
    let truth = _Handle(context, Z3_mk_true(raw))
    let formula = assertions.last ?? truth
    let assumptions: [OpaquePointer?] = assertions.dropLast().map { $0.ast }
    let text = withExtendedLifetime((assertions, truth)) {
        assumptions.withUnsafeBufferPointer { buffer in
            Z3_benchmark_to_smtlib_string(
                raw, "", "", "unknown", "", UInt32(buffer.count), buffer.baseAddress, formula.ast
            ).map { String(cString: $0) } ?? ""
        }
    }
    if let error = context._error() { context._record(error) }
    return text.hasSuffix("\n") ? text : text + "\n"
}
