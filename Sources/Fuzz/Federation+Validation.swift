import Adversary
import Mechanisms

/// What a stored case must satisfy before it is played: a counterexample or corpus file may be
/// hand-edited or corrupt, and a case outside what a campaign can draw would trap inside the
/// mechanisms (a negative count, a class map out of range) instead of being refused.
extension Federation {
    /// Why this federation cannot be played, naming the field and value; `nil` when it can.
    public var defect: String? {
        func outside<T: Comparable>(_ name: String, _ value: T, _ range: ClosedRange<T>) -> String? {
            range.contains(value) ? nil : "\(name) \(value) is outside \(range.lowerBound) ... \(range.upperBound)"
        }
        func finite(_ name: String, _ value: Double, _ range: ClosedRange<Double>) -> String? {
            value.isFinite && range.contains(value) ? nil : "\(name) \(value) is outside \(range.lowerBound) ... \(range.upperBound)"
        }
        func unit(_ name: String, _ values: [Double], count: Int, sumsToOne: Bool = false) -> String? {
            if values.count != count { return "\(name) has \(values.count) entries, not \(count)" }
            if let bad = values.firstIndex(where: { !$0.isFinite || $0 < 0 || $0 > 1 }) {
                return "\(name)[\(bad)] = \(values[bad]) is outside 0 ... 1"
            }
            if sumsToOne && abs(values.reduce(0, +) - 1) > 1e-6 { return "\(name) does not sum to 1" }
            return nil
        }
        func classMap(_ name: String, _ map: [Int]) -> String? {
            if map.count != classes { return "\(name) has \(map.count) entries, not \(classes)" }
            if let bad = map.firstIndex(where: { !(0 ..< classes).contains($0) }) {
                return "\(name)[\(bad)] = \(map[bad]) is not a class of 0 ..< \(classes)"
            }
            return nil
        }
        let p = parameters
        let known = StrategyCatalog.standard.names
        let checks: [() -> String?] = [
            { outside("workers", workers, 2 ... 10_000) },
            { outside("classes", classes, 2 ... VoteMatrix.maximumClasses) },
            { outside("samples", samples, 1 ... 1_000_000) },
            { outside("replications", replications, 1 ... 100_000) },
            { outside("deposit", deposit, 1 ... 1_000_000_000_000_000) },
            { outside("unitsPerReward", unitsPerReward, 1 ... 1_000_000_000_000) },
            { finite("beta", beta, 0 ... 1e6) },
            { finite("lambda", lambda, 0 ... 1e6) },
            { unit("honestThreshold", [honestThreshold], count: 1) },
            { unit("accuracy", accuracy, count: workers) },
            { unit("prior", prior, count: classes, sumsToOne: true) },
            { background.count == workers ? nil : "background has \(background.count) entries, not \(workers)" },
            { background.first { !known.contains($0) }.map { "background names the unknown strategy \"\($0)\"" } },
            { p.classes == classes ? nil : "parameters.classes \(p.classes) is not classes \(classes)" },
            { unit("parameters.heuristicLabels", p.heuristicLabels, count: classes, sumsToOne: true) },
            { classMap("parameters.collusionMap", p.collusionMap) },
            { classMap("parameters.misreportMap", p.misreportMap) },
            { unit("parameters.certaintyThreshold", [p.certaintyThreshold], count: 1) },
            { unit("parameters.paddingRate", [p.paddingRate], count: 1) },
            // Scenarios clamp k to the seats there are (a shrunk federation keeps its k).
            { outside("parameters.sybilIdentities", p.sybilIdentities, 1 ... 10_000) },
            { outside("parameters.copyTarget", p.copyTarget, 0 ... max(workers - 1, 0)) },
        ]
        return checks.lazy.compactMap { $0() }.first
    }
}

extension ConsensusFederation {
    /// Why this consensus federation cannot be played, naming the field and value; `nil` when
    /// it can.
    public var defect: String? {
        func outside(_ name: String, _ value: Int, _ range: ClosedRange<Int>) -> String? {
            range.contains(value) ? nil : "\(name) \(value) is outside \(range.lowerBound) ... \(range.upperBound)"
        }
        let known = StrategyCatalog.standard.consensusNames
        let checks: [() -> String?] = [
            { outside("workers", workers, 2 ... 10_000) },
            { outside("deposit", deposit, 1 ... 1_000_000_000_000_000) },
            { outside("reward", reward, 0 ... 1_000_000_000_000_000) },
            { outside("resultLength", resultLength, 1 ... 1_000_000) },
            { outside("input bytes", input.count, 0 ... 1_000_000) },
            { outside("replications", replications, 1 ... 100_000) },
            { outside("focal", focal, 0 ... max(workers - 1, 0)) },
            { outside("parameters.copyTarget", parameters.copyTarget, 0 ... max(workers - 1, 0)) },
            // Scenarios clamp the coalition to the seats there are (a shrunk federation keeps it).
            { outside("parameters.coalition size", parameters.coalition.size, 1 ... 10_000) },
            { background.count == workers ? nil : "background has \(background.count) entries, not \(workers)" },
            { background.first { !known.contains($0) }.map { "background names the unknown strategy \"\($0)\"" } },
        ]
        return checks.lazy.compactMap { $0() }.first
    }
}
