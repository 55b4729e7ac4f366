import Solver

/// The thresholds a synthesis establishes (issue 11, "Costs"): the largest cost for which the
/// properties still hold, the smallest deposit or reward that restores them.
///
/// Only what the search proved is said: the proved interval's end, and the wider interval on
/// which the properties were not proved (with the parameter's value in its counterexample when
/// the verdict is a refutation naming it). Nothing is said of values the search never reached.
extension SynthesisResult {
    func threshold(_ interval: (Double, Double)) -> String {
        let name = parameter.rawValue
        switch parameter {
        case .cost:
            if interval.1 == searched.1 {
                return "threshold: every property is proved for \(name) up to \(interval.1), the top of the range searched "
                    + "(larger values were not searched)\n"
            }
            guard let (tried, r) = beyond.first(where: { $0.tried.1 > interval.1 }) else { return "" }
            return "threshold: the largest \(name) established is \(interval.1): proved on [\(interval.0), \(interval.1)], "
                + "not on [\(tried.0), \(tried.1)] (\(r.id.rawValue) \(r.verdict.name)\(at(r)))\n"
        case .deposit, .reward:
            if interval.0 == searched.0 {
                return "threshold: every property is proved from \(name) = \(interval.0), the bottom of the range searched\n"
            }
            guard let (tried, r) = beyond.first(where: { $0.tried.0 < interval.0 }) else { return "" }
            return "threshold: the smallest \(name) established is \(interval.0): proved on [\(interval.0), \(interval.1)], "
                + "not on [\(tried.0), \(tried.1)] (\(r.id.rawValue) \(r.verdict.name)\(at(r)))\n"
        case .beta, .lambda, .accuracy, .coalition:
            return ""
        }
    }

    /// ` at effort_high = 7/2`: the parameter's value in a refutation, when it names it.
    private func at(_ r: PropertyResult) -> String {
        guard let variableName, let value = r.verdict.counterexample?[variableName], Rational(value) != nil else { return "" }
        return " at \(variableName) = \(value)"
    }
}
