import Adversary
import Mechanisms
import Simulation

/// The paired comparisons of the economic properties on a consensus federation: the worlds
/// each replication plays on the consensus contract (`ConsensusRound`, every worker acting on
/// what it can see), and the gains read off the workers' utilities (payout minus deposit).
///
/// Which properties apply (`FuzzPropertyID.judgedOnConsensus`), all judged by the exact rule,
/// since the consensus payoffs are deterministic given the actions:
/// - `no-free-riding`: the focal seat copies another (honest) seat's commitment, or reveals a
///   lazy guess, instead of computing; violated when it earns at least what honest play earns
///   (gain = utility difference + c, `ConsensusFederation.computingCost`).
/// - `honest-dominates-heuristic`: the focal seat reveals a lazy guess or a junk from E_ck,
///   on the drawn background and among seats that all guess lazily (lazy workers hold the
///   same cheap guess); violated when that earns more than the true result.
/// - `honest-dominates-collusion`: a coalition of k = 1 ... n - 1 seats (the focal seat and
///   the next ones) plays one Table II strategy σ1 ... σ7 instead of all sending the true
///   result; violated when the coalition's total utility rises.
/// - `withholding-unprofitable`: the focal seat commits the true result and withholds its
///   reveal when revealing pays less than d; violated when that earns more than revealing.
public struct ConsensusScenario: Sendable {
    /// One world: a strategy per seat and the parameters they read.
    public struct World: Sendable {
        public var seats: [String]
        public var parameters: ConsensusStrategyParameters
    }

    /// One comparison: its label and the gain of a replication from every world's utilities.
    public struct Comparison: Sendable {
        public var label: String
        public var gain: @Sendable ([[Int]]) -> Double
    }

    /// The worlds; world 0 is the reference.
    public var worlds: [World]
    public var comparisons: [Comparison]

    /// The scenario of `property` on `f`, from `f`'s seeds alone.
    /// - Precondition: `property.judgedOnConsensus`.
    public static func make(_ property: FuzzPropertyID, _ f: ConsensusFederation) -> ConsensusScenario {
        typealias T = SyntheticConsensusTask
        let s = f.focal, n = f.workers
        let honest = World(seats: f.seats([s: HonestStrategy.name]), parameters: f.parameters)
        func deviating(_ name: String, _ p: ConsensusStrategyParameters = f.parameters, extra: [Int: String] = [:]) -> World {
            World(seats: f.seats(extra.merging([s: name]) { $1 }, copyTarget: p.copyTarget), parameters: p)
        }
        func gain(_ world: Int, cost: Int = 0) -> @Sendable ([[Int]]) -> Double {
            { u in Double(u[world][s] - u[0][s] + cost) }
        }
        switch property {
        case .noFreeRiding:
            // The copier's target commits its own result (honest in both worlds); the lazy
            // guesser is compared on the background as drawn.
            var p = f.parameters
            p.copyTarget = (s + 1) % n
            let target = [p.copyTarget: HonestStrategy.name]
            let reference = World(
                seats: f.seats([s: HonestStrategy.name, p.copyTarget: HonestStrategy.name], copyTarget: p.copyTarget),
                parameters: p)
            let c = ConsensusFederation.computingCost
            return ConsensusScenario(
                worlds: [reference, deviating(CommitmentCopier<T>.strategyName, p, extra: target),
                         honest, deviating(LazyGuesser<T>.strategyName)],
                comparisons: [
                    Comparison(label: "seat \(s): copies seat \(p.copyTarget)'s commitment vs honest (c = \(c) saved)", gain: gain(1, cost: c)),
                    Comparison(label: "seat \(s): lazy guess vs honest (c = \(c) saved)") { u in Double(u[3][s] - u[2][s] + c) },
                ])
        case .honestDominatesHeuristic:
            // On the background as drawn, and against a population in which every other seat
            // guesses lazily (the all-heuristic profile).
            var lazy: [String] = []
            for _ in 0 ..< n { lazy.append(LazyGuesser<T>.strategyName) }
            var lazyHonest = lazy
            lazyHonest[s] = HonestStrategy.name
            return ConsensusScenario(
                worlds: [honest, deviating(LazyGuesser<T>.strategyName), deviating(JunkSubmitter<T>.strategyName),
                         World(seats: lazyHonest, parameters: f.parameters), World(seats: lazy, parameters: f.parameters)],
                comparisons: [
                    Comparison(label: "seat \(s): lazy guess vs honest", gain: gain(1)),
                    Comparison(label: "seat \(s): junk (\(f.parameters.junk.rawValue)) vs honest", gain: gain(2)),
                    Comparison(label: "seat \(s): lazy guess vs honest, every other seat guessing lazily") { u in
                        Double(u[4][s] - u[3][s])
                    },
                ])
        case .honestDominatesCollusion:
            let k = max(1, min(f.parameters.coalition.size, n - 1))
            let members = (0 ..< k).map { (s + $0) % n }
            var truthful: [Int: String] = [:], colluding: [Int: String] = [:]
            // Background coalition seats outside this coalition play honest.
            for k in f.background.indices where f.background[k] == CoalitionMember<T>.strategyName {
                truthful[k] = HonestStrategy.name
            }
            for m in members {
                truthful[m] = HonestStrategy.name
                colluding[m] = CoalitionMember<T>.strategyName
            }
            var worlds = [World(seats: f.seats(truthful), parameters: f.parameters)]
            var comparisons: [Comparison] = []
            // Every strategy of a coalition of k except all-true (σ2, the reference).
            for split in ConsensusCoalition.all(size: k) where split.p < k {
                var p = f.parameters
                p.coalition = split
                var seats = f.seats(truthful)
                // Members in seat order take the split's roles in order.
                for m in members.sorted() { seats[m] = colluding[m]! }
                let w = worlds.count
                worlds.append(World(seats: seats, parameters: p))
                let label = "coalition of \(k) (seats \(members.sorted().map(String.init).joined(separator: ", "))): "
                    + "σ\(split.sigma.map(String.init) ?? "f") (p=\(split.p) q=\(split.q) l=\(split.l)) vs all true"
                comparisons.append(Comparison(label: label) { u in
                    Double(members.reduce(0) { $0 + u[w][$1] - u[0][$1] })
                })
            }
            return ConsensusScenario(worlds: worlds, comparisons: comparisons)
        case .withholdingUnprofitable:
            return ConsensusScenario(
                worlds: [honest, deviating(Withholder<T>.strategyName)],
                comparisons: [Comparison(label: "seat \(s): withholds when revealing pays less than d vs always reveals", gain: gain(1))])
        case .depositConservation, .singleSettlement, .revealBinding, .withholdingSlashed,
            .refusalNoEffect, .membersOnlyPaid, .withdrawBounded, .labelCountIntegrity,
            .certaintyThresholdUnpunished, .paddingUnprofitable, .sybilUnprofitable,
            .honestUniqueEquilibrium, .distillationHelpsHonest:
            preconditionFailure("ConsensusScenario: \(property.rawValue) is not judged on consensus")
        }
    }

    /// Plays every world of every replication and judges each comparison by the exact rule.
    /// - Throws: `ContractError` when the contract refuses a protocol transaction.
    public func judge(_ f: ConsensusFederation, confidence: Double, catalog: StrategyCatalog = .standard)
        throws -> ScenarioVerdict
    {
        let round = ConsensusRound(
            deposit: f.deposit, reward: f.reward, junk: f.junk, input: f.input, commitment: f.commitment)
        var gains = [[Double]](repeating: [], count: comparisons.count)
        for r in 0 ..< f.replications {
            let task = f.task(replication: r)
            var utilities: [[Int]] = []
            for world in worlds {
                let actions = f.actions(world.seats, world.parameters, task: task, catalog: catalog)
                utilities.append(try round.play(actions).utilities)
            }
            for (k, c) in comparisons.enumerated() { gains[k].append(c.gain(utilities)) }
        }
        var best: ScenarioVerdict? = nil
        for (k, c) in comparisons.enumerated() {
            let test = PairedTest(gains: gains[k], rule: .exact, confidence: confidence)
            let verdict = ScenarioVerdict(label: c.label, test: test, violated: test.violated)
            if let current = best,
                !(verdict.violated && !current.violated)
                    && !(verdict.violated == current.violated && verdict.test.lowerBound > current.test.lowerBound)
            { continue }
            best = verdict
        }
        guard let verdict = best else { preconditionFailure("ConsensusScenario: no comparison") }
        return verdict
    }
}
