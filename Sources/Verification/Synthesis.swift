import Solver
import Specs

/// The spec parameters `verify --synthesize` can search.
///
/// `cost` is the cost that decides a mechanism's properties: `costs.effort_high`, c(e_1), for
/// PTSFD and `costs.compute`, c, for consensus. `deposit` is `mechanism.deposit` (D_i, or d);
/// `reward` is the consensus mechanism's r (a PTSFD spec's reward scale is `lambda`). Deposit and
/// reward are integers: an interval is checked with its ends rounded outwards, which proves it
/// on the rounded interval, and the result names the rounded interval.
public enum SynthesisParameter: String, CaseIterable, Sendable {
    case beta, lambda, accuracy, coalition, cost, deposit, reward

    /// Whether values are integers (the interval checked has integer ends).
    var isInteger: Bool {
        switch self {
        case .deposit, .reward: true
        case .beta, .lambda, .accuracy, .coalition, .cost: false
        }
    }

    /// The interval a check of `[low, high]` covers: integer ends rounded outwards.
    func checked(_ low: Double, _ high: Double) -> (Double, Double) {
        isInteger ? (low.rounded(.down), high.rounded(.up)) : (low, high)
    }

    /// The name of the parameter's variable in a counterexample, when it is one.
    func variableName(_ spec: Spec) -> String? {
        switch self {
        case .cost: spec.mechanism.kind == .ptsfd ? "effort_high" : "c"
        case .deposit: spec.mechanism.kind == .consensus ? "d" : nil
        case .reward: "r"
        case .beta: "beta"
        case .lambda: "lambda"
        case .accuracy, .coalition: nil
        }
    }

    /// Why the parameter does not apply to `spec`, or `nil`.
    func inapplicable(_ spec: Spec) -> String? {
        switch (self, spec.mechanism.kind) {
        case (.reward, .ptsfd):
            "reward is the consensus mechanism's r; a PTSFD spec's reward scale is lambda (--synthesize lambda)"
        case (.beta, .consensus), (.lambda, .consensus), (.accuracy, .consensus), (.coalition, .consensus):
            "\(rawValue) is a PTSFD parameter; a consensus spec has cost, deposit and reward"
        case (.accuracy, .ptsfd) where spec.federation.confusion != nil:
            "federation.confusion fixes every worker's errors; accuracy cannot be synthesized (synthesize beta, lambda or coalition)"
        case (.reward, .consensus), (.beta, .ptsfd), (.lambda, .ptsfd), (.accuracy, .ptsfd), (.coalition, .ptsfd),
            (.cost, _), (.deposit, _):
            nil
        }
    }

    /// The spec with this parameter replaced by `[low, high]` (a point when equal).
    func setting(_ spec: Spec, _ low: Double, _ high: Double) -> Spec {
        var s = spec
        let (low, high) = checked(low, high)
        let p: Parameter = low == high ? .value(low) : .range(min: low, max: high)
        switch self {
        case .beta: s.mechanism.beta = p
        case .lambda:
            s.mechanism.lambda = p
            s.contract.lambdaSchedule = Array(repeating: p, count: s.contract.rounds)
        case .accuracy: s.federation.accuracy = .all(p)
        case .coalition: s.federation.coalition = p
        case .cost:
            switch spec.mechanism.kind {
            case .ptsfd: s.costs.effortHigh = p
            case .consensus: s.costs.compute = p
            }
        case .deposit: s.mechanism.depositRange = Int(low) ... Int(high)
        case .reward: s.mechanism.rewardRange = Int(low) ... Int(high)
        }
        return s
    }

    /// The spec's range of this parameter.
    func range(_ spec: Spec) -> (Double, Double) {
        let p: [Parameter] = switch self {
        case .beta: [spec.mechanism.beta]
        case .lambda: [spec.mechanism.lambda] + spec.contract.lambdaSchedule
        case .accuracy: spec.federation.accuracy.parameters(workers: spec.federation.workers)
        case .coalition: [spec.federation.coalition]
        case .cost: [spec.mechanism.kind == .ptsfd ? spec.costs.effortHigh : spec.costs.compute]
        case .deposit:
            [.range(min: Double(spec.mechanism.depositRange.lowerBound), max: Double(spec.mechanism.depositRange.upperBound))]
        case .reward:
            [.range(min: Double(spec.mechanism.rewardRange.lowerBound), max: Double(spec.mechanism.rewardRange.upperBound))]
        }
        return (p.map(\.lowerBound).min()!, p.map(\.upperBound).max()!)
    }
}

/// The outcome of a synthesis: the interval, and the verdicts that prove it and bound it.
public struct SynthesisResult: Sendable {
    public var parameter: SynthesisParameter
    public var searched: (Double, Double)
    /// The grid the search started from.
    public var gridPoints: Int
    /// An interval on which every property is proved (the widest the search found), or nil.
    public var interval: (Double, Double)?
    /// The verdicts over the whole interval (all proved).
    public var proofs: [PropertyResult]
    /// Where widening the interval failed: the wider interval tried, and the property that is
    /// not proved on it (with its counterexample when refuted).
    public var beyond: [(tried: (Double, Double), result: PropertyResult)]
    /// Grid points at which some property is not proved, with the first such property.
    public var failingPoints: [(at: Double, result: PropertyResult)]
    public var verdictCalls: Int
    /// The parameter's variable in a counterexample (`effort_high`, `c`, `r`, ...), when it is one.
    public var variableName: String? = nil

    public var summary: String {
        var out = "synthesis of \(parameter.rawValue) over [\(searched.0), \(searched.1)]\n"
        func counterexample(_ r: PropertyResult) -> String {
            r.verdict.counterexample.map { " (" + $0.entries.map { "\($0.name) = \($0.value)" }.joined(separator: ", ") + ")" } ?? ""
        }
        guard let interval else {
            out += "no point of the \(gridPoints)-point grid has every property proved; "
                + "the search establishes no interval\n"
            for (at, r) in failingPoints.prefix(3) {
                out += "  at \(parameter.rawValue) = \(at): \(r.id.rawValue) \(r.verdict.name)\(counterexample(r))\n"
            }
            return out + "(\(verdictCalls) verifications)\n"
        }
        out += "every property is proved on \(parameter.rawValue) in [\(interval.0), \(interval.1)]"
            + " (the widest window of a \(gridPoints)-point grid, its ends widened by bisection; "
            + "a wider interval elsewhere is not excluded)\n"
        for p in proofs { out += "  \(p.id.rawValue): \(p.verdict.name) on the whole interval\n" }
        for (tried, r) in beyond {
            out += "  over [\(tried.0), \(tried.1)]: \(r.id.rawValue) \(r.verdict.name)\(counterexample(r))\n"
        }
        out += threshold(interval)
        out += "(\(verdictCalls) verifications)\n"
        return out
    }
}

/// Finds an interval of one parameter on which chosen properties are all proved.
///
/// A property proved on an interval is proved on every sub-interval, but proofs at points do
/// not add up to a proof over their span (a range lets two workers' accuracies differ, a point
/// does not). So the search works with whole intervals throughout:
/// 1. a grid of 17 points; the windows of consecutive grid points are checked as intervals by
///    a two-pointer sweep (extend the right end while the window is proved, then move the
///    left end; containment makes this find the widest proved window in at most 2 * 17 checks);
/// 2. each end of the widest window is pushed outwards by bisection (to 1/2^24 of the range)
///    while the widened interval stays proved;
/// 3. the result is proved once more as a whole, and reported only if it is.
public struct Synthesis: Sendable {
    public var verifier: Verifier
    public var properties: [PropertyID]

    public init(verifier: Verifier, properties: [PropertyID]) {
        self.verifier = verifier
        self.properties = properties
    }

    public struct NotARange: Error, CustomStringConvertible {
        public var description: String
    }

    public func run(_ spec: Spec, parameter: SynthesisParameter, file: String) throws -> SynthesisResult {
        if let reason = parameter.inapplicable(spec) { throw NotARange(description: "\(file): \(reason)") }
        let (low, high) = parameter.range(spec)
        guard low < high else {
            throw NotARange(description: "\(file): \(parameter.rawValue) is the single value \(low); give it a range { min = ..., max = ... } to synthesize it")
        }
        var calls = 0
        func failing(_ a: Double, _ b: Double) -> PropertyResult? {
            calls += 1
            let s = parameter.setting(spec, a, b)
            for id in properties {
                let r = verifier.check(id, on: s)
                if case .proved = r.verdict { continue }
                return r
            }
            return nil
        }
        let steps = 16
        let grid = (0 ... steps).map { low + (high - low) * Double($0) / Double(steps) }
        let atPoints = grid.map { failing($0, $0) }
        let failingPoints = zip(grid, atPoints).compactMap { at, r in r.map { (at, $0) } }
        // The widest window [s, e] of passing grid points that is proved as an interval.
        var best: (s: Int, e: Int)? = nil
        var s = 0, e = -1
        var failedRight: PropertyResult? = nil
        var bestFailedRight: PropertyResult? = nil
        while s <= steps {
            guard atPoints[s] == nil else { s += 1; e = max(e, s - 1); continue }
            e = max(e, s)
            failedRight = nil
            while e + 1 <= steps, atPoints[e + 1] == nil {
                if let r = failing(grid[s], grid[e + 1]) { failedRight = r; break }
                e += 1
            }
            if best == nil || e - s > best!.e - best!.s {
                best = (s, e)
                bestFailedRight = failedRight
            }
            s += 1
        }
        guard let (first, last) = best else {
            return SynthesisResult(
                parameter: parameter, searched: (low, high), gridPoints: grid.count, interval: nil, proofs: [],
                beyond: [], failingPoints: failingPoints, verdictCalls: calls, variableName: parameter.variableName(spec))
        }
        var a = grid[first], b = grid[last]
        var beyond: [((Double, Double), PropertyResult)] = []
        let tolerance = (high - low) / Double(1 << 24)
        if first > 0 {
            var bad = grid[first - 1]
            var why = failing(bad, b)
            while a - bad > tolerance {
                let mid = (a + bad) / 2
                if let r = failing(mid, b) { bad = mid; why = r } else { a = mid }
            }
            if let why { beyond.append(((bad, b), why)) }
        }
        if last < steps {
            var bad = grid[last + 1]
            var why = bestFailedRight ?? failing(a, bad)
            while bad - b > tolerance {
                let mid = (b + bad) / 2
                if let r = failing(a, mid) { bad = mid; why = r } else { b = mid }
            }
            if let why { beyond.append(((a, bad), why)) }
        }
        let final = parameter.setting(spec, a, b)
        let proofs = properties.map { verifier.check($0, on: final) }
        calls += 1
        let allProved = proofs.allSatisfy { if case .proved = $0.verdict { true } else { false } }
        return SynthesisResult(
            parameter: parameter, searched: (low, high), gridPoints: grid.count,
            interval: allProved ? parameter.checked(a, b) : nil, proofs: proofs,
            beyond: beyond.map { (parameter.checked($0.0.0, $0.0.1), $0.1) }, failingPoints: failingPoints,
            verdictCalls: calls, variableName: parameter.variableName(spec))
    }
}
