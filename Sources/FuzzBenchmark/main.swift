// Contract fuzzing benchmark: transactions per second of `ContractCampaign` on the Ledger's
// contract, with every contract property checked after every step, and peak memory over a long
// campaign run in slices (it must stay flat). Run it through `scripts/bench fuzz` (release).
//
// Usage: FuzzBenchmark [cases-per-slice] [steps] [slices] [threads] [seed]
// Defaults: 2,000 cases x 200 steps per slice, 10 slices, 2 threads, seed 2026.
#if canImport(Glibc)
import Glibc
#endif
import Fuzz
import Ledger

let arguments = CommandLine.arguments.dropFirst().map { Int($0) }
func argument(_ k: Int, _ fallback: Int) -> Int { k < arguments.count ? (arguments[k] ?? fallback) : fallback }
let cases = argument(0, 2_000), steps = argument(1, 200), slices = argument(2, 10)
let threads = argument(3, 2), seed = UInt64(argument(4, 2026))

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}

func peakResidentBytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024
}

let clock = ContinuousClock()
print("fuzz benchmark: \(cases) cases x \(steps) steps per slice, \(slices) slices, seed \(seed)")

// 1. Check before timing: the correct contract passes, and the same campaign is identical on
//    one thread and on `threads`.
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
