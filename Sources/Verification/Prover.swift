import Solver

/// Decides properties claim by claim with Z3, re-checking every counterexample exactly.
public struct Prover: Sendable {
    /// The timeout of each Z3 query.
    public var timeoutMilliseconds: UInt32
    /// Whether to render each query as SMT-LIB2 text (off for internal queries nobody reads).
    public var recordsSMT2: Bool
    /// Whether the claims are quantifier-free linear arithmetic, for which Z3's cheaper simple
    /// solver is complete (the consensus games, linear in d and r).
    public var linear: Bool
    /// The whole run's time limit: no query waits past it, none starts after it.
    public var deadline: Deadline?
    /// Called before every Z3 query (progress within a long property).
    public var onQuery: (@Sendable () -> Void)?

    public init(
        timeoutMilliseconds: UInt32, recordsSMT2: Bool = true, linear: Bool = false,
        deadline: Deadline? = nil, onQuery: (@Sendable () -> Void)? = nil
    ) {
        self.timeoutMilliseconds = timeoutMilliseconds
        self.recordsSMT2 = recordsSMT2
        self.linear = linear
        self.deadline = deadline
        self.onQuery = onQuery
    }

    /// The verdict on a list of claims, which all must hold, and the SMT-LIB2 of the queries asked.
    ///
    /// For each claim, Z3 is asked for a point in the variables' ranges, satisfying the
    /// assumptions, where the claim fails. `unsat` for every claim proves the property; the
    /// first `sat` is re-checked in exact arithmetic and becomes the counterexample; an
    /// `unknown` (or a model that does not re-check) makes the verdict unknown.
    /// - Complexity: one Z3 query per claim, until the first counterexample.
    /// An empty list proves nothing: its verdict is `unknown`.
    public func decide(_ claims: [any Claim], in context: Context = Context()) -> (verdict: Verdict, smt2: String) {
        if claims.isEmpty { return (.unknown(reason: "no obligation to check: a property without claims proves nothing"), "") }
        if claims.count > 1, let batched = batch(claims, in: context) { return batched }
        var scripts: [String] = []
        for claim in claims {
            let (answer, script) = query(claim, in: context)
            scripts.append(script)
            switch answer {
            case .proved: continue
            case .refuted, .unknown: return (answer, scripts.joined(separator: "\n(reset)\n"))
            }
        }
        return (.proved, scripts.joined(separator: "\n(reset)\n"))
    }

    /// Claims over the same variables asked as one query: is there a point where any fails?
    /// Unsat proves them all at once; on sat, the failing claim is found by evaluating each
    /// exactly at the model, and asked alone for its counterexample. `nil` when the claims'
    /// variables differ.
    func batch(_ claims: [any Claim], in context: Context) -> (verdict: Verdict, smt2: String)? {
        let variables = claims[0].variables
        guard claims.allSatisfy({ $0.variables == variables }) else { return nil }
        guard let timeout = deadline.queryTimeout(cap: timeoutMilliseconds) else {
            return (.unknown(reason: deadline!.reason), "")
        }
        onQuery?()
        let algebra = TermAlgebra(context: context)
        let solver = Solver(context: context, timeoutMilliseconds: timeout, simple: linear)
        let terms = variables.map { context.real($0.name) }
        solver.constrain(variables, terms, in: context)
        solver.add(or(claims.map { claim in
            and(claim.assumptions(algebra, terms) + [!claim.holds(algebra, terms)], in: context)
        }, in: context))
        let script = recordsSMT2 ? solver.smtlib2() : ""
        guard let result = try? solver.check() else { return nil }
        switch result {
        case .unsat:
            return (.proved, script)
        case .unknown:
            return nil  // fall back to one query per claim
        case .sat:
            // Ask the claims one by one: the first that fails gives the counterexample.
            for claim in claims {
                let (verdict, single) = query(claim, in: context)
                if case .proved = verdict { continue }
                return (verdict, script + "\n(reset)\n" + single)
            }
            return (.unknown(reason: "Z3 found a counterexample to the conjunction but to no single claim"), script)
        }
    }

    func query(_ claim: some Claim, in context: Context) -> (Verdict, String) {
        guard let timeout = deadline.queryTimeout(cap: timeoutMilliseconds) else {
            return (.unknown(reason: deadline!.reason), "")
        }
        onQuery?()
        let algebra = TermAlgebra(context: context)
        let solver = Solver(context: context, timeoutMilliseconds: timeout, simple: linear)
        let terms = claim.variables.map { context.real($0.name) }
        solver.constrain(claim.variables, terms, in: context)
        for assumption in claim.assumptions(algebra, terms) { solver.add(assumption) }
        solver.add(!claim.holds(algebra, terms))
        let script = recordsSMT2 ? solver.smtlib2() : ""
        let result: CheckResult
        do { result = try solver.check() } catch {
            return (.unknown(reason: "Z3 error: \(error)"), script)
        }
        switch result {
        case .unsat:
            return (.proved, script)
        case .unknown(let reason):
            return (.unknown(reason: "Z3 answered unknown (\(reason))"), script)
        case .sat(let model):
            return (recheck(claim, model: model, terms: terms), script)
        }
    }

    /// Re-evaluates the claim at the model's values in exact rational arithmetic.
    func recheck(_ claim: some Claim, model: Model, terms: [Term<RealSort>]) -> Verdict {
        var values: [Rational] = []
        for (v, t) in zip(claim.variables, terms) {
            guard let value = try? model.value(t) else {
                return .unknown(reason: "Z3's model has no value for \(v.name)")
            }
            switch value {
            case .exact(let r): values.append(r)
            case .algebraic(_, _, let text):
                return .unknown(reason: "Z3 found a counterexample with the irrational value \(v.name) = \(text), which cannot be re-checked exactly")
            }
        }
        let exact = ExactAlgebra()
        let inRange = zip(claim.variables, values).allSatisfy { $0.contains($1) }
        guard inRange, exact.all(claim.assumptions(exact, values)), !exact.divisionByZero.flag else {
            return .unknown(reason: "Z3's model does not satisfy the claim's assumptions when re-checked exactly")
        }
        let holds = claim.holds(exact, values)
        guard !exact.divisionByZero.flag else {
            return .unknown(reason: "Z3's counterexample divides by zero when re-checked exactly")
        }
        guard !holds else {
            return .unknown(reason: "Z3's counterexample did not re-check: the claim holds at it exactly")
        }
        let entries = claim.labels + zip(claim.variables, values).filter { $0.0.reported }.map { ($0.name, $1.description) }
        return .refuted(Counterexample(entries))
    }
}
