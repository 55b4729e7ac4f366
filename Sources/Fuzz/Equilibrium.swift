import Adversary
import Mechanisms

/// Equilibria, not just deviations: for each profile of the catalogue (all honest, all
/// heuristic, all colluding, all misreporting, and mixes), whether some single worker gains
/// by switching to another catalogue strategy, judged by the same paired test.
public struct EquilibriumProfile: Hashable, Sendable {
    /// The profile's name: `all honest`, `half honest, half heuristic`.
    public var name: String
    /// The strategy of seat i is `pattern[i % pattern.count]`.
    public var pattern: [String]

    /// The profiles examined, all honest first; case k of a campaign examines profile
    /// `k % profiles.count`.
    public static let profiles: [EquilibriumProfile] = [
        .init(name: "all honest", pattern: [HonestStrategy.name]),
        .init(name: "all heuristic", pattern: [HeuristicStrategy.name]),
        .init(name: "all colluding", pattern: [ColludingStrategy.name]),
        .init(name: "all misreport", pattern: [MisreportStrategy.name]),
        .init(name: "half honest, half heuristic", pattern: [HonestStrategy.name, HeuristicStrategy.name]),
        .init(name: "half honest, half colluding", pattern: [HonestStrategy.name, ColludingStrategy.name]),
    ]

    /// The strategies a single worker may switch to.
    public static let deviations = [
        HonestStrategy.name, HeuristicStrategy.name, MisreportStrategy.name, ColludingStrategy.name, CertaintyThresholdStrategy.name, PaddingStrategy.name,
        RevealWithholderStrategy.name, CommitmentCopierStrategy.name, LabelCountLiarStrategy.name,
    ]
}

/// What one case found about one profile.
public struct ProfileObservation: Hashable, Sendable, Codable {
    /// The profile's name.
    public var profile: String
    /// Whether some single deviation pays (at the campaign's confidence).
    public var left: Bool
    /// The deviation closest to paying (or paying), in words.
    public var deviation: String
    /// Its paired test.
    public var test: PairedTest
    /// Mean net payout (units) per strategy of the profile, in the profile itself.
    public var payoffs: [String: Double]
    /// Rounds played to judge it (worlds times replications).
    public var rounds: Int
}

extension EconomicProperty {
    /// Judges `profile` on `f`: one representative seat per strategy of the profile tries
    /// every deviation; the profile is left when any deviation's gain passes the one-sided test.
    public func observe(
        _ profile: EquilibriumProfile, _ f: Federation, confidence: Double
    ) throws -> ProfileObservation {
        let p = f.parameters
        let names = (0 ..< f.workers).map { profile.pattern[$0 % profile.pattern.count] }
        let base = names.enumerated().map { i, name in SeatPlan(strategy: make(name, p), modelOwner: i) }
        var worlds = [base]
        var comparisons: [EconomicScenario.Comparison] = []
        var seen: Set<String> = []
        for (seat, name) in names.enumerated() where seen.insert(name).inserted {
            var q = p
            q.copyTarget = (seat + 1) % f.workers
            for deviation in EquilibriumProfile.deviations where deviation != name {
                var world = base
                world[seat] = SeatPlan(strategy: make(deviation, q), modelOwner: seat)
                worlds.append(world)
                let index = worlds.count - 1
                comparisons.append(.init(
                    label: "seat \(seat): \(name) -> \(deviation)", rule: .oneSided,
                    gain: { o in Double(o[index].net[seat] - o[0].net[seat]) }))
            }
        }
        let scenario = EconomicScenario(worlds: worlds, comparisons: comparisons)
        let (verdict, meanNet) = try scenario.judgeWithMeans(f, confidence: confidence)
        // Payoffs in the profile itself (world 0), averaged over its seats of each strategy.
        var totals: [String: Double] = [:], counts: [String: Int] = [:]
        for (i, name) in names.enumerated() {
            totals[name, default: 0] += meanNet[0][i]
            counts[name, default: 0] += 1
        }
        let payoffs = totals.reduce(into: [String: Double]()) { out, entry in
            out[entry.key] = entry.value / Double(counts[entry.key]!)
        }
        return ProfileObservation(
            profile: profile.name, left: verdict.violated, deviation: verdict.label,
            test: verdict.test, payoffs: payoffs, rounds: worlds.count * f.replications)
    }
}
