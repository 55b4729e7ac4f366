// Settlement benchmark: votes per second of `PTSFD.settle`, peak memory per vote, the
// speed-up over the literal Algorithm 3 transcription, and votes per second of the contract's
// integer settlement (`RoundSettlement.ptsfd`, settle and pay) on the same votes. Run it through `scripts/bench` (release).
//
// Usage: SettleBenchmark [workers] [samples] [classes] [literal-samples] [seed]
// Defaults: 100 workers x 1,000,000 samples x 10 classes; the literal oracle on 2,000 samples.
#if canImport(Glibc)
import Glibc
#endif
import Ledger
import Mechanisms

let arguments = CommandLine.arguments.dropFirst().map { Int($0) }
func argument(_ k: Int, _ fallback: Int) -> Int { k < arguments.count ? (arguments[k] ?? fallback) : fallback }
let n = argument(0, 100), m = argument(1, 1_000_000), classes = argument(2, 10)
let literalSamples = argument(3, 2_000)
let seed = UInt64(argument(4, 2026))

/// Votes of honest-ish workers: 80% vote the sample's truth, the rest a random class, 5% missing.
func makeVotes(samples: Int, seed: UInt64) -> VoteMatrix {
    var votes = VoteMatrix(workers: n, samples: samples, classes: classes)
    var rng = SplitMix64(seed: seed)
    votes.withMutableCodes { codes in
        for j in 0 ..< samples {
            let truth = UInt8(rng.next() % UInt64(classes))
            for i in 0 ..< n {
                let r = rng.next()
                let roll = r & 0xFF
                codes[j * n + i] = roll < 13 ? UInt8(classes)
                    : roll < 64 ? UInt8((r >> 8) % UInt64(classes)) : truth
            }
        }
    }
    return votes
}

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}

func peakResidentBytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024
}

let clock = ContinuousClock()
let parameters = PTSFD.Parameters(beta: 1, lambda: 1)
print("settle benchmark: n = \(n) workers, m = \(m) samples, |C| = \(classes), seed \(seed)")

/// The fastest of `runs` calls of `body`, with its result.
func bestOf<T>(_ runs: Int, _ body: () -> T) -> (Duration, T) {
    var best: (Duration, T)? = nil
    for _ in 0 ..< runs {
        var result: T? = nil
        let time = clock.measure { result = body() }
        if best == nil || time < best!.0 { best = (time, result!) }
    }
    return best!
}

// 1. Check the result before timing it: fast and literal agree on a smaller matrix.
let small = makeVotes(samples: literalSamples, seed: seed &+ 1)
let (literalTime, literal) = bestOf(1) {
    Algorithm3.settle(
        votes: small, labelCounts: small.labelCounts(), beta: 1, lambda: 1,
        normalization: .proper, aggregation: .argmax)
}
let (fastSmallTime, fastSmall) = bestOf(5) {
    PTSFD.settle(votes: small, parameters: parameters, knobs: .hardened)
}
let worst = zip(fastSmall.rewards, literal.rewards).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
guard fastSmall.labels == literal.labels, worst < 1e-9 else {
    print("MISMATCH between PTSFD.settle and Algorithm3 (largest relative difference \(worst))")
    exit(1)
}
print("check: fast == literal on \(literalSamples) samples (largest relative difference \(worst))")
print("literal Algorithm 3: \(seconds(literalTime)) s; fast: \(seconds(fastSmallTime)) s; "
    + "speed-up x\(Int(seconds(literalTime) / seconds(fastSmallTime)))")

// 2. The full-size run, best of three.
let votes = makeVotes(samples: m, seed: seed)
let (best, settlement) = bestOf(3) {
    PTSFD.settle(votes: votes, parameters: parameters, knobs: .hardened)
}
let total = Double(n) * Double(m)
let peak = peakResidentBytes()
let checksum = settlement.rewards.reduce(0, +)
print("settle: \(seconds(best)) s for \(Int(total)) votes = "
    + "\(Int(total / seconds(best) / 1e6)) million votes/s on one core (checksum \(checksum))")
print("peak resident memory: \(peak / 1_048_576) MiB = "
    + "\(Double(Int(Double(peak) / total * 1000)) / 1000) bytes per vote")

// 3. The contract's integer settlement and payout on the same votes, best of three.
let (integerBest, integer) = bestOf(3) {
    RoundSettlement.ptsfd(
        votes: votes, settling: Array(0 ..< n), reportedLabelCounts: nil, beta: 1, lambda: 1,
        knobs: .hardened, unitsPerReward: 1000, deposit: 1_000_000_000, allocationSeed: 0)
}
print("integer settle and pay (Ledger): \(seconds(integerBest)) s = "
    + "\(Int(total / seconds(integerBest) / 1e6)) million votes/s on one core "
    + "(units checksum \(integer.units.reduce(0, +)))")
