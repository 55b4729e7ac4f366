/// An error reported by Z3 or by the wrapper.
///
/// Builders that cannot throw (operators, `and`, `forall`, `Solver.add`, ...) record their
/// errors in `Context.lastError` and keep going with a placeholder term; the next
/// `Solver.check()` or `Optimizer.check()` in that context throws the first such error.
public enum SolverError: Error, CustomStringConvertible, Equatable {
    /// An error from the Z3 C API: `Z3_get_error_code` and `Z3_get_error_msg`.
    case z3(code: Int, message: String)
    /// Terms, solvers or models from two different contexts were combined.
    case contextMismatch
    /// A model value that is not a rational numeral (the value's SMT-LIB text).
    case notANumeral(String)

    /// A one-line description, e.g. `Z3 error 3: Sort mismatch`.
    public var description: String {
        switch self {
        case .z3(let code, let message): "Z3 error \(code): \(message)"
        case .contextMismatch: "terms from two different Z3 contexts were combined"
        case .notANumeral(let text): "not a rational numeral: \(text)"
        }
    }
}
