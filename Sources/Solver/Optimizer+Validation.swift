internal import CZ3

/// The outcome of optimizing one objective.
enum _Optimum {
    /// A confirmed optimum, with a model attaining it when it is `.finite`.
    case established(Bound, Model?)
    /// No confirmed optimum (Z3 gave up, or its proposals did not survive the checks).
    case failed(String)
}

/// One `Optimizer.check()`: the assertions, their relaxation and a shared deadline.
struct _OptimizationRun {
    let context: Context
    let assertions: [_Handle]
    let deadline: ContinuousClock.Instant
    private var relaxedAssertions: [_Handle]?
    private var freeConstants: [_Handle]?

    init(context: Context, assertions: [Term<BoolSort>], timeout: UInt32) {
        self.context = context
        self.assertions = assertions.map(\._handle)
        deadline = .now + .milliseconds(Int(timeout))
    }

    /// Milliseconds left before the deadline, at least 1, or `nil` once it has passed.
    private var remaining: UInt32? {
        let left = (deadline - .now).components
        let milliseconds = left.seconds * 1000 + left.attoseconds / 1_000_000_000_000_000
        return milliseconds > 0 ? UInt32(clamping: milliseconds) : nil
    }

    /// The plain solver's answer on the assertions plus `extra`.
    ///
    /// Each check gets a fresh solver (about 8 ms), so that the quantified checks are decided
    /// by Z3's complete procedures rather than its incremental engine (see `Solver`).
    func plainCheck(_ extra: [Term<BoolSort>]) throws(SolverError) -> CheckResult {
        guard let milliseconds = remaining else { return .unknown(reason: "timeout") }
        let solver = Solver(context: context, timeoutMilliseconds: milliseconds)
        for assertion in assertions { solver.add(Term(assertion)) }
        for assertion in extra { solver.add(assertion) }
        return try solver.check()
    }

    /// The confirmed optimum of `objective`, trying Z3's proposals on the relaxed assertions
    /// and then on the assertions themselves.
    mutating func optimum(_ objective: Term<RealSort>, maximize: Bool) throws(SolverError) -> _Optimum {
        if relaxedAssertions == nil { relaxedAssertions = assertions.map(_relaxed) }
        let relaxed = relaxedAssertions ?? assertions
        var candidates = [relaxed]
        if zip(relaxed, assertions).contains(where: { $0.ast != $1.ast }) { candidates.append(assertions) }
        var reasons: [String] = []
        for candidate in candidates {
            guard let milliseconds = remaining else { return .failed("timeout") }
            let optimizer = _Z3Optimize(context, timeoutMilliseconds: milliseconds)
            switch try optimizer.propose(candidate, objective._handle, maximize: maximize) {
            case .failure(let failure):
                reasons.append(failure.reason)
            case .success(let proposal):
                if let confirmed = try confirm(proposal, objective, maximize: maximize) {
                    return confirmed
                }
                let bound = Bound(proposal, maximize: maximize)
                reasons.append("Z3's proposed optimum \(bound) could not be confirmed")
            }
        }
        return .failed(reasons.joined(separator: "; "))
    }

    /// Checks a proposed optimum `a·∞ + b + c·ε` with the plain solver; `nil` if it fails.
    private mutating func confirm(
        _ proposal: (infinity: Rational, value: Rational, epsilon: Rational),
        _ f: Term<RealSort>, maximize: Bool
    ) throws(SolverError) -> _Optimum? {
        if freeConstants == nil { freeConstants = _freeConstants(assertions + [f._handle]) }
        let variables = (freeConstants ?? []).map { AnyTerm($0) }
        let all = and(assertions.map { Term<BoolSort>($0) }, in: context)
        if proposal.infinity != 0 {
            // Unbounded iff no M bounds f on the assertions.
            guard (proposal.infinity > 0) == maximize else { return nil }
            let m = context._fresh("bound")
            let bounded = forall(variables, implies(all, maximize ? f .<= m : f .>= m))
            guard case .unsat = try plainCheck([bounded]) else { return nil }
            return .established(.infinite(positive: maximize), nil)
        }
        let s = proposal.value
        guard case .unsat = try plainCheck([maximize ? f .> s : f .< s]) else { return nil }
        switch try plainCheck([f .== s]) {
        case .sat(let model): return .established(.finite(s), model)
        case .unknown: return nil
        case .unsat: break
        }
        // Not attained: s is the supremum iff no ε > 0 keeps f at distance ε from it.
        let epsilon = context._fresh("epsilon")
        let gap = forall(variables, implies(all, maximize ? f .<= s - epsilon : f .>= s + epsilon))
        guard case .unsat = try plainCheck([epsilon .> 0, gap]) else { return nil }
        return .established(.infinitesimal(s, below: maximize), nil)
    }
}

extension Context {
    /// A fresh real constant whose name cannot clash with user constants (`Z3_mk_fresh_const`).
    func _fresh(_ prefix: String) -> Term<RealSort> {
        let sort = _sort(.real)
        return _build { Z3_mk_fresh_const($0, prefix, sort) }
    }
}

extension Bound {
    /// The bound described by Z3's `a·∞ + b + c·ε`, for messages.
    init(_ proposal: (infinity: Rational, value: Rational, epsilon: Rational), maximize: Bool) {
        if proposal.infinity != 0 {
            self = .infinite(positive: proposal.infinity > 0)
        } else if proposal.epsilon != 0 {
            self = .infinitesimal(proposal.value, below: proposal.epsilon < 0)
        } else {
            self = .finite(proposal.value)
        }
    }
}
