import Foundation
import Reporting
import Simulation
import Testing
import Verification

/// Every chart kind and every paper figure against its committed SVG snapshot
/// (`__Snapshots__/chart-*.svg`, re-recorded with `SERUMCHECK_RECORD=1`), from a hand-made
/// simulation result and hand-made sweeps.
@Suite struct ChartSnapshotTests {
    /// Three workers: two honest (600 and 1200 private images), one heuristic.
    static func result() throws -> SimulationResult {
        func worker(_ k: Int, _ strategy: String, size: Int, local: Double?, before: Double?, after: Double?,
                    reward: Double) -> String {
            func optional(_ key: String, _ value: Double?) -> String { value.map { ", \"\(key)\": \($0)" } ?? "" }
            return """
                {"worker": \(k), "strategy": "\(strategy)", "privateSize": \(size), "epochs": 3, "reports": 100,
                 "reward": \(reward), "net": 0, "fromBank": true\(optional("localAccuracy", local))\(optional("accuracyBefore", before))\(optional("accuracyAfter", after))}
                """
        }
        let json = """
            {"spec": "fixture <&>", "specPath": "f.toml", "command": "", "dataSeed": 5, "trainingSeed": 6, "blasThreads": 1,
             "publicSamples": 100, "testSamples": 50,
             "workers": [\(worker(0, "honest", size: 600, local: 0.9, before: 0.62, after: 0.71, reward: 41.5)),
                         \(worker(1, "honest", size: 1200, local: 0.95, before: 0.7, after: 0.74, reward: 48)),
                         \(worker(2, "heuristic", size: 900, local: nil, before: nil, after: nil, reward: -3))],
             "rounds": [{"round": 0, "lambda": 1, "labelled": 100, "aggregatedAccuracy": 0.8, "reports": [], "rewards": [],
                         "payouts": [], "slashed": [], "accuracyAfter": [], "seconds": 0}],
             "timings": {"loading": 0, "training": 0, "rounds": 0, "total": 0}}
            """
        return try JSONDecoder().decode(SimulationResult.self, from: Data(json.utf8))
    }

    /// A point of two honest workers and two of `other`.
    static func point(beta: Double, threshold: Double, fraction: Double?, other: String, honest: Double, adversary: Double)
        -> SweepResult.Point
    {
        SweepResult.Point(
            beta: beta, certaintyThreshold: threshold, fraction: fraction,
            strategies: ["honest", "honest", other, other], rewards: [honest, honest, adversary, adversary],
            reports: [10, 10, 10, 10])
    }

    static func sweeps() -> [SweepResult] {
        var grid: [SweepResult.Point] = [], heuristic: [SweepResult.Point] = [], colluding: [SweepResult.Point] = []
        for beta: Double in [0.5, 1, 2] {
            for t: Double in [0, 0.3, 0.6] {
                let honest: Double = 10 * (1.5 - beta) - 4 * t
                grid.append(point(beta: beta, threshold: t, fraction: nil, other: "heuristic",
                                  honest: honest, adversary: 10 * (1 - beta)))
            }
        }
        for beta: Double in [0.5, 1] {
            for f: Double in [0, 0.25, 0.5] {
                let honest: Double = 10 * (1.6 - beta - 0.4 * f)
                heuristic.append(point(beta: beta, threshold: 0, fraction: f, other: "heuristic",
                                       honest: honest, adversary: 10 * (1 - beta)))
                colluding.append(point(beta: beta, threshold: 0, fraction: f, other: "colluding",
                                       honest: honest + 2, adversary: 10 * (1.2 - beta) - 3 * f))
            }
        }
        return [
            SweepResult(kind: .betaThreshold, seed: 6, lambda: 1, publicSamples: 10, points: grid, seconds: 0),
            SweepResult(kind: .heuristicFraction, seed: 6, lambda: 1, publicSamples: 10, points: heuristic, seconds: 0),
            SweepResult(kind: .colludingFraction, seed: 6, lambda: 1, publicSamples: 10, points: colluding, seconds: 0),
        ]
    }

    @Test func everyPaperFigure() throws {
        let svgs = PaperFigures.svgs(for: try Self.result(), sweeps: Self.sweeps())
        #expect(svgs.map(\.name) == [
            "fig4-accuracy.svg", "fig5-reward-accuracy.svg", "fig5-reward-data.svg",
            "fig6-reward-beta.svg", "fig6-reward-threshold.svg", "fig8-heuristic.svg", "fig7-colluding.svg",
        ])
        for (name, svg) in svgs { try assertSnapshot(svg, named: "chart-\(name)") }
    }

    @Test func intervalChart() throws {
        let range = SynthesizedRange(key: "mechanism.beta", properties: [.heuristicUnprofitable], lower: 1, upper: 9.5)
        let chart = PaperFigures.interval(range, failing: (0, 10), value: 1)
        try assertSnapshot(ChartRenderer.svg(chart), named: "chart-interval-mechanism.beta.svg")
    }

    @Test func aLegendOnlyForMoreThanOneSeriesAndTextEscaped() throws {
        let one = ChartData(id: "one", kind: .line, title: "A <b> & c", caption: "", x: .init("x"), y: .init("y", unit: "units"),
                            series: [.init(name: "s", points: [.init(x: 0, y: 1), .init(x: 1, y: 2)])])
        var two = one
        two.series.append(.init(name: "t & u", points: [.init(x: 0, y: 2)]))
        let svgOne = ChartRenderer.svg(one), svgTwo = ChartRenderer.svg(two)
        #expect(!svgOne.contains("class=\"legend\""))
        #expect(svgTwo.contains("class=\"legend\""))
        #expect(svgTwo.contains(">t &amp; u</text>"))
        #expect(svgOne.contains(">A &lt;b&gt; &amp; c</text>"))
        #expect(!svgOne.contains("<b>"))
        // The y axis title carries the unit.
        #expect(svgOne.contains(">y (units)</text>"))
    }

    @Test func chartDataRoundTripsThroughJSON() throws {
        let charts = PaperFigures.charts(for: try Self.result(), sweeps: Self.sweeps())
        let data = try JSONEncoder().encode(charts)
        #expect(try JSONDecoder().decode([ChartData].self, from: data) == charts)
    }
}

/// Charts in the report model: the JSON keeps them as data (and meets its schema), the HTML
/// draws them inline.
@Suite struct ChartsInTheReportTests {
    static func report() throws -> CheckReport {
        var report = try Fixtures.report()
        report.specs[0].charts = PaperFigures.charts(for: try ChartSnapshotTests.result(), sweeps: ChartSnapshotTests.sweeps())
        return report
    }

    @Test func jsonKeepsTheChartsAsDataAndMeetsTheSchema() throws {
        let report = try Self.report()
        let json = try JSONRenderer.render(report)
        let errors = try schemaErrors(instance: json, schemaPath: "\(repositoryRoot)/Schemas/check-report.schema.json")
        #expect(errors == nil, "\(errors ?? "")")
        let back = try JSONDecoder().decode(CheckReport.self, from: Data(json.utf8))
        #expect(back.specs[0].charts == report.specs[0].charts)
    }

    @Test func htmlDrawsEveryChartInline() throws {
        let report = try Self.report()
        let html = HTMLRenderer.render(report)
        for chart in report.specs[0].charts ?? [] {
            #expect(html.contains(ChartRenderer.svg(chart)), "\(chart.id)")
        }
    }
}
