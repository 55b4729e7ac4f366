import Games
import Solver
import Specs

/// One cell where a printed table and the clauses disagree.
public struct TableDifference: Hashable, Sendable {
    /// `Table I` or `Table II`.
    public var table: String
    /// The row and column (or situation), with the coalition's composition for Table II.
    public var cell: String
    public var printed: LinearPayoff
    public var derived: LinearPayoff
    /// The row and column or situation, without the coalition's composition (cells that
    /// differ the same way for several coalitions share it).
    public var group: String
}

extension PaperTables {
    /// The utilities the clauses give (`ConsensusPayoff`), as linear forms in d and r: every
    /// clause is homogeneous linear in (d, r), so the value at (1, 0) is the coefficient of d and
    /// the value at (0, 1) that of r.
    static func derive(_ plays: [ConsensusPlay], of workers: [Int]) -> LinearPayoff {
        let a = ExactAlgebra()
        func total(_ d: Rational, _ r: Rational) -> Rational {
            let u = ConsensusPayoff.utilities(a, deposit: d, reward: r, plays: plays)
            return workers.reduce(Rational(0)) { $0 + u[$1] }
        }
        return LinearPayoff(d: total(1, 0), r: total(0, 1))
    }

    /// Table I's cells that differ from the two-worker clauses, and how many were compared.
    public func compareTableI() -> (differences: [TableDifference], compared: Int) {
        let names = ["σe", "σt", "σf"]
        let plays: [(Int) -> ConsensusPlay] = [{ _ in .nothing }, { _ in .truth }, { .junk($0) }]
        var out: [TableDifference] = []
        for i in 0 ..< 3 {
            for j in 0 ..< 3 {
                let profile = [plays[i](0), plays[j](1)]
                let derived = (Self.derive(profile, of: [0]), Self.derive(profile, of: [1]))
                let printed = tableI[i][j]
                for (who, p, dv) in [("W_i", printed.0, derived.0), ("W_j", printed.1, derived.1)] where p != dv {
                    let cell = "W_i \(names[i]), W_j \(names[j]): \(who)"
                    out.append(TableDifference(table: "Table I", cell: cell, printed: p, derived: dv, group: cell))
                }
            }
        }
        return (out, 18)
    }

    /// Table II's cells that differ from the n-worker clauses, for every coalition size
    /// 1 <= k <= n - 1, every member of each family, and every split of the n - k outsiders
    /// over sigma_e, sigma_t, sigma_f that falls in the cell's situation (the paper takes the
    /// situation to determine the utility; a split where it does not is a difference too).
    public func compareTableII(workers n: Int) -> (differences: [TableDifference], compared: Int) {
        var out: [TableDifference] = [], compared = 0
        for k in 1 ..< max(n, 2) {
            let outsiders = n - k
            for row in tableII {
                for member in row.family.members(k) {
                    let coalition: [ConsensusPlay] = member.map { m in
                        Array(repeating: .truth, count: m.p) + (0 ..< m.q).map { .junk(-1 - $0) } + Array(repeating: .nothing, count: m.l)
                    } ?? Array(repeating: .junk(ConsensusGame.agreedJunkTag), count: k)
                    let (p, q, l) = member.map { ($0.p, $0.q, $0.l) } ?? (0, k, 0)
                    for split in Population.splits(size: outsiders, strategies: 3) {
                        let situation = split[0] > 0 ? 0 : split[2] > 0 ? 1 : 2
                        let others: [ConsensusPlay] = Array(repeating: .nothing, count: split[0])
                            + Array(repeating: .truth, count: split[1]) + (0 ..< split[2]).map { .junk(k + $0) }
                        let derived = Self.derive(coalition + others, of: Array(0 ..< k))
                        let printed = row.cells[situation].value(k: k, n: n, p: p, q: q, l: l)
                        compared += 1
                        guard printed != derived else { continue }
                        let family = member.map { "p=\($0.p), q=\($0.q), l=\($0.l)" } ?? "one agreed junk"
                        out.append(TableDifference(
                            table: "Table II",
                            cell: "\(row.name) (k=\(k) of n=\(n), \(family)), \(Self.situations[situation]), outsiders e/t/f = \(split.map(String.init).joined(separator: "/"))",
                            printed: printed, derived: derived, group: "\(row.name), \(Self.situations[situation])"))
                    }
                }
            }
        }
        return (out, compared)
    }
}

/// `paper-tables-derived`: Table I and Table II of Lu, Tang and Wang as printed
/// (`PaperTables.printed`) agree cell by cell with the utilities the mechanism's clauses give,
/// for the spec's n. Cells are linear forms in d and r, compared exactly (coefficient by
/// coefficient, so for every d and r). The notes list every cell that differs and the
/// elimination order IEWDS finds on the two-worker game and on each coalition game.
struct PaperTablesCheck {
    let spec: Spec
    let verifier: Verifier
    var tables = PaperTables.printed

    func run() -> Verifier.Decision {
        let n = spec.federation.workers
        let one = tables.compareTableI(), two = tables.compareTableII(workers: n)
        let differences = one.differences + two.differences
        var notes = ["cells compared: Table I \(one.compared), Table II \(two.compared) (every coalition size, family member and outsiders' split for n = \(n))"]
        // One line per row and situation (or Table I cell), with how many cells and one example.
        var order: [String] = [], grouped: [String: [TableDifference]] = [:]
        for d in differences {
            let key = "\(d.table) \(d.group)"
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append(d)
        }
        for key in order {
            let cells = grouped[key]!
            notes.append("differs: \(key): \(cells.count) cell(s), e.g. \(cells[0].cell): printed \(cells[0].printed), derived \(cells[0].derived)")
        }
        notes.append("not in Table II: every member sending its own junk (q = k; for k = 1 that is sigma_f), a strategy the clauses allow; its utility is -k d/2 in every situation")
        notes += eliminationOrders(n)
        let values = PropertyValues(
            values: [PropertyValue("differing_cells", Rational(differences.count)),
                     PropertyValue("compared_cells", Rational(one.compared + two.compared))],
            at: ["n": "\(n)"], method: "every cell of both tables for the spec's n")
        guard let first = differences.first else {
            return Verifier.Decision(verdict: .proved, notes: notes, values: values)
        }
        let counterexample = Counterexample([
            ("table", first.table), ("cell", first.cell),
            ("printed", first.printed.description), ("derived", first.derived.description),
        ])
        return Verifier.Decision(verdict: .refuted(counterexample), notes: notes, values: values)
    }

    /// The elimination order IEWDS finds (canonical order, Z3 over the spec's d and r ranges)
    /// on the two-worker game of Table I and on each coalition game of Table II.
    func eliminationOrders(_ n: Int) -> [String] {
        let check = ConsensusVerification(spec: spec, verifier: verifier, property: .paperTablesDerived)
        var games = [("Table I (two workers)", ConsensusGame.individual(workers: 2))]
        games += (1 ..< max(n, 2)).map { ("Table II, coalition of \($0) of \(n)", ConsensusGame.coalition(workers: n, size: $0)) }
        return games.map { title, game in
            guard let (_, result, _) = try? check.eliminate(game, exploreOrders: false) else { return "\(title): IEWDS failed" }
            return "\(title): " + check.sequenceNote(game, result)
        }
    }
}
