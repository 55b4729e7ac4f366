// The economic figure: paired-comparison cases per second with synthetic workers.
//
// A case is one replication of `honest-dominates-heuristic` (the honest world and the world in
// which the focal seat plays `heuristic`: two PTSFD rounds through the contract, every reveal
// verified against its commitment) on a federation of n = 10, m = 1,000, |C| = 10, hardened
// knobs, beta = lambda = 1, deposit 1,000,000, 1,000 units per reward. Federations run on
// threads; a federation's R replications are its cases.
import Dispatch
import Foundation
import Adversary
import Fuzz
import Ledger
import Mechanisms

/// Federation `k` of the benchmark seeded with `seed`: accuracies in [0.6, 0.95) and the noise
/// seed from stream `k`, every background seat honest.
func benchmarkFederation(seed: UInt64, index k: Int, replications: Int) -> Federation {
    let n = 10, classes = 10
    var g = SplitMix64(seed: seed, stream: UInt64(k))
    let accuracy = (0 ..< n).map { _ in 0.6 + 0.35 * Sampling.unit(using: &g) }
    let parameters = StrategyParameters(
        classes: classes, heuristicLabels: [Double](repeating: 0.1, count: classes),
        collusionMap: (0 ..< classes).map { $0 < 5 ? 0 : classes - 1 })
    return Federation(
        workers: n, samples: 1_000, classes: classes,
        prior: [Double](repeating: 0.1, count: classes), accuracy: accuracy, beta: 1, lambda: 1,
        knobs: .hardened, deposit: 1_000_000, unitsPerReward: 1_000,
        honestThreshold: 0, background: [String](repeating: "honest", count: n),
        parameters: parameters, replications: replications, noiseSeed: g.next())
}

/// The verdicts of federations `indices`, judged on `threads` threads, in index order.
func judgeFederations(
    _ indices: Range<Int>, seed: UInt64, replications: Int, threads: Int
) -> [ScenarioVerdict] {
    let property = EconomicProperty()
    let lock = NSLock()
    nonisolated(unsafe) var verdicts = [ScenarioVerdict?](repeating: nil, count: indices.count)
    nonisolated(unsafe) var next = 0
    DispatchQueue.concurrentPerform(iterations: max(1, min(threads, indices.count))) { _ in
        while true {
            lock.lock()
            let k = next
            next += 1
            lock.unlock()
            guard k < indices.count else { return }
            let f = benchmarkFederation(seed: seed, index: indices.lowerBound + k, replications: replications)
            let verdict: ScenarioVerdict
            do {
                verdict = try property.scenario(.honestDominatesHeuristic, f).judge(f, confidence: 0.99)
            } catch {
                print("CONTRACT DEFECT in federation \(indices.lowerBound + k): \(error)")
                exit(1)
            }
            lock.lock()
            verdicts[k] = verdict
            lock.unlock()
        }
    }
    return verdicts.map { $0! }
}

/// Keccak-256 of the verdicts' JSON: equal fingerprints mean bit-identical outcomes.
func fingerprint(_ verdicts: [ScenarioVerdict]) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let data = (try? encoder.encode(verdicts)) ?? Data()
    return "\(Keccak256.hash([UInt8](data)))"
}

/// Runs the economic benchmark: check, cases/s on 1 and `threads` threads, peak RSS in slices.
func economicBenchmark(
    federations: Int, replications: Int, slices: Int, threads: Int, seed: UInt64
) {
    print("economic benchmark: honest-dominates-heuristic, n=10 m=1000 |C|=10 hardened, "
        + "\(federations) federations x \(replications) replications per slice, \(slices) slices, seed \(seed)")

    // 1. Check before timing: honest play is not beaten, and threads do not change a verdict.
    let checked = min(federations, 16)
    let single = judgeFederations(0 ..< checked, seed: seed, replications: replications, threads: 1)
    let parallel = judgeFederations(0 ..< checked, seed: seed, replications: replications, threads: threads)
    guard single == parallel, !single.contains(where: \.violated) else {
        print("CHECK FAILED: a violation of honest-dominates-heuristic or thread dependence")
        exit(1)
    }
    print("check: \(checked) federations, no violation, identical on 1 and \(threads) threads, "
        + "fingerprint \(fingerprint(single).prefix(16))")

    // 2. Throughput on 1 and on `threads` threads.
    for t in Set([1, threads]).sorted() {
        var verdicts: [ScenarioVerdict] = []
        let time = clock.measure {
            verdicts = judgeFederations(0 ..< federations, seed: seed, replications: replications, threads: t)
        }
        let cases = verdicts.reduce(0) { $0 + $1.test.count }
        print("\(t) thread(s): \(cases) cases in \(String(format: "%.2f", seconds(time))) s = "
            + "\(Int(Double(cases) / seconds(time))) cases/s (\(2 * cases) rounds)")
    }

    // 3. A long campaign in slices: peak RSS after each slice must stay flat.
    var peaks: [Int] = []
    var total = 0
    let longTime = clock.measure {
        for slice in 0 ..< slices {
            let verdicts = judgeFederations(
                slice * federations ..< (slice + 1) * federations, seed: seed,
                replications: replications, threads: threads)
            total += verdicts.reduce(0) { $0 + $1.test.count }
            peaks.append(peakResidentBytes())
        }
    }
    print("long economic campaign: \(total) cases in \(String(format: "%.1f", seconds(longTime))) s "
        + "= \(Int(Double(total) / seconds(longTime))) cases/s on \(threads) threads")
    print("peak RSS per slice (MiB): " + peaks.map { String(format: "%.1f", Double($0) / 1_048_576) }
        .joined(separator: " "))
}
