/// The optimum of one objective.
public enum Bound: Equatable, CustomStringConvertible {
    /// Attained: some model reaches exactly this value.
    case finite(Rational)
    /// Unbounded above (`positive: true`, when maximizing) or below (when minimizing).
    case infinite(positive: Bool)
    /// A supremum or infimum that is approached but not attained: `value - ε` when
    /// `below` (the supremum of `x < 3` is `3 - ε`), `value + ε` otherwise.
    case infinitesimal(Rational, below: Bool)

    /// `3`, `oo`, `-oo`, `3 - epsilon` or `1/2 + epsilon`.
    public var description: String {
        switch self {
        case .finite(let value): value.description
        case .infinite(let positive): positive ? "oo" : "-oo"
        case .infinitesimal(let value, let below): "\(value) \(below ? "-" : "+") epsilon"
        }
    }
}

/// The answer of `Optimizer.check()`.
public enum OptimizeResult {
    /// The assertions are satisfiable and every objective's optimum was established.
    /// `values[i]` is the optimum of objective `i` (its index from `maximize`/`minimize`);
    /// the model satisfies the assertions and attains objective 0 when that one is `.finite`.
    case optimal(Model, values: [Bound])
    /// The assertions are unsatisfiable.
    case infeasible
    /// Z3 gave up, or its optimum could not be confirmed (see `Optimizer`).
    case unknown(reason: String)
}
