import Simulation

/// The figures of Witt et al., section 5, drawn from a run's own data: a simulation's result
/// and the sweeps of its `[sweeps]` (`FederatedSimulation.sweeps`), and the interval a
/// synthesis proved.
///
/// | id | figure | from |
/// |---|---|---|
/// | `fig4-accuracy` | Fig. 4: test accuracy before and after distillation, per worker | the simulation |
/// | `fig5-reward-accuracy` | Fig. 5 (left): reward against local accuracy | the simulation |
/// | `fig5-reward-data` | Fig. 5 (right): reward against private data size | the simulation |
/// | `fig6-reward-beta` | Fig. 6: honest reward against beta, one line per threshold | the beta x threshold sweep |
/// | `fig6-reward-threshold` | Fig. 6: honest reward against the certainty threshold, one line per beta | the beta x threshold sweep |
/// | `fig7-colluding` | Fig. 7: reward per sample, honest vs colluding, against the colluding fraction, per beta | the collusion sweep |
/// | `fig8-heuristic` | Fig. 8: reward per sample, honest vs heuristic, against the heuristic fraction, per beta | the heuristic sweep |
/// | `interval-<key>` | the synthesized interval of a parameter, and the wider one that fails | `verify --synthesize` |
public enum PaperFigures {
    /// The charts of a simulation and its sweeps, in the table's order (a sweep that is absent
    /// gives no chart).
    public static func charts(for result: SimulationResult, sweeps: [SweepResult]) -> [ChartData] {
        var charts = [accuracy(result), rewardAgainstLocalAccuracy(result), rewardAgainstDataSize(result)]
        for sweep in sweeps {
            switch sweep.kind {
            case .betaThreshold: charts += [rewardAgainstBeta(sweep), rewardAgainstThreshold(sweep)]
            case .heuristicFraction, .colludingFraction: charts.append(fractionSweep(sweep))
            }
        }
        return charts
    }

    /// The SVG documents of ``charts(for:sweeps:)``: file name (`<id>.svg`) and text.
    public static func svgs(for result: SimulationResult, sweeps: [SweepResult]) -> [(name: String, svg: String)] {
        charts(for: result, sweeps: sweeps).map { ("\($0.id).svg", ChartRenderer.svg($0)) }
    }

    /// The caption of a simulation's charts: the figure, the spec and its seeds.
    static func caption(_ figure: String, _ result: SimulationResult) -> String {
        "Witt et al., \(figure). \(result.spec): data seed \(result.dataSeed), training seed \(result.trainingSeed), "
            + "\(result.publicSamples) public samples"
    }

    /// Fig. 4: each training worker's test accuracy before and after the last round's
    /// distillation.
    public static func accuracy(_ result: SimulationResult) -> ChartData {
        let trained = result.workers.filter { $0.accuracyBefore != nil }
        func bars(_ value: (SimulationResult.WorkerResult) -> Double?) -> [ChartData.Point] {
            trained.enumerated().compactMap { k, w in value(w).map { ChartData.Point(x: Double(k), y: $0) } }
        }
        return ChartData(
            id: "fig4-accuracy", kind: .groupedBar, title: "Test accuracy before and after distillation",
            caption: caption("Fig. 4", result),
            x: .init("worker (|X_priv|)"), y: .init("test accuracy", unit: "fraction"),
            series: [
                .init(name: "before distillation", points: bars(\.accuracyBefore)),
                .init(name: "after \(result.rounds.count) round(s)", points: bars(\.accuracyAfter)),
            ],
            categories: trained.map { "\($0.worker) (\($0.privateSize))" })
    }

    /// The workers that trained, grouped by strategy in order of first appearance.
    static func byStrategy(_ result: SimulationResult, _ point: (SimulationResult.WorkerResult) -> ChartData.Point?)
        -> [ChartData.Series]
    {
        var order: [String] = []
        for w in result.workers where !order.contains(w.strategy) { order.append(w.strategy) }
        return order.compactMap { strategy in
            let points = result.workers.filter { $0.strategy == strategy }.compactMap(point)
            return points.isEmpty ? nil : ChartData.Series(name: strategy, points: points)
        }
    }

    /// The reward axis of a simulation: Eq. 2 summed over the rounds, lambda applied.
    static let rewardAxis = ChartData.Axis("reward", unit: "Eq. 2, summed over rounds")

    /// Fig. 5 (left): each training worker's reward against its local accuracy.
    public static func rewardAgainstLocalAccuracy(_ result: SimulationResult) -> ChartData {
        ChartData(
            id: "fig5-reward-accuracy", kind: .scatter, title: "Reward against local accuracy",
            caption: caption("Fig. 5 (left)", result),
            x: .init("local accuracy Accuracy_θi", unit: "fraction"), y: rewardAxis,
            series: byStrategy(result) { w in w.localAccuracy.map { .init(x: $0, y: w.reward) } })
    }

    /// Fig. 5 (right): each training worker's reward against |X_priv|.
    public static func rewardAgainstDataSize(_ result: SimulationResult) -> ChartData {
        ChartData(
            id: "fig5-reward-data", kind: .scatter, title: "Reward against private data size",
            caption: caption("Fig. 5 (right)", result),
            x: .init("|X_priv|", unit: "images"), y: rewardAxis,
            series: byStrategy(result) { w in
                w.localAccuracy == nil ? nil : .init(x: Double(w.privateSize), y: w.reward)
            })
    }
}
