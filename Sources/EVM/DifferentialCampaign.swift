import Dispatch
import Foundation
import Fuzz
import Ledger
import Synchronization

/// The stateful contract campaign of `fuzz` run on the Ledger and on EVM contracts at once:
/// case k draws its configuration and transactions from `caseGenerator(seed:index: k)` exactly
/// as `ContractCampaign` does (the steps follow the Ledger's state), runs them on both up to
/// the first divergence, and shrinks every divergence with `ContractCaseShrinker` against
/// "this case still diverges". Results depend on the seed and the budget only, never on
/// `threads` or the shard; each worker thread has its own host process.
public struct DifferentialCampaign: Sendable {
    /// Draws the cases (its properties are not checked: the oracle is the EVM).
    public var cases: ContractCampaign
    /// The contracts to load in each host (our shipped ones when empty).
    public var contractPaths: [String]
    /// The repository root, or `nil` to locate it.
    public var root: URL?

    /// A campaign over `cases`' draws, on the contracts at `contractPaths`.
    public init(cases: ContractCampaign, contractPaths: [String] = [], root: URL? = nil) {
        var cases = cases
        cases.properties = []
        self.cases = cases
        self.contractPaths = contractPaths
        self.root = root
    }

    /// Draws case `index` in full (every step, as the Ledger's state leads the generator).
    public func draw(_ index: Int) -> ContractCase {
        cases.runCase(index, on: Contract.self).contractCase
    }

    /// Runs the campaign: every case on both sides, then the divergence of lowest case index of
    /// each `Divergence.signature` shrunk (the others counted in `divergentCases`: a broken
    /// rule usually shows in many cases, and one shrunk sequence per way of diverging is what
    /// a reader needs).
    /// - Parameter progress: called after each case with the cases done so far and the
    ///   divergent cases found (from any thread, serially).
    /// - Returns: the counts and the shrunk divergences, by case index.
    /// - Throws: `EVMError` when a host cannot start or fails.
    public func run(progress: (@Sendable (Int, Int) -> Void)? = nil) throws(EVMError) -> DifferentialCampaignResult {
        let indices = cases.caseIndices
        let workers = max(1, min(cases.threads, indices.count))
        let partials = Mutex<[DifferentialCampaignResult]>([])
        let found = Mutex<[(index: Int, contractCase: ContractCase, divergence: Divergence)]>([])
        let failure = Mutex<EVMError?>(nil)
        let done = Mutex<(cases: Int, divergences: Int)>((0, 0))
        let start = ContinuousClock.now
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var partial = DifferentialCampaignResult()
            do throws(EVMError) {
                let host = try EVMHost(root: root)
                let replay = try DifferentialReplay.loading(contractPaths, into: host)
                for k in stride(from: w, to: indices.count, by: workers) {
                    if failure.withLock({ $0 != nil }) { break }
                    let index = indices[k]
                    let contractCase = draw(index)
                    let outcome = try replay.run(contractCase)
                    partial.count(outcome)
                    if let divergence = outcome.divergence {
                        found.withLock { $0.append((index, contractCase, divergence)) }
                    }
                    let now = done.withLock { d -> (Int, Int) in
                        d.cases += 1
                        if outcome.divergence != nil { d.divergences += 1 }
                        return (d.cases, d.divergences)
                    }
                    progress?(now.0, now.1)
                }
            } catch {
                failure.withLock { if $0 == nil { $0 = error } }
            }
            partials.withLock { $0.append(partial) }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        var result = DifferentialCampaignResult()
        for partial in partials.withLock({ $0 }) { result.merge(partial) }
        let divergent = found.withLock { $0 }.sorted { $0.index < $1.index }
        result.divergentCases = divergent.count
        var signatures = Set<String>()
        let firsts = divergent.filter { signatures.insert($0.divergence.signature).inserted }
        if !firsts.isEmpty {
            let replay = try DifferentialReplay.loading(contractPaths, into: try EVMHost(root: root))
            for first in firsts {
                result.divergences.append(
                    try shrink(first.contractCase, index: first.index, divergence: first.divergence, on: replay))
            }
        }
        result.seconds = (ContinuousClock.now - start) / .seconds(1)
        return result
    }

    /// The divergence of case `index`, its case shrunk (at most `cases.shrinkLimit` replays).
    func shrink(
        _ contractCase: ContractCase, index: Int, divergence: Divergence, on replay: DifferentialReplay
    ) throws(EVMError) -> DifferentialCounterexample {
        let failure = Mutex<EVMError?>(nil)
        let shrunk = ContractCaseShrinker<Divergence>(limit: cases.shrinkLimit) { candidate in
            do throws(EVMError) {
                guard let d = try replay.run(candidate).divergence else { return nil }
                return (d, max(d.step, 0))
            } catch {
                failure.withLock { if $0 == nil { $0 = error } }
                return nil
            }
        }.shrink(contractCase)
        if let error = failure.withLock({ $0 }) { throw error }
        let mechanism = DifferentialReplay.mechanism(of: contractCase.config)
        return DifferentialCounterexample(
            contract: replay.contracts[mechanism]?.path ?? "", seed: cases.seed, caseIndex: index,
            divergence: shrunk.failure ?? divergence, contractCase: shrunk.contractCase,
            originalSteps: contractCase.steps.count, replays: shrunk.replays, command: "")
    }
}

/// What a differential campaign did.
public struct DifferentialCampaignResult: Hashable, Sendable {
    /// Cases run (deployable or not).
    public var cases = 0
    /// Cases whose configuration the EVM contract cannot express (nothing ran).
    public var notDeployable = 0
    /// Transactions applied to the Ledger.
    public var transactions = 0
    /// Transactions the Ledger accepted.
    public var accepted = 0
    /// Transactions sent to the EVM.
    public var evmTransactions = 0
    /// Transactions the contract's ABI cannot carry (refused by the Ledger, not sent).
    public var inexpressible = 0
    /// Gas of every EVM transaction.
    public var gas = 0
    /// Cases that diverged.
    public var divergentCases = 0
    /// The first divergent case of each way of diverging (`Divergence.signature`), shrunk, by
    /// case index.
    public var divergences: [DifferentialCounterexample] = []
    /// Wall-clock seconds.
    public var seconds = 0.0

    /// An empty result.
    public init() {}

    /// Adds one case's outcome.
    mutating func count(_ outcome: DifferentialOutcome) {
        cases += 1
        if outcome.notDeployable != nil { notDeployable += 1 }
        transactions += outcome.transactions
        accepted += outcome.accepted
        evmTransactions += outcome.evmTransactions
        inexpressible += outcome.inexpressible
        gas += outcome.gas
    }

    /// Adds another partial result.
    mutating func merge(_ other: DifferentialCampaignResult) {
        cases += other.cases
        notDeployable += other.notDeployable
        transactions += other.transactions
        accepted += other.accepted
        evmTransactions += other.evmTransactions
        inexpressible += other.inexpressible
        gas += other.gas
        divergences += other.divergences
    }

    /// Cases (sequences) per second of wall-clock time.
    public var sequencesPerSecond: Double { seconds > 0 ? Double(cases) / seconds : 0 }
    /// EVM transactions per second of wall-clock time (shrinking replays not counted).
    public var evmTransactionsPerSecond: Double { seconds > 0 ? Double(evmTransactions) / seconds : 0 }
}

extension DifferentialCampaign {
    /// Cases of `fuzz --evm` without `--budget`.
    public static let defaultBudget = 100
}

extension DifferentialCampaignResult {
    /// The lines `fuzz --evm` prints for a spec's campaign: the counts, the speed, and each
    /// divergence with its shrunk length.
    public func summary(spec path: String, name: String, contract: String, seed: UInt64, command: String) -> String {
        var lines = [
            "\(path) (\(name)) against \(contract), seed \(seed): \(cases) cases, \(transactions) transactions "
                + "(\(accepted) accepted, \(inexpressible) not expressible in the ABI), \(notDeployable) not deployable, "
                + "\(divergentCases) divergent case\(divergentCases == 1 ? "" : "s")",
            "  \(String(format: "%.1f", sequencesPerSecond)) sequences/s, \(String(format: "%.0f", evmTransactionsPerSecond)) EVM tx/s "
                + "(\(evmTransactions) EVM transactions in \(String(format: "%.1f", seconds)) s)",
        ]
        for d in divergences {
            lines.append("  case \(d.caseIndex) (\(d.contractCase.steps.count) of \(d.originalSteps) steps after shrinking): \(d.divergence)")
        }
        if !divergences.isEmpty { lines.append("  reproduce: \(command)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
