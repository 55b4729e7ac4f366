import Solver
import Specs

/// The spec parameters `verify --synthesize` can search.
public enum SynthesisParameter: String, CaseIterable, Sendable {
    case beta, lambda, accuracy, coalition

    /// The spec with this parameter replaced by `[low, high]` (a point when equal).
    func setting(_ spec: Spec, _ low: Double, _ high: Double) -> Spec {
        var s = spec
        let p: Parameter = low == high ? .value(low) : .range(min: low, max: high)
        switch self {
        case .beta: s.mechanism.beta = p
        case .lambda:
            s.mechanism.lambda = p
            s.contract.lambdaSchedule = Array(repeating: p, count: s.contract.rounds)
        case .accuracy: s.federation.accuracy = .all(p)
        case .coalition: s.federation.coalition = p
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
        }
        return (p.map(\.lowerBound).min()!, p.map(\.upperBound).max()!)
    }
}

/// The outcome of a synthesis: the interval, and the verdicts that prove it and bound it.
public struct SynthesisResult: Sendable {
    public var parameter: SynthesisParameter
    public var searched: (Double, Double)
    /// The largest interval found on which every property is proved, or nil.
    public var interval: (Double, Double)?
    /// The verdicts over the whole interval (all proved).
    public var proofs: [PropertyResult]
    /// Just outside each end, where the search ran into a failing property (if inside the range).
    public var outside: [(at: Double, result: PropertyResult)]
    public var verdictCalls: Int

    public var summary: String {
        var out = "synthesis of \(parameter.rawValue) over [\(searched.0), \(searched.1)]\n"
        guard let interval else {
            return out + "no value in the range has every property proved\n"
        }
        out += "largest interval with every property proved: [\(interval.0), \(interval.1)]\n"
        for p in proofs { out += "  \(p.id.rawValue): \(p.verdict.name) on the whole interval\n" }
        for (at, r) in outside {
            let cx = r.verdict.counterexample.map { " (" + $0.entries.map { "\($0.name) = \($0.value)" }.joined(separator: ", ") + ")" } ?? ""
            out += "  at \(parameter.rawValue) = \(at): \(r.id.rawValue) \(r.verdict.name)\(cx)\n"
        }
        out += "(\(verdictCalls) verifications)\n"
        return out
    }
}

/// Finds the largest interval of one parameter on which chosen properties are all proved.
///
/// A grid of 17 points locates the longest run of points where every property is proved; each
/// end is then pushed outwards by bisection (to 1/2^24 of the range) as long as the properties
/// stay proved on the whole widened interval; finally they are proved on the result.
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
        let ok = grid.map { failing($0, $0) == nil }
        var best: (Int, Int)? = nil, start: Int? = nil
        for k in 0 ... steps + 1 {
            if k <= steps, ok[k] { start = start ?? k; continue }
            if let s = start, best == nil || (k - 1 - s) > (best!.1 - best!.0) { best = (s, k - 1) }
            start = nil
        }
        guard let (first, last) = best else {
            return SynthesisResult(parameter: parameter, searched: (low, high), interval: nil, proofs: [], outside: [], verdictCalls: calls)
        }
        var a = grid[first], b = grid[last]
        var outside: [(Double, PropertyResult)] = []
        let tolerance = (high - low) / Double(1 << 24)
        if first > 0 {
            var bad = grid[first - 1]
            while a - bad > tolerance {
                let mid = (a + bad) / 2
                if failing(mid, b) == nil { a = mid } else { bad = mid }
            }
            if let r = failing(bad, bad) { outside.append((bad, r)) }
        }
        if last < steps {
            var bad = grid[last + 1]
            while bad - b > tolerance {
                let mid = (b + bad) / 2
                if failing(a, mid) == nil { b = mid } else { bad = mid }
            }
            if let r = failing(bad, bad) { outside.append((bad, r)) }
        }
        let final = parameter.setting(spec, a, b)
        let proofs = properties.map { verifier.check($0, on: final) }
        calls += 1
        let allProved = proofs.allSatisfy { if case .proved = $0.verdict { true } else { false } }
        return SynthesisResult(
            parameter: parameter, searched: (low, high), interval: allProved ? (a, b) : nil,
            proofs: proofs, outside: outside, verdictCalls: calls)
    }
}
