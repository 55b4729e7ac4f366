import Foundation
import Testing
@testable import Reporting

/// The gas fits of `scripts/bench-gas` as the report reads and inverts them, against values
/// worked out by hand.
@Suite struct GasFiguresTests {
    /// A bench file in the bench's own shape: extra keys (`ok`, `register`, `paper_setting`)
    /// are ignored, the fit is what the chart uses.
    static let json = """
        {"block_gas_limit": 30000000, "chain": "py-evm", "compiler": "vyper 0.4.3",
         "ptsfd_grid": [
           {"ok": true, "register": 1, "n": 10, "m": 1000, "classes": 10, "reveal": 1370000, "settle": 13900000},
           {"ok": true, "register": 1, "n": 10, "m": 250, "classes": 10, "reveal": 514000, "settle": 4925000},
           {"ok": true, "register": 1, "n": 2, "m": 1000, "classes": 10, "reveal": 1370000, "settle": 4238000}],
         "fit": {"settle_fixed": 2000000, "settle_per_sample": -200, "settle_per_sample_worker": 1200,
                 "reveal_fixed": 250000, "reveal_per_sample": 1100},
         "paper_setting": {"ok": true, "n": 10, "m": 40000, "classes": 10, "reveal_first_round": 45000000,
                           "settle_unchunked": 479000000, "settle_chunks": 21}}
        """

    static func measurements() throws -> GasMeasurements {
        try JSONDecoder().decode(GasMeasurements.self, from: Data(json.utf8))
    }

    @Test func fitsAreEvaluatedAsWritten() throws {
        let gas = try Self.measurements()
        // 2,000,000 - 200 * 40,000 + 1,200 * 40,000 * 10 = 2,000,000 - 8,000,000 + 480,000,000.
        #expect(gas.settleGas(workers: 10, samples: 40_000) == 474_000_000)
        // 250,000 + 1,100 * 40,000.
        #expect(gas.revealGas(samples: 40_000) == 44_250_000)
    }

    @Test func largestSamplesPerBlock() throws {
        let gas = try Self.measurements()
        // settle at n = 10: (30,000,000 - 2,000,000) / (1,200 * 10 - 200) = 28,000,000 / 11,800 = 2372.88.
        #expect(gas.largestSamples(workers: 10, phase: .settle) == 2372)
        // settle at n = 2: 28,000,000 / 2,200 = 12,727.27.
        #expect(gas.largestSamples(workers: 2, phase: .settle) == 12_727)
        // reveal: 29,750,000 / 1,100 = 27,045.45, whatever n.
        #expect(gas.largestSamples(workers: 10, phase: .reveal) == 27_045)
    }

    @Test func chartShowsTheSpecsWorkersAndTheBlock() throws {
        let chart = GasFigures.chart(workers: 10, gas: try Self.measurements())
        let names = chart.series.map(\.name)
        #expect(names == [
            "settle, fit at n = 10", "first reveal of Y, fit", "settle, measured at n = 10", "first reveal, measured",
            "block gas limit",
        ])
        // The measured settles at n = 10 only (the paper's setting last), in m order, in millions.
        #expect(chart.series[2].points == [.init(x: 250, y: 4.925), .init(x: 1000, y: 13.9), .init(x: 40_000, y: 479)])
        // One first reveal per m, whatever n: the first round measured at m = 1000 (1.37M).
        #expect(chart.series[3].points == [.init(x: 250, y: 0.514), .init(x: 1000, y: 1.37), .init(x: 40_000, y: 45)])
        #expect(chart.series[4].points.map(\.y) == [30, 30])
        #expect(chart.caption.contains("settles up to m = 2372"))
        #expect(chart.caption.contains("first reveal of up to m = 27045"))
    }
}
