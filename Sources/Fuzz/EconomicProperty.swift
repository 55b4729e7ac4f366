import Foundation
import Adversary
import Mechanisms

/// The scenarios of the economic properties (`FuzzPropertyID` layer `economic`).
///
/// Every comparison puts a deviating party on seats that play `honest` in the reference world;
/// the other seats keep the federation's background strategies in every world. Gains are in
/// integer units of net payout (payout minus deposit), except `certainty-threshold-unpunished`,
/// which the issue states per reported sample and so compares rewards per reported sample.
public struct EconomicProperty: Sendable {
    /// The strategies a campaign may use.
    public var catalog: StrategyCatalog

    public init(catalog: StrategyCatalog = .standard) { self.catalog = catalog }

    /// The strategy `name` with `parameters`.
    /// - Precondition: the catalogue has `name` (the campaign validates names up front).
    func make(_ name: String, _ parameters: StrategyParameters) -> any WorkerStrategy {
        guard let strategy = catalog.strategy(named: name, parameters: parameters) else {
            preconditionFailure("EconomicProperty: the catalogue has no strategy \(name)")
        }
        return strategy
    }

    /// The background world: every seat its background strategy, each on its own model.
    func background(_ f: Federation, _ parameters: StrategyParameters) -> [SeatPlan] {
        f.background.enumerated().map { i, name in
            SeatPlan(strategy: make(name, parameters), modelOwner: i)
        }
    }

    /// The scenario generator of `property` on `f`: seeded by the federation's noise seed and
    /// the property, so a counterexample replays it from the federation alone.
    static func generator(_ property: FuzzPropertyID, _ f: Federation) -> SplitMix64 {
        let index = FuzzPropertyID.allCases.firstIndex(of: property)!
        return SplitMix64(seed: f.noiseSeed, stream: (1 << 32) | UInt64(index))
    }

    /// The scenario judging `property` on `f`.
    /// - Precondition: `property.layer == .economic`.
    public func scenario(_ property: FuzzPropertyID, _ f: Federation) -> EconomicScenario {
        var g = Self.generator(property, f)
        let p = f.parameters
        var honest = background(f, p)
        let n = f.workers
        let focal = Int(Sampling.below(UInt64(n), using: &g))
        honest[focal] = SeatPlan(strategy: make(HonestStrategy.name, p), modelOwner: focal)
        func with(_ seats: [Int], _ name: String, _ q: StrategyParameters = p, owner: Int? = nil)
            -> [SeatPlan]
        {
            var world = honest
            for s in seats { world[s] = SeatPlan(strategy: make(name, q), modelOwner: owner ?? s) }
            return world
        }
        func netGain(_ seats: [Int], _ world: Int) -> @Sendable ([RoundOutcome]) -> Double {
            { o in Double(seats.reduce(0) { $0 + o[world].net[$1] - o[0].net[$1] }) }
        }
        switch property {
        case .noFreeRiding:
            var q = p
            q.heuristicLabels = [Double](repeating: 1 / Double(f.classes), count: f.classes)
            q.copyTarget = (focal + 1 + Int(Sampling.below(UInt64(n - 1), using: &g))) % n
            honest = honest.enumerated().map { i, seat in
                i == q.copyTarget ? SeatPlan(strategy: make(HonestStrategy.name, p), modelOwner: i) : seat
            }
            return EconomicScenario(
                worlds: [honest, with([focal], HeuristicStrategy.name, q), with([focal], CommitmentCopierStrategy.name, q)],
                comparisons: [
                    .init(label: "seat \(focal): heuristic (uniform) vs honest", rule: .oneSided, gain: netGain([focal], 1)),
                    .init(label: "seat \(focal): copies seat \(q.copyTarget)'s commitment vs honest", rule: .oneSided, gain: netGain([focal], 2)),
                ])
        case .labelCountIntegrity:
            var raise = p, lower = p
            raise.labelCountLie = .raiseOwn
            lower.labelCountLie = .lowerOthers
            var silent = honest
            silent[focal].silent = true
            let others = (0 ..< n).filter { $0 != focal }
            let disturbance: @Sendable (Int) -> @Sendable ([RoundOutcome]) -> Double = { world in
                { o in
                    Double(others.map { q in
                        min(abs(o[world].net[q] - o[0].net[q]), abs(o[world].net[q] - o[1].net[q]))
                    }.max() ?? 0)
                }
            }
            return EconomicScenario(
                worlds: [honest, silent, with([focal], LabelCountLiarStrategy.name, raise), with([focal], LabelCountLiarStrategy.name, lower)],
                comparisons: [
                    .init(label: "seat \(focal): labelCount lie raise-own moves another payout", rule: .exact, gain: disturbance(2)),
                    .init(label: "seat \(focal): labelCount lie lower-others moves another payout", rule: .exact, gain: disturbance(3)),
                ])
        case .honestDominatesHeuristic:
            return EconomicScenario(
                worlds: [honest, with([focal], HeuristicStrategy.name)],
                comparisons: [.init(label: "seat \(focal): heuristic vs honest", rule: .oneSided, gain: netGain([focal], 1))])
        case .honestDominatesCollusion:
            let size = 2 + Int(Sampling.below(UInt64(max(1, n - 2)), using: &g))
            let coalition = Array(0 ..< min(size, n))
            var merge = p
            let from = Int(Sampling.below(UInt64(f.classes), using: &g))
            let to = (from + 1 + Int(Sampling.below(UInt64(f.classes - 1), using: &g))) % f.classes
            merge.collusionMap = (0 ..< f.classes).map { $0 == from ? to : $0 }
            return EconomicScenario(
                worlds: [honest, with(coalition, ColludingStrategy.name), with(coalition, ColludingStrategy.name, merge)],
                comparisons: [
                    .init(label: "coalition of \(coalition.count) with map \(p.collusionMap) vs honest", rule: .oneSided, gain: perMember(coalition, 1)),
                    .init(label: "coalition of \(coalition.count) merging class \(from) into \(to) vs honest", rule: .oneSided, gain: perMember(coalition, 2)),
                ])
        case .certaintyThresholdUnpunished:
            let knobs = f.knobs, terms = f.terms
            return EconomicScenario(
                worlds: [honest, with([focal], CertaintyThresholdStrategy.name)],
                comparisons: [.init(
                    label: "seat \(focal): reports only A_ij >= \(Self.brief(p.certaintyThreshold)) vs everything, per reported sample",
                    rule: .oneSided,
                    gain: { o in Self.thresholdPenalty(o, seat: focal, terms: terms, knobs: knobs) },
                    tolerance: 1e-9)])
        case .paddingUnprofitable:
            var threshold = honest
            threshold[focal] = SeatPlan(strategy: make(CertaintyThresholdStrategy.name, p), modelOwner: focal)
            var pad = threshold
            pad[focal] = SeatPlan(strategy: make(PaddingStrategy.name, p), modelOwner: focal)
            return EconomicScenario(
                worlds: [threshold, pad],
                comparisons: [.init(label: "seat \(focal): pads \(p.paddingRandom ? "random" : "unsure") samples (rate \(Self.brief(p.paddingRate))) vs threshold \(Self.brief(p.certaintyThreshold))", rule: .oneSided, gain: netGain([focal], 1))])
        case .sybilUnprofitable:
            let k = min(max(2, p.sybilIdentities), n - 1)
            let party = (0 ..< k).map { (focal + $0) % n }
            var honestParty = honest
            for s in party { honestParty[s] = SeatPlan(strategy: make(HonestStrategy.name, p), modelOwner: s) }
            var sybil = honestParty
            for s in party { sybil[s] = SeatPlan(strategy: make(SybilStrategy.name, p), modelOwner: party[0]) }
            return EconomicScenario(
                worlds: [honestParty, sybil],
                comparisons: [.init(label: "\(k) sybil identities on seat \(party[0])'s model vs \(k) honest workers", rule: .oneSided, gain: netGain(party, 1))])
        case .withholdingUnprofitable:
            return EconomicScenario(
                worlds: [honest, with([focal], RevealWithholderStrategy.name)],
                comparisons: [.init(label: "seat \(focal): withholds when revealing pays less than the deposit vs always reveals", rule: .oneSided, gain: netGain([focal], 1))])
        case .depositConservation, .singleSettlement, .revealBinding, .withholdingSlashed,
            .refusalNoEffect, .membersOnlyPaid, .withdrawBounded, .honestUniqueEquilibrium,
            .distillationHelpsHonest:
            preconditionFailure("EconomicProperty: \(property.rawValue) is not an economic property")
        }
    }

    /// Mean gain per coalition member.
    func perMember(_ seats: [Int], _ world: Int) -> @Sendable ([RoundOutcome]) -> Double {
        { o in Double(seats.reduce(0) { $0 + o[world].net[$1] - o[0].net[$1] }) / Double(seats.count) }
    }
}

extension EconomicProperty {
    /// `world` with every commitment copier whose target is not another seat that commits its
    /// own report replaced by an honest seat (a copier needs a commitment to copy).
    static func sanitized(_ world: [SeatPlan]) -> [SeatPlan] {
        world.enumerated().map { i, seat in
            guard case .copiesCommitment(let target) = seat.strategy.conduct else { return seat }
            let valid = world.indices.contains(target) && target != i && {
                if case .copiesCommitment = world[target].strategy.conduct { return false }
                return true
            }()
            return valid ? seat : SeatPlan(strategy: HonestStrategy(), modelOwner: i, silent: seat.silent)
        }
    }
}

extension EconomicProperty {
    /// A parameter in a label: three decimals.
    static func brief(_ x: Double) -> String { String(format: "%.3f", x) }
}
