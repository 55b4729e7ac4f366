import Solver

/// The consistent belief matrix nearest to an inconsistent one, in L1 over the entries.
///
/// Given the prior R and a matrix P(y | x), the linear program
/// ```
/// minimise   sum_x sum_y |P'(y | x) - P(y | x)|
/// subject to P'(y | x) >= 0,   sum_y P'(y | x) = 1 for every x,
///            sum_x R(x) P'(y | x) = R(y) for every y
/// ```
/// (with `d(x, y) >= +-(P' - P)` standing for the absolute values) is solved by Z3's optimizer,
/// whose optimum the `Optimizer` confirms (no point does better), and the matrix it returns is
/// re-checked in exact rationals: its rows, its column sums and its distance. The program is
/// always feasible: the rows P'(. | x) = R / sum(R) satisfy it.
///
/// The distance is the plain entrywise L1 distance, every entry weighted alike (not by R(x)):
/// how much probability has to move in the matrix a spec writes down.
struct NearestConsistentBeliefs {
    let prior: [Rational]
    let matrix: [[Rational]]

    static let distanceName = "L1: the least sum over x, y of |P'(y|x) - P(y|x)|, rows distributions, sum_x R(x) P'(y|x) = R(y)"

    struct Failure: Error { let reason: String }

    /// The least distance and a matrix at it.
    func solve(timeoutMilliseconds: UInt32, deadline: Deadline?) -> Result<(distance: Rational, matrix: [[Rational]]), Failure> {
        guard let timeout = deadline.queryTimeout(cap: timeoutMilliseconds) else { return .failure(Failure(reason: deadline!.reason)) }
        let c = prior.count
        let context = Context()
        let optimizer = Optimizer(context: context, timeoutMilliseconds: timeout)
        let p = (0 ..< c).map { x in (0 ..< c).map { y in context.real("p_\(x)_\(y)") } }
        let d = (0 ..< c).map { x in (0 ..< c).map { y in context.real("d_\(x)_\(y)") } }
        for x in 0 ..< c {
            for y in 0 ..< c {
                optimizer.add(p[x][y] .>= context.real(0))
                optimizer.add(d[x][y] .>= p[x][y] - matrix[x][y])
                optimizer.add(d[x][y] .>= matrix[x][y] - p[x][y])
            }
            optimizer.add(sum(p[x], in: context) .== context.real(1))
        }
        for y in 0 ..< c {
            optimizer.add(sum((0 ..< c).map { x in prior[x] * p[x][y] }, in: context) .== context.real(prior[y]))
        }
        optimizer.minimize(sum(d.flatMap { $0 }, in: context))
        let result: OptimizeResult
        do { result = try optimizer.check() } catch { return .failure(Failure(reason: "Z3 error: \(error)")) }
        switch result {
        case .infeasible:
            return .failure(Failure(reason: "Z3 found the program infeasible, which it is not (the independent rows R / sum(R) satisfy it)"))
        case .unknown(let reason):
            return .failure(Failure(reason: reason))
        case .optimal(let model, let values):
            guard case .finite(let distance)? = values.first else {
                return .failure(Failure(reason: "the optimiser reported no attained optimum"))
            }
            var found: [[Rational]] = []
            for row in p {
                var values: [Rational] = []
                for term in row {
                    guard let value = try? model.rational(term) else { return .failure(Failure(reason: "the optimum's model has no rational value")) }
                    values.append(value)
                }
                found.append(values)
            }
            guard recheck(found, distance: distance) else {
                return .failure(Failure(reason: "the optimum's matrix did not re-check exactly"))
            }
            return .success((distance, found))
        }
    }

    /// Whether `candidate` is consistent with the prior and lies at `distance` from the matrix,
    /// in exact arithmetic.
    func recheck(_ candidate: [[Rational]], distance: Rational) -> Bool {
        let c = prior.count
        let rows = candidate.allSatisfy { row in row.allSatisfy { $0 >= 0 } && row.reduce(0, +) == 1 }
        let columns = (0 ..< c).allSatisfy { y in (0 ..< c).reduce(Rational(0)) { $0 + prior[$1] * candidate[$1][y] } == prior[y] }
        return rows && columns && Self.distance(candidate, matrix) == distance
    }

    /// The entrywise L1 distance of two matrices.
    static func distance(_ a: [[Rational]], _ b: [[Rational]]) -> Rational {
        zip(a, b).reduce(Rational(0)) { total, rows in
            zip(rows.0, rows.1).reduce(total) { t, e in t + (e.0 > e.1 ? e.0 - e.1 : e.1 - e.0) }
        }
    }

    /// `[[89/90, 1/90], [1/10, 9/10]]`.
    static func render(_ matrix: [[Rational]]) -> String {
        "[" + matrix.map { "[" + $0.map(\.description).joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
    }
}
