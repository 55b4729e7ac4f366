internal import CZ3

/// Optimizes real objectives subject to assertions, with Z3's optimizer (`Z3_mk_optimize`)
/// proposing optima and the plain solver confirming them.
///
/// Each objective is optimized independently of the others (Z3's "box" priority). Z3 4.8.12
/// misreports optima under strict bounds (Z3 issue #5720: maximizing `x` subject to `x < 3`
/// reports `2`), so no proposal is trusted: for a maximized `f` with proposed value `s`,
/// `f > s` must be unsatisfiable with the assertions; then `f = s` satisfiable gives
/// `.finite(s)`, or else `ε > 0 ∧ ∀ free constants. assertions → f <= s - ε` unsatisfiable gives
/// `.infinitesimal(s, below: true)`; a proposed `+oo` needs `∀ free constants.
/// assertions → f <= M` unsatisfiable. Proposals come from the closure relaxation of the
/// assertions (strict bounds made non-strict) and then from the assertions themselves;
/// if neither is confirmed the result is `.unknown`. Nonlinear objectives usually end there.
public final class Optimizer {
    /// The context of the assertions and objectives.
    public let context: Context
    let _timeout: UInt32
    var _assertions: [Term<BoolSort>] = []
    var _objectives: [(term: Term<RealSort>, maximize: Bool)] = []

    /// An optimizer whose `check()` gives up with `.unknown` after about `timeoutMilliseconds`
    /// in total (enforced like `Solver`'s, with `Z3_interrupt`).
    public init(context: Context, timeoutMilliseconds: UInt32) {
        self.context = context
        _timeout = timeoutMilliseconds
        LiveObjects._retain()
    }

    deinit { LiveObjects._release() }

    /// Adds a hard constraint. A term of another context records `.contextMismatch`.
    public func add(_ assertion: Term<BoolSort>) {
        guard context._same(assertion.context) else { return }
        _assertions.append(assertion)
    }

    /// Adds the objective "maximize `term`"; its optimum is the supremum (an upper bound).
    /// - Returns: The objective's index in `OptimizeResult.optimal(_:values:)`.
    @discardableResult public func maximize(_ term: Term<RealSort>) -> Int { _objective(term, maximize: true) }

    /// Adds the objective "minimize `term`"; its optimum is the infimum (a lower bound).
    /// - Returns: The objective's index in `OptimizeResult.optimal(_:values:)`.
    @discardableResult public func minimize(_ term: Term<RealSort>) -> Int { _objective(term, maximize: false) }

    private func _objective(_ term: Term<RealSort>, maximize: Bool) -> Int {
        let usable = context._same(term.context) ? term : context._placeholder()
        _objectives.append((usable, maximize))
        return _objectives.count - 1
    }

    /// Decides the assertions and establishes the optimum of every objective.
    /// - Throws: The first error recorded in the context by a non-throwing call (such as
    ///   `.contextMismatch`), or a Z3 error.
    public func check() throws(SolverError) -> OptimizeResult {
        if let pending = context._pendingError { throw pending }
        var run = _OptimizationRun(context: context, assertions: _assertions, timeout: _timeout)
        let feasibility = try run.plainCheck([])
        let model: Model
        switch feasibility {
        case .sat(let found): model = found
        case .unsat: return .infeasible
        case .unknown(let reason): return .unknown(reason: reason)
        }
        var values: [Bound] = []
        var attaining: Model?
        for (index, objective) in _objectives.enumerated() {
            switch try run.optimum(objective.term, maximize: objective.maximize) {
            case .established(let bound, let witness):
                values.append(bound)
                if index == 0 { attaining = witness }
            case .failed(let reason):
                return .unknown(reason: "objective \(index): \(reason)")
            }
        }
        return .optimal(attaining ?? model, values: values)
    }
}

/// Owns one `Z3_optimize` object with a timeout.
final class _Z3Optimize {
    let context: Context
    let raw: OpaquePointer
    let timeout: UInt32

    init(_ context: Context, timeoutMilliseconds: UInt32) {
        self.context = context
        timeout = timeoutMilliseconds
        raw = Z3_mk_optimize(context._raw)!
        Z3_optimize_inc_ref(context._raw, raw)
        LiveObjects._retain()
    }

    deinit {
        Z3_optimize_dec_ref(context._raw, raw)
        LiveObjects._release()
    }

    /// The proposed optimum `a·∞ + b + c·ε` of a single objective, or Z3's reason for giving up.
    func propose(
        _ assertions: [_Handle], _ objective: _Handle, maximize: Bool
    ) throws(SolverError) -> Result<(infinity: Rational, value: Rational, epsilon: Rational), _Failure> {
        let ctx = context._raw
        for assertion in assertions { Z3_optimize_assert(ctx, raw, assertion.ast) }
        let index = maximize ? Z3_optimize_maximize(ctx, raw, objective.ast) : Z3_optimize_minimize(ctx, raw, objective.ast)
        if let error = context._error() { throw error }
        let (result, timedOut) = _withWatchdog(context, timeout) { Z3_optimize_check(ctx, raw, 0, nil) }
        if let error = context._error() { throw error }
        if timedOut && result == Z3_L_UNDEF { return .failure(_Failure("timeout")) }
        guard result == Z3_L_TRUE else {
            let reason = Z3_optimize_get_reason_unknown(ctx, raw).map { String(cString: $0) } ?? "unknown"
            return .failure(_Failure(result == Z3_L_FALSE ? "Z3's optimizer found the assertions unsatisfiable" : reason))
        }
        let vector =
            maximize ? Z3_optimize_get_upper_as_vector(ctx, raw, index) : Z3_optimize_get_lower_as_vector(ctx, raw, index)
        if let error = context._error() { throw error }
        guard let vector else { throw context._thrown(.z3(code: -1, message: "Z3 returned no optimum")) }
        Z3_ast_vector_inc_ref(ctx, vector)
        defer { Z3_ast_vector_dec_ref(ctx, vector) }
        guard Z3_ast_vector_size(ctx, vector) == 3 else {
            throw context._thrown(.z3(code: -1, message: "Z3 returned a malformed optimum"))
        }
        var parts: [Rational] = []
        for i in UInt32(0)..<3 { parts.append(try _numeralValue(_Handle(context, Z3_ast_vector_get(ctx, vector, i)!))) }
        return .success((parts[0], parts[1], parts[2]))
    }
}

/// Why an optimum could not be established.
struct _Failure: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
