import Simulation

extension PaperFigures {
    /// `β = 0.5`, `t = 0.2`: a value as a legend writes it (shortest round-trip decimal).
    static func label(_ symbol: String, _ value: Double) -> String {
        "\(symbol) = \(SVG.number(value, decimals: 6, trim: true))"
    }

    /// The caption of a sweep's chart.
    static func caption(_ figure: String, _ sweep: SweepResult) -> String {
        "Witt et al., \(figure). Bank predictions re-settled, seed \(sweep.seed), λ = "
            + "\(SVG.number(sweep.lambda, decimals: 6, trim: true)), \(sweep.publicSamples) public samples"
    }

    /// The distinct values of `key` over `points`, in first-seen order.
    static func distinct(_ points: [SweepResult.Point], _ key: (SweepResult.Point) -> Double) -> [Double] {
        var seen: [Double] = []
        for p in points where !seen.contains(key(p)) { seen.append(key(p)) }
        return seen
    }

    /// The mean reward of the sweep's honest workers, one series per value of `group`, `x`
    /// along the axis.
    static func honestSeries(
        _ sweep: SweepResult, x: (SweepResult.Point) -> Double, group: (SweepResult.Point) -> Double, symbol: String
    ) -> [ChartData.Series] {
        distinct(sweep.points, group).map { g in
            let points = sweep.points.filter { group($0) == g }.compactMap { p in
                p.meanReward(of: "honest").map { ChartData.Point(x: x(p), y: $0) }
            }
            return ChartData.Series(name: label(symbol, g), points: points)
        }
    }

    static let honestRewardAxis = ChartData.Axis("mean honest reward", unit: "Eq. 2, one round")

    /// Fig. 6: the honest workers' mean reward against beta, one line per certainty threshold.
    public static func rewardAgainstBeta(_ sweep: SweepResult) -> ChartData {
        ChartData(
            id: "fig6-reward-beta", kind: .line, title: "Honest reward against β",
            caption: caption("Fig. 6", sweep), x: .init("β (penalty)"), y: honestRewardAxis,
            series: honestSeries(sweep, x: \.beta, group: \.certaintyThreshold, symbol: "threshold"))
    }

    /// Fig. 6: the honest workers' mean reward against the certainty threshold, one line per
    /// beta.
    public static func rewardAgainstThreshold(_ sweep: SweepResult) -> ChartData {
        ChartData(
            id: "fig6-reward-threshold", kind: .line, title: "Honest reward against the certainty threshold",
            caption: caption("Fig. 6", sweep), x: .init("certainty threshold on A_ij", unit: "fraction"),
            y: honestRewardAxis, series: honestSeries(sweep, x: \.certaintyThreshold, group: \.beta, symbol: "β"))
    }

    /// Figs. 7 and 8: the reward per reported sample of the honest workers (solid) and of the
    /// swept strategy (dashed) against its fraction, one pair of lines per beta.
    public static func fractionSweep(_ sweep: SweepResult) -> ChartData {
        let swept = sweep.kind.sweptStrategy ?? "honest"
        var series: [ChartData.Series] = []
        for (slot, beta) in distinct(sweep.points, \.beta).enumerated() {
            let points = sweep.points.filter { $0.beta == beta }
            for (strategy, dashed) in [("honest", false), (swept, true)] {
                series.append(ChartData.Series(
                    name: "\(strategy), \(label("β", beta))",
                    points: points.compactMap { p in
                        guard let f = p.fraction, let r = p.rewardPerSample(of: strategy) else { return nil }
                        return ChartData.Point(x: f, y: r)
                    },
                    dashed: dashed, colorSlot: slot))
            }
        }
        let figure = swept == "colluding" ? "Fig. 7" : "Fig. 8"
        return ChartData(
            id: swept == "colluding" ? "fig7-colluding" : "fig8-heuristic", kind: .line,
            title: "Reward per sample, honest vs \(swept) workers",
            caption: caption(figure, sweep), x: .init("fraction of \(swept) workers", unit: "fraction"),
            y: .init("reward per reported sample", unit: "Eq. 2"), series: series)
    }
}
