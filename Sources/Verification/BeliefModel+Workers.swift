import Solver
import Specs

/// One belief model per kind of worker: workers with the same accuracy (or confusion matrix)
/// and report fraction believe the same, so each kind is checked once, against the mixture of
/// its actual peers (every other worker of every kind, its own kind included).
///
/// The peer model: in Eq. 2 a worker's reward on a sample averages over the peers that
/// reported it. Worker j reports a share f_j of the samples, independently of the sample's
/// class, and with the spec's accuracy (or confusion) on what it reports; it is the peer of a
/// reported sample with probability `f_j / sum_{k != i} f_k`. That is exact when the fractions
/// are equal (every peer equally likely, as with `peers_per_sample = "all"` and with a uniform
/// `k`-peer allocation) and when n = 2, and the many-peers limit otherwise.
///
/// Variables: `accuracy_worker` (the checked worker's accuracy), `accuracy_peer` (one peer
/// group) or `accuracy_peer_w<j>` (the group whose first worker is j) for each accuracy (a
/// constant instead when the workers differ and the accuracy is fixed); for a ranged report
/// fraction `report_fraction_worker` and `report_fraction_peer[_w<j>]` (the
/// group's total). Fixed fractions are constants. Explicit `[beliefs]` keep one model (its
/// matrix stands for every worker); only the report fractions of the kinds differ there.
extension BeliefModel {
    /// What makes two workers alike.
    struct Kind: Hashable {
        var accuracy: Parameter?
        var confusion: [[Double]]?
        var fraction: Parameter
    }

    /// The kinds of workers in order of their first worker, with their workers.
    static func kinds(_ spec: Spec) -> [(kind: Kind, workers: [Int])] {
        let f = spec.federation, n = f.workers
        let fractions = f.reportFraction.parameters(workers: n)
        let confusions = f.confusion?.matrices(workers: n)
        let accuracies = f.accuracy.parameters(workers: n)
        var kinds: [(kind: Kind, workers: [Int])] = []
        var index: [Kind: Int] = [:]
        for i in 0 ..< n {
            let noiseIgnored = spec.beliefs != nil
            let kind = Kind(
                accuracy: noiseIgnored || confusions != nil ? nil : accuracies[i],
                confusion: noiseIgnored ? nil : confusions?[i], fraction: fractions[i])
            if let k = index[kind] { kinds[k].workers.append(i) } else {
                index[kind] = kinds.count
                kinds.append((kind, [i]))
            }
        }
        return kinds
    }

    /// One model per kind of worker, in order of the kinds' first workers.
    /// - Complexity: O(n + k^2) for n workers of k kinds.
    public static func perWorker(spec: Spec) -> [BeliefModel] {
        let kinds = kinds(spec)
        return kinds.indices.map { model(spec, kinds, checking: $0) }
    }

    /// How many kinds of workers `spec` has (what `perWorker` returns one model for).
    public static func kindCount(spec: Spec) -> Int { kinds(spec).count }

    /// The model of kind `k`, against the mixture of every other worker.
    static func model(_ spec: Spec, _ kinds: [(kind: Kind, workers: [Int])], checking k: Int) -> BeliefModel {
        let classes = spec.federation.classes
        // A uniform prior is exactly 1/|C| (not the double nearest to it).
        let prior: [Rational] = switch spec.federation.prior {
        case .uniform: [Rational](repeating: Rational(1) / Rational(classes), count: classes)
        case .distribution(let p): p.map(exactRational)
        }
        var variables: [Variable] = []
        func slot(_ name: String, _ p: Parameter, times count: Int = 1) -> Slot {
            if !p.isRange || p.lowerBound == p.upperBound {
                return .constant(exactRational(p.lowerBound) * Rational(count))
            }
            variables.append(Variable(name, exactRational(p.lowerBound) * Rational(count), exactRational(p.upperBound) * Rational(count)))
            return .variable(variables.count - 1)
        }
        func accuracySlot(_ name: String, _ p: Parameter) -> Slot {
            // When the workers are alike their accuracies stay variables even when fixed, so
            // a counterexample names them; between kinds a fixed accuracy is a constant (the
            // notes name it), which spares Z3 a variable per kind.
            if kinds.count > 1, !p.isRange || p.lowerBound == p.upperBound {
                return .constant(exactRational(p.lowerBound))
            }
            variables.append(Variable(name, p))
            return .variable(variables.count - 1)
        }
        func noise(_ kind: Kind, _ name: String) -> Noise {
            if let m = kind.confusion { return .confusion(m.map { $0.map(exactRational) }) }
            return .accuracy(accuracySlot(name, kind.accuracy ?? .value(1)))
        }
        let (own, ownWorkers) = kinds[k]
        let peerCounts = kinds.indices.map { g in kinds[g].workers.count - (g == k ? 1 : 0) }
        let groups = kinds.indices.filter { peerCounts[$0] > 0 }
        let suffix: (Int) -> String = { g in groups.count == 1 ? "" : "_w\(kinds[g].workers.first { $0 != ownWorkers[0] }!)" }
        let source: Source
        if let beliefs = spec.beliefs {
            source = .explicit(peerGivenOwn: beliefs.peerGivenOwn.map { $0.map(exactRational) })
        } else {
            let ownNoise = noise(own, "accuracy_worker")
            source = .workers(own: ownNoise, peers: groups.map { g in
                PeerGroup(
                    workers: kinds[g].workers.filter { $0 != ownWorkers[0] },
                    noise: noise(kinds[g].kind, "accuracy_peer" + suffix(g)))
            })
        }
        // Report fractions after the noise, so the accuracy variables keep their places.
        let ownFraction = slot("report_fraction_worker", own.fraction)
        let peerFractions = groups.map { g in
            slot("report_fraction_peer" + suffix(g), kinds[g].kind.fraction, times: peerCounts[g])
        }
        return BeliefModel(
            classes: classes, prior: prior, source: source, checkedWorkers: ownWorkers,
            ownFraction: ownFraction, peerFractions: peerFractions, kindCount: kinds.count,
            variables: variables)
    }
}

extension BeliefModel {
    /// `variables` with every ranged report fraction pinned where `rho = sum_{j != i} f_j /
    /// (n f_i)` is largest: the checked worker's at its lowest, the peers' at their highest.
    /// Where R does not depend on the peers' weights (a uniform prior, or peers alike) that is
    /// where `rho R(x) beta` (Eq. 7) is largest, and the objective is then free of divisions by
    /// variables, which the optimiser needs.
    public var variablesAtLargestRho: [Variable] {
        var pinned = variables
        if case .variable(let i) = ownFraction { pinned[i] = Variable(pinned[i].name, pinned[i].lower, pinned[i].lower) }
        for case .variable(let i) in peerFractions { pinned[i] = Variable(pinned[i].name, pinned[i].upper, pinned[i].upper) }
        return pinned
    }
}

extension BeliefModel {
    /// The beliefs of a worker whose own observation has the accuracy at `index` of a claim's
    /// variables (which extend `variables`), against the same peers: the low-effort worker of
    /// `effort-incentive`. Explicit beliefs say nothing of another accuracy and stay as they are
    /// (`EffortIncentiveClaim.all` refuses that case).
    func withOwnAccuracy(at index: Int) -> BeliefModel {
        guard case .workers(_, let peers) = source else { return self }
        return BeliefModel(
            classes: classes, prior: prior, source: .workers(own: .accuracy(.variable(index)), peers: peers),
            checkedWorkers: checkedWorkers, ownFraction: ownFraction, peerFractions: peerFractions,
            kindCount: kindCount, variables: variables)
    }
}
