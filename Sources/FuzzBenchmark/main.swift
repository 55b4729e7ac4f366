// Fuzzing benchmarks, release build; run them through `scripts/bench fuzz`.
//
// - contract: transactions per second of `ContractCampaign` on the Ledger's contract, with
//   every contract property checked after every step, and peak memory over a long campaign
//   run in slices (it must stay flat).
// - economic: paired-comparison cases per second of an economic campaign with synthetic
//   workers (`EconomicBenchmark.swift`), on 1 and `threads` threads, and peak memory over a
//   long campaign in slices.
//
// Usage: FuzzBenchmark [contract] [cases-per-slice] [steps] [slices] [threads] [seed]
//        FuzzBenchmark economic [federations-per-slice] [replications] [slices] [threads] [seed]
//        FuzzBenchmark all      (both with their defaults; also when no argument is given)
// Contract defaults: 2,000 cases x 200 steps per slice, 10 slices, 2 threads, seed 2026.
// Economic defaults: 64 federations x 32 replications per slice, 10 slices, 2 threads, seed 2026.
#if canImport(Glibc)
import Glibc
#endif
import Fuzz
import Ledger

var words = Array(CommandLine.arguments.dropFirst())
let mode = words.first.flatMap { Int($0) == nil ? $0 : nil } ?? (words.isEmpty ? "all" : "contract")
if Int(words.first ?? "0") == nil { words.removeFirst() }
let arguments = words.map { Int($0) }
func argument(_ k: Int, _ fallback: Int) -> Int { k < arguments.count ? (arguments[k] ?? fallback) : fallback }

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}

func peakResidentBytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024
}

let clock = ContinuousClock()

/// The contract campaign benchmark.
func contractBenchmark(cases: Int, steps: Int, slices: Int, threads: Int, seed: UInt64) {
    print("fuzz benchmark: \(cases) cases x \(steps) steps per slice, \(slices) slices, seed \(seed)")

    // 1. Check before timing: the correct contract passes, and the same campaign is identical
    //    on one thread and on `threads`.
    let check = ContractCampaign(seed: seed, budget: 200, steps: steps, threads: 1)
    let single = check.run(on: Contract.self)
    var parallel = check
    parallel.threads = threads
    guard single.violations.isEmpty, parallel.run(on: Contract.self) == single else {
        print("CHECK FAILED: violations \(single.violations.map(\.violation)) or thread dependence")
        exit(1)
    }
    print("check: 200 cases pass, identical on 1 and \(threads) threads "
        + "(\(single.accepted) of \(single.transactions) transactions accepted)")

    // 2. Throughput on 1 and on `threads` threads.
    for t in Set([1, threads]).sorted() {
        let campaign = ContractCampaign(seed: seed, budget: cases, steps: steps, threads: t)
        var result = ContractCampaignResult()
        let time = clock.measure { result = campaign.run(on: Contract.self) }
        let rate = Double(result.transactions) / seconds(time)
        print("\(t) thread(s): \(result.transactions) transactions in "
            + "\(String(format: "%.2f", seconds(time))) s = \(Int(rate)) transactions/s "
            + "(\(result.accepted) accepted)")
    }

    // 3. A long campaign in slices: peak RSS after each slice must stay flat.
    var peaks: [Int] = []
    var total = 0
    let longTime = clock.measure {
        for slice in 0 ..< slices {
            let campaign = ContractCampaign(
                seed: seed, budget: cases * slices, steps: steps,
                shard: Array(slice * cases ..< (slice + 1) * cases), threads: threads)
            let result = campaign.run(on: Contract.self)
            guard result.violations.isEmpty else { print("VIOLATION in slice \(slice)"); exit(1) }
            total += result.transactions
            peaks.append(peakResidentBytes())
        }
    }
    print("long campaign: \(total) transactions in \(String(format: "%.1f", seconds(longTime))) s "
        + "= \(Int(Double(total) / seconds(longTime))) transactions/s on \(threads) threads")
    print("peak RSS per slice (MiB): " + peaks.map { String(format: "%.1f", Double($0) / 1_048_576) }
        .joined(separator: " "))
}

switch mode {
case "contract":
    contractBenchmark(
        cases: argument(0, 2_000), steps: argument(1, 200), slices: argument(2, 10),
        threads: argument(3, 2), seed: UInt64(argument(4, 2026)))
case "economic":
    economicBenchmark(
        federations: argument(0, 64), replications: argument(1, 32), slices: argument(2, 10),
        threads: argument(3, 2), seed: UInt64(argument(4, 2026)))
case "all":
    contractBenchmark(cases: 2_000, steps: 200, slices: 10, threads: 2, seed: 2026)
    economicBenchmark(federations: 64, replications: 32, slices: 10, threads: 2, seed: 2026)
default:
    print("usage: FuzzBenchmark [contract|economic|all] [numbers...]")
    exit(2)
}
