internal import TOMLKit

extension Spec {
    /// A worker's explicit beliefs about its peers (`[beliefs]`).
    ///
    /// `peerGivenOwn[x][y]` is the probability that a peer reports y when the worker itself
    /// observed x (Witt et al., Appendix A: `P_p|w(y | x)`). Each row is a distribution. The
    /// reported prior R is `federation.prior`.
    public struct Beliefs: Hashable, Sendable {
        public var peerGivenOwn: [[Double]]

        public init(peerGivenOwn: [[Double]]) { self.peerGivenOwn = peerGivenOwn }
    }

    static func decodeBeliefs(_ t: inout TOMLReader) throws(SpecError) -> Beliefs {
        guard let rows = try t.array("peer_given_own") else {
            throw t.error("peer_given_own", "missing required key (a |C| x |C| matrix of probabilities)")
        }
        var matrix: [[Double]] = []
        for (x, row) in rows.enumerated() {
            let key = t.keyPath("peer_given_own[\(x)]")
            let items = try TOMLReader.asArray(row, file: t.file, key: key)
            var values: [Double] = []
            for (y, item) in items.enumerated() {
                values.append(try TOMLReader.asDouble(item, file: t.file, key: "\(key)[\(y)]"))
            }
            matrix.append(values)
        }
        try t.finish()
        return Beliefs(peerGivenOwn: matrix)
    }

    /// Checks the belief matrix against the federation: |C| rows of |C| probabilities in
    /// [0, 1], each row summing to 1 within `priorTolerance`.
    func validateBeliefs(file: String) throws(SpecError) {
        guard let beliefs else { return }
        let c = federation.classes
        let key = "beliefs.peer_given_own"
        guard beliefs.peerGivenOwn.count == c else {
            throw SpecError(
                file: file, key: key,
                reason: "has \(beliefs.peerGivenOwn.count) rows, but federation.classes is \(c)")
        }
        for (x, row) in beliefs.peerGivenOwn.enumerated() {
            guard row.count == c else {
                throw SpecError(
                    file: file, key: "\(key)[\(x)]",
                    reason: "has \(row.count) entries, but federation.classes is \(c)")
            }
            for (y, p) in row.enumerated() where !(0 ... 1).contains(p) {
                throw SpecError(
                    file: file, key: "\(key)[\(x)][\(y)]", reason: "\(p) is not a probability (0 ... 1)")
            }
            let total = row.reduce(0, +)
            guard abs(total - 1) <= Self.priorTolerance else {
                throw SpecError(
                    file: file, key: "\(key)[\(x)]", reason: "sums to \(total), not 1")
            }
        }
    }
}
