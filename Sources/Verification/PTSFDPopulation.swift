import Solver

/// PTSFD (Witt et al.) as a population game of n workers over a finite family of strategies:
/// truthful; each class map of the collusion family (`CollusionClaim.all`: the halves map and
/// one single merge x -> y per orbit of the prior's symmetry), reported by the worker whatever
/// the others do; heuristic, reporting y with probability q(y) = the prior pi(y) whatever it
/// observes; and abstain, which reports nothing and earns 0.
///
/// A worker playing s against others of whom `c_j` play j (abstainers do not count) is matched
/// with a peer drawn uniformly from the others that report, and paid `1 / (rho R_{-i}(y))` on a
/// match with report y, where R_{-i} is the frequency of y among the others' reports (the
/// mechanism's R_i, Algorithm 3 line 20, in the population limit). With
/// `P(j: y | z)` the probability that strategy j reports y on observing z:
/// ```
/// A[s][j][y] = sum_x sum_z P(s: y | x) joint(x, z) P(j: y | z)     (matched on y)
/// B[j][y]    = sum_z R(z) P(j: y | z)                                (j's reports of y)
/// E_s        = sum_y (sum_j c_j A[s][j][y]) / (rho sum_j c_j B[j][y]) - beta
/// ```
/// A report y that no other worker's strategy can make (`B` structurally 0) is never matched and
/// earns nothing. A worker with no reporting peer earns 0. With every other worker truthful,
/// E_truthful is `PTSFDSetting.honestReward`; with a fraction f of them colluding on g, a
/// member's E is `CollusionClaim.colludingReward`. Payoffs are per sample before lambda > 0,
/// which does not change who gains. With `[costs]` effort costs the payoff is the profit per
/// sample, `lambda E_s - c`: c(e_1) (`effort_high`) for truthful and the class maps, which observe
/// the sample, c(e_0) (`effort_low`) for heuristic, none for abstain (c_fix per round is left out).
struct PTSFDPopulation: PopulationGame {
    let setting: PTSFDSetting
    /// lambda, c(e_1), c(e_0) when the spec has an effort cost; `nil` otherwise (payoffs before lambda).
    let effort: (lambda: Variable, high: Variable, low: Variable)?
    /// The class maps (observed -> reported) of the deterministic strategies, truthful first.
    let maps: [[Int]]
    let names: [String]

    init(setting: PTSFDSetting, costs: PTSFDCosts? = nil) {
        self.setting = setting
        if let costs, costs.effortHigh.upper > 0 || costs.effortLow.upper > 0 {
            effort = (setting.lambda, costs.effortHigh, costs.effortLow)
        } else {
            effort = nil
        }
        // A map that is the identity (the halves map of two classes) or repeats one is truthful
        // or that strategy again, and is left out.
        var seen: Set<[Int]> = [Array(0 ..< setting.classes)]
        let collusion = CollusionClaim.all(setting).filter { seen.insert($0.map).inserted }
        maps = [Array(0 ..< setting.classes)] + collusion.map(\.map)
        names = ["truthful"] + collusion.map { "collude \($0.mapName)" } + ["heuristic", "abstain"]
    }

    var heuristic: Int { maps.count }
    var abstain: Int { maps.count + 1 }

    var title: String { "PTSFD, \(setting.workers) workers over \(names.count) strategies" }
    var groups: [PopulationGroup] { [PopulationGroup(name: "workers", size: setting.workers, strategies: names)] }
    var variables: [Variable] {
        setting.beliefs.variables + [setting.beta] + (effort.map { [$0.lambda, $0.high, $0.low] } ?? [])
    }
    var truthful: [[Int]] { [[setting.workers] + Array(repeating: 0, count: names.count - 1)] }

    func assumptions<A: Algebra>(_ a: A, _ v: [A.Number]) -> [A.Truth] { setting.beliefs.positivity(a, v) }

    /// q(y): the prior, normalised exactly.
    var q: [Rational] { setting.beliefs.prior.map { $0 / setting.beliefs.priorSum } }

    /// Whether strategy j can report y (so that `B[j][y]` is not structurally 0).
    func reports(_ j: Int, _ y: Int) -> Bool {
        j < maps.count ? maps[j].contains(y) : (j == heuristic && q[y] > 0)
    }

    /// `reports(j, y)` for every strategy and class.
    var reportable: [[Bool]] { (0 ..< names.count).map { j in (0 ..< setting.classes).map { reports(j, $0) } } }

    func payoffs<A: Algebra>(_ a: A, _ v: [A.Number]) -> PopulationPayoffs<A> {
        let b = setting.beliefs, c = setting.classes, s = names.count
        let joint = (0 ..< c).map { x in (0 ..< c).map { z in b.joint(a, v, x, z) } }
        let rowSum = joint.map { a.sum($0) }
        let colSum = (0 ..< c).map { z in a.sum((0 ..< c).map { joint[$0][z] }) }
        let report = (0 ..< c).map { b.reportPrior(a, v, $0) }
        let reportTotal = a.sum(report)
        let total = a.sum(rowSum)
        // A[s][j][y] and B[j][y], for the reporting strategies (abstain has none).
        var matched = [[[A.Number]]](repeating: [], count: s)
        var mass = [[A.Number]](repeating: [], count: s)
        for j in 0 ..< s where j != abstain {
            mass[j] = (0 ..< c).map { y in
                j == heuristic ? a.multiply(a.constant(q[y]), reportTotal)
                    : a.sum((0 ..< c).filter { maps[j][$0] == y }.map { report[$0] })
            }
        }
        for i in 0 ..< s where i != abstain {
            matched[i] = (0 ..< s).map { j in
                guard j != abstain else { return [] }
                return (0 ..< c).map { y -> A.Number in
                    switch (i == heuristic, j == heuristic) {
                    case (true, true): return a.multiply(a.constant(q[y] * q[y]), total)
                    case (true, false):
                        return a.multiply(a.constant(q[y]), a.sum((0 ..< c).filter { maps[j][$0] == y }.map { colSum[$0] }))
                    case (false, true):
                        return a.multiply(a.constant(q[y]), a.sum((0 ..< c).filter { maps[i][$0] == y }.map { rowSum[$0] }))
                    case (false, false):
                        let xs = (0 ..< c).filter { maps[i][$0] == y }, zs = (0 ..< c).filter { maps[j][$0] == y }
                        return a.sum(xs.flatMap { x in zs.map { joint[x][$0] } })
                    }
                }
            }
        }
        let b0 = setting.beliefs.variables.count
        let rho = setting.rho(a, v), beta = v[b0]
        let reportable = reportable
        return PopulationPayoffs { _, strategy, counts in
            guard strategy != abstain else { return a.constant(0) }
            var others = counts[0]
            others[strategy] -= 1
            let peers = (0 ..< s).filter { $0 != abstain && others[$0] > 0 }
            guard !peers.isEmpty else { return a.constant(0) }
            let terms = (0 ..< c).compactMap { y -> A.Number? in
                let present = peers.filter { reportable[$0][y] }
                guard !present.isEmpty, reportable[strategy][y] else { return nil }
                let numerator = a.sum(present.map { a.multiply(a.constant(others[$0]), matched[strategy][$0][y]) })
                let denominator = a.sum(present.map { a.multiply(a.constant(others[$0]), mass[$0][y]) })
                return a.divide(numerator, a.multiply(rho, denominator))
            }
            let expected = a.subtract(a.sum(terms), beta)
            guard effort != nil else { return expected }
            // Profit per sample: lambda E - the strategy's effort cost.
            let cost = strategy == heuristic ? v[b0 + 3] : v[b0 + 2]
            return a.subtract(a.multiply(v[b0 + 1], expected), cost)
        }
    }
}
