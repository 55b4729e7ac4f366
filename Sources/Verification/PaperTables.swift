import Solver

/// A payoff linear in the deposit d and the reward r: `d * d + r * r` (every cell of the
/// papers' tables is one).
public struct LinearPayoff: Hashable, Sendable, CustomStringConvertible {
    public var d: Rational
    public var r: Rational

    public init(d: Rational = 0, r: Rational = 0) {
        self.d = d
        self.r = r
    }

    /// `-1/2·d`, `1/2·r`, `-1·d + 1/3·r`, `0`.
    public var description: String {
        let terms = [(d, "d"), (r, "r")].filter { $0.0 != 0 }.map { "\($0.0)·\($0.1)" }
        return terms.isEmpty ? "0" : terms.joined(separator: " + ")
    }
}

/// The tables Lu, Tang and Wang print, transcribed as data (`/work/shared/papers`, section IV
/// Table I and section VI Table II), to be compared cell by cell with what the clauses give
/// (`PaperTables+Derived`).
public struct PaperTables: Sendable {
    /// Table I, "the game of two workers in normal form": `tableI[i][j]` is (W_i, W_j)'s
    /// utilities when W_i plays strategy i and W_j plays j, in the order sigma_e, sigma_t, sigma_f.
    public var tableI: [[(LinearPayoff, LinearPayoff)]]
    /// Table II, "the utility of an arbitrary coalition C (|C| <= n - 1) in the game of n
    /// workers": one row per strategy family sigma_1 ... sigma_7.
    public var tableII: [TableIIRow]

    public init(tableI: [[(LinearPayoff, LinearPayoff)]], tableII: [TableIIRow]) {
        self.tableI = tableI
        self.tableII = tableII
    }

    /// One printed cell of Table II: `(dk k + dp p + dq q + dl l) d + rk (k / n) r`.
    public struct TableIICell: Hashable, Sendable {
        public var dk: Rational = 0, dp: Rational = 0, dq: Rational = 0, dl: Rational = 0, rk: Rational = 0

        public init(dk: Rational = 0, dp: Rational = 0, dq: Rational = 0, dl: Rational = 0, rk: Rational = 0) {
            (self.dk, self.dp, self.dq, self.dl, self.rk) = (dk, dp, dq, dl, rk)
        }

        /// The cell for a coalition of k among n playing (p, q, l).
        public func value(k: Int, n: Int, p: Int, q: Int, l: Int) -> LinearPayoff {
            LinearPayoff(
                d: dk * Rational(k) + dp * Rational(p) + dq * Rational(q) + dl * Rational(l),
                r: rk * Rational(k) / Rational(n))
        }
    }

    /// The strategy families of section VI.
    public enum Family: String, CaseIterable, Sendable {
        case sigma1 = "σ1", sigma2 = "σ2", sigma3 = "σ3", sigma4 = "σ4", sigma5 = "σ5", sigma6 = "σ6", sigma7 = "σ7"

        /// The members for a coalition of k: (p true results, q junks, l nothing), or `nil`
        /// for sigma_3 (every member sends one agreed junk). sigma_4 ... sigma_7 take p, q, l
        /// in N+ as Table II's notes say.
        public func members(_ k: Int) -> [(p: Int, q: Int, l: Int)?] {
            let inner = Array(1 ..< max(k, 1))
            switch self {
            case .sigma1: return [(0, 0, k)]
            case .sigma2: return [(k, 0, 0)]
            case .sigma3: return k >= 2 ? [nil] : []
            case .sigma4: return inner.map { (p: $0, q: 0, l: k - $0) }
            case .sigma5: return inner.map { (p: 0, q: $0, l: k - $0) }
            case .sigma6: return inner.map { (p: $0, q: k - $0, l: 0) }
            case .sigma7: return inner.flatMap { p in Array(1 ..< max(k - p, 1)).map { (p: p, q: $0, l: k - p - $0) } }
            }
        }
    }

    /// One row of Table II: the family and its printed utility in situations I, II and III.
    public struct TableIIRow: Sendable {
        public var family: Family
        public var cells: [TableIICell]

        public init(family: Family, cells: [TableIICell]) {
            self.family = family
            self.cells = cells
        }

        public var name: String { family.rawValue }
    }

    /// The situations of Table II, as the paper defines them by what the outsiders play.
    public static let situations = [
        "situation I (an outsider sends nothing)",
        "situation II (an outsider sends a junk, none sends nothing)",
        "situation III (every outsider sends the true result)",
    ]

    /// The tables as printed.
    public static let printed = PaperTables(tableI: printedTableI, tableII: printedTableII)

    /// Table I as printed (rows W_i = sigma_e, sigma_t, sigma_f; columns W_j the same).
    public static let printedTableI: [[(LinearPayoff, LinearPayoff)]] = {
        let loseAll = LinearPayoff(d: -1), loseHalf = LinearPayoff(d: Rational(-1) / 2)
        let share = LinearPayoff(r: Rational(1) / 2)
        return [
            [(loseAll, loseAll), (loseAll, loseHalf), (loseAll, loseHalf)],
            [(loseHalf, loseAll), (share, share), (loseHalf, loseHalf)],
            [(loseHalf, loseAll), (loseHalf, loseHalf), (loseHalf, loseHalf)],
        ]
    }()

    /// Table II as printed: sigma_1 -kd; sigma_2 -kd/2, kr/n, -kd/2; sigma_3 -kd/2; sigma_4
    /// -pd/2 - ld; sigma_5 -qd/2 - ld; sigma_6 -(p+q)d/2; sigma_7 -(p+q)d/2 - ld (each the
    /// same in the three situations unless listed).
    public static let printedTableII: [TableIIRow] = {
        let h = Rational(-1) / 2
        func same(_ cell: TableIICell) -> [TableIICell] { [cell, cell, cell] }
        return [
            TableIIRow(family: .sigma1, cells: same(TableIICell(dk: -1))),
            TableIIRow(family: .sigma2, cells: [TableIICell(dk: h), TableIICell(rk: 1), TableIICell(dk: h)]),
            TableIIRow(family: .sigma3, cells: same(TableIICell(dk: h))),
            TableIIRow(family: .sigma4, cells: same(TableIICell(dp: h, dl: -1))),
            TableIIRow(family: .sigma5, cells: same(TableIICell(dq: h, dl: -1))),
            TableIIRow(family: .sigma6, cells: same(TableIICell(dp: h, dq: h))),
            TableIIRow(family: .sigma7, cells: same(TableIICell(dp: h, dq: h, dl: -1))),
        ]
    }()
}
