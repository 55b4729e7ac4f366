/// The on-chain cost of a spec's rounds: gas per phase of `contracts/ptsfd.vy` against the
/// number of public samples m, at the spec's n, from `scripts/bench-gas`'s fits and the rounds
/// it measured at that n, against the block gas limit.
public enum GasFigures {
    /// The chart `evm-gas` for n workers: settle and first-reveal gas against m (the fits,
    /// dashed, up to `samples`), the measured settles at this n and the measured first reveals
    /// (the paper's setting included), and the block limit.
    /// - Parameters:
    ///   - n: the spec's workers.
    ///   - samples: the right end of the m axis (the paper's 40,000 by default).
    ///   - gas: the bench's measurements.
    public static func chart(workers n: Int, samples: Int = 40_000, gas: GasMeasurements) -> ChartData {
        let million = 1_000_000.0
        let steps = 20
        let ms = (0 ... steps).map { samples * $0 / steps }
        func line(_ f: (Int) -> Double) -> [ChartData.Point] {
            ms.map { ChartData.Point(x: Double($0), y: f($0) / million) }
        }
        let measured = gas.measured.filter { $0.n == n }.sorted { $0.m < $1.m }
        // A reveal stores Y whatever n is: every measured first reveal, one per m.
        var reveals: [Int: Double] = [:]
        for round in gas.measured where reveals[round.m] == nil { reveals[round.m] = round.reveal }
        var series = [
            ChartData.Series(name: "settle, fit at n = \(n)", points: line { gas.settleGas(workers: n, samples: $0) }, dashed: true, colorSlot: 0),
            ChartData.Series(name: "first reveal of Y, fit", points: line(gas.revealGas), dashed: true, colorSlot: 1),
        ]
        if !measured.isEmpty {
            series.append(.init(name: "settle, measured at n = \(n)", points: measured.map { .init(x: Double($0.m), y: $0.settle / million) }, colorSlot: 0))
        }
        if !reveals.isEmpty {
            series.append(.init(name: "first reveal, measured", points: reveals.keys.sorted().map { .init(x: Double($0), y: reveals[$0]! / million) }, colorSlot: 1))
        }
        series.append(.init(name: "block gas limit", points: [0, samples].map { .init(x: Double($0), y: Double(gas.blockGasLimit) / million) }, dashed: true, colorSlot: 3))
        let settleBlock = gas.largestSamples(workers: n, phase: .settle)
        let revealBlock = gas.largestSamples(workers: n, phase: .reveal)
        return ChartData(
            id: "evm-gas", kind: .line, title: "Gas per round on a real EVM against the number of public samples",
            caption: "contracts/ptsfd.vy on \(gas.chain), \(gas.compiler) (scripts/bench-gas, reports/gas/gas.json). "
                + "At n = \(n) one \(Int(Double(gas.blockGasLimit) / million))M-gas block settles up to m = \(settleBlock) "
                + "and takes a first reveal of up to m = \(revealBlock) labels; beyond, settle_chunk and reveal_part split the work",
            x: .init("public samples m"), y: .init("gas", unit: "millions"), series: series)
    }
}
