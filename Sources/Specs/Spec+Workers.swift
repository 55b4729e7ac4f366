internal import TOMLKit

/// Heterogeneous workers in `[federation]`: class-dependent errors (`confusion`) and the share
/// of the samples each worker reports (`report_fraction`, the certainty threshold of Witt et
/// al., Eq. 5-7: a worker reports only the samples whose certainty A_ij pays).
///
/// ```toml
/// confusion = [[0.9, 0.1], [0.3, 0.7]]           # one matrix for every worker
/// confusion = [ [[0.9, 0.1], [0.3, 0.7]],         # or one per worker
///               [[0.8, 0.2], [0.2, 0.8]] ]
/// report_fraction = 0.6                           # a number, a range {min, max},
/// report_fraction = [1.0, { min = 0.5, max = 1 }] # or one per worker
/// ```
extension Spec {
    /// Class-dependent errors: `matrix[t][o]` is the probability that a worker whose sample's
    /// true class is t observes o (rows = true class, columns = observed class).
    public enum Confusion: Hashable, Sendable {
        /// One row-stochastic matrix for every worker.
        case all([[Double]])
        /// One row-stochastic matrix per worker, in worker order.
        case perWorker([[[Double]]])

        /// One matrix per worker.
        public func matrices(workers: Int) -> [[[Double]]] {
            switch self {
            case .all(let m): [[[Double]]](repeating: m, count: workers)
            case .perWorker(let ms): ms
            }
        }

        /// The overall accuracy of each worker under `prior`: `sum_t pi(t) matrix[t][t]`.
        public func accuracies(workers: Int, prior: [Double]) -> [Double] {
            matrices(workers: workers).map { m in
                (0 ..< min(prior.count, m.count)).reduce(0) { $0 + prior[$1] * (m[$1].indices.contains($1) ? m[$1][$1] : 0) }
            }
        }
    }

    /// The share of the samples each worker reports, in (0, 1]; 1 (every sample) by default.
    public enum ReportFraction: Hashable, Sendable {
        /// The same share, a value or a range, for every worker.
        case all(Parameter)
        /// One share (a value or a range) per worker, in worker order.
        case perWorker([Parameter])

        /// Every worker reports every sample.
        public static let everySample = ReportFraction.all(.value(1))

        /// One parameter per worker.
        public func parameters(workers: Int) -> [Parameter] {
            switch self {
            case .all(let p): [Parameter](repeating: p, count: workers)
            case .perWorker(let ps): ps
            }
        }
    }

    static func decodeConfusion(_ v: TOMLValueConvertible, _ t: TOMLReader) throws(SpecError) -> Confusion {
        let key = t.keyPath("confusion")
        let outer = try TOMLReader.asArray(v, file: t.file, key: key)
        // A list of matrices when the first entry's first entry is itself an array.
        if let first = outer.first?.array, first.first?.array != nil {
            var matrices: [[[Double]]] = []
            for (i, item) in outer.enumerated() {
                matrices.append(try decodeMatrix(item, file: t.file, key: "\(key)[\(i)]"))
            }
            return .perWorker(matrices)
        }
        return .all(try decodeMatrix(v, file: t.file, key: key))
    }

    static func decodeMatrix(_ v: TOMLValueConvertible, file: String, key: String) throws(SpecError) -> [[Double]] {
        var matrix: [[Double]] = []
        for (r, row) in try TOMLReader.asArray(v, file: file, key: key).enumerated() {
            var values: [Double] = []
            for (c, item) in try TOMLReader.asArray(row, file: file, key: "\(key)[\(r)]").enumerated() {
                values.append(try TOMLReader.asDouble(item, file: file, key: "\(key)[\(r)][\(c)]"))
            }
            matrix.append(values)
        }
        return matrix
    }

    static func decodeReportFraction(_ v: TOMLValueConvertible, _ t: TOMLReader) throws(SpecError) -> ReportFraction {
        let key = t.keyPath("report_fraction")
        if let items = v.array {
            var ps: [Parameter] = []
            for (i, item) in items.enumerated() {
                ps.append(try TOMLReader.asParameter(item, file: t.file, key: "\(key)[\(i)]"))
            }
            return .perWorker(ps)
        }
        return .all(try TOMLReader.asParameter(v, file: t.file, key: key))
    }

    /// Checks `confusion` and `report_fraction` against the federation: one matrix (or one per
    /// worker) of |C| rows of |C| probabilities in [0, 1], each row summing to 1 within
    /// `priorTolerance`; one share per worker when a list, each in (0, 1].
    func validateWorkers(file: String) throws(SpecError) {
        let n = federation.workers, c = federation.classes
        func fail(_ key: String, _ reason: String) -> SpecError { SpecError(file: file, key: key, reason: reason) }
        if let confusion = federation.confusion {
            let keyed: [(String, [[Double]])]
            switch confusion {
            case .all(let m): keyed = [("federation.confusion", m)]
            case .perWorker(let ms):
                guard ms.count == n else {
                    throw fail("federation.confusion", "has \(ms.count) matrices, but federation.workers is \(n)")
                }
                keyed = ms.enumerated().map { ("federation.confusion[\($0.offset)]", $0.element) }
            }
            for (key, m) in keyed {
                guard m.count == c else { throw fail(key, "has \(m.count) rows, but federation.classes is \(c)") }
                for (t, row) in m.enumerated() {
                    guard row.count == c else {
                        throw fail("\(key)[\(t)]", "has \(row.count) entries, but federation.classes is \(c)")
                    }
                    for (o, p) in row.enumerated() where !(p.isFinite && (0 ... 1).contains(p)) {
                        throw fail("\(key)[\(t)][\(o)]", "\(formatNumber(p)) is not a probability (0 ... 1)")
                    }
                    let total = row.reduce(0, +)
                    guard abs(total - 1) <= Self.priorTolerance else {
                        throw fail("\(key)[\(t)]", "sums to \(total), not 1 (a row is the distribution of the observed class given true class \(t))")
                    }
                }
            }
        }
        let keyed: [(String, Parameter)]
        switch federation.reportFraction {
        case .all(let p): keyed = [("federation.report_fraction", p)]
        case .perWorker(let ps):
            guard ps.count == n else {
                throw fail("federation.report_fraction", "has \(ps.count) entries, but federation.workers is \(n)")
            }
            keyed = ps.enumerated().map { ("federation.report_fraction[\($0.offset)]", $0.element) }
        }
        for (key, p) in keyed {
            for (end, x) in [(".min", p.lowerBound), (".max", p.upperBound)] where !(x.isFinite && x > 0 && x <= 1) {
                throw fail(p.isRange ? key + end : key, "\(formatNumber(x)) is out of range (a share of the samples, above 0 and at most 1)")
            }
            guard p.lowerBound <= p.upperBound else { throw fail(key, "range \(p) has min > max") }
        }
    }
}
