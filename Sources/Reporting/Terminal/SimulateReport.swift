import Simulation

/// The text rendering of a ``SimulationResult``: one row per worker, one line per round, the
/// comparison the paper's section 5 makes, and the timings.
public struct SimulateReport {
    public let result: SimulationResult

    public init(result: SimulationResult) { self.result = result }

    public var table: String {
        var out = "simulate \(result.specPath) (\(result.spec)): \(result.workers.count) workers, "
            + "|X_pub| = \(result.publicSamples), \(result.testSamples) test images, "
            + "\(result.rounds.count) round\(result.rounds.count == 1 ? "" : "s")\n\n"
        let rows = result.workers.map { w in
            [
                "\(w.worker)", w.strategy, w.architecture ?? "-", "\(w.privateSize)",
                w.architecture == nil ? "-" : "\(w.epochs)", percent(w.accuracyBefore), percent(w.accuracyAfter),
                "\(w.reports)", String(format: "%.2f", w.reward), "\(w.net)",
            ]
        }
        out += TextTable(columns: ["worker", "strategy", "model", "private", "epochs", "acc before",
                                   "acc after", "reports", "reward", "net units"], rows: rows).rendered
        out += "\n"
        for round in result.rounds {
            out += "round \(round.round): lambda \(format(round.lambda)), \(round.labelled) of \(result.publicSamples) "
                + "samples aggregated, Y_aggr accuracy \(percent(round.aggregatedAccuracy))"
                + (round.slashed.isEmpty ? "" : ", slashed workers \(round.slashed)")
                + String(format: " (%.1f s)\n", round.seconds)
        }
        out += summary
        let t = result.timings
        out += String(format: "time: %.1f s (data %.1f s, local training %.1f s, rounds %.1f s); ",
                      t.total, t.loading, t.training, t.rounds)
        out += "\(result.blasThreads) BLAS thread\(result.blasThreads == 1 ? "" : "s")"
            + (result.blasCoreType.map { " (\($0))" } ?? "") + "\n"
        out += "reproduce: \(result.command)\n"
        return out
    }

    /// Per strategy: mean accuracy before and after, how many models improved, mean reward
    /// and net units.
    public var summary: String {
        var out = "\n"
        var seen: [String] = []
        for w in result.workers where !seen.contains(w.strategy) { seen.append(w.strategy) }
        for strategy in seen {
            let group = result.workers.filter { $0.strategy == strategy }
            let reward = group.map(\.reward).reduce(0, +) / Double(group.count)
            let net = Double(group.map(\.net).reduce(0, +)) / Double(group.count)
            out += "\(strategy) (\(group.count)): mean reward \(String(format: "%.2f", reward)), "
                + "mean net \(String(format: "%.1f", net)) units"
            let trained = group.compactMap { w in w.accuracyBefore.flatMap { b in w.accuracyAfter.map { (b, $0) } } }
            if !trained.isEmpty {
                let before = trained.map(\.0).reduce(0, +) / Double(trained.count)
                let after = trained.map(\.1).reduce(0, +) / Double(trained.count)
                let rose = trained.filter { $0.1 > $0.0 }.count
                out += ", mean test accuracy \(percent(before)) -> \(percent(after)) "
                    + "(rose for \(rose) of \(trained.count))"
            }
            out += "\n"
        }
        return out
    }

    public func percent(_ value: Double?) -> String {
        value.map { String(format: "%.1f%%", $0 * 100) } ?? "-"
    }

    /// A lambda as written: `1` rather than `1.0` when it is a whole number that fits an `Int`.
    func format(_ value: Double) -> String {
        Int(exactly: value).map(String.init) ?? String(value)
    }
}
