import Dispatch
import Ledger
import Mechanisms

/// Layer 1 of `fuzz`: `budget` seeded contract cases of `steps` transactions each, every
/// contract property checked after every step, every violation shrunk.
///
/// Case `k` draws its configuration and transactions from `caseGenerator(seed:index: k)`
/// alone, so a case (and the result of any list of cases) is the same whatever `threads` and
/// whichever shard runs it.
public struct ContractCampaign: Sendable {
    /// The campaign seed.
    public var seed: UInt64
    /// The number of cases; case indices are `0 ..< budget`.
    public var budget: Int
    /// Transactions per case.
    public var steps: Int
    /// The case indices this run covers (a shard), or `nil` for all of `0 ..< budget`.
    public var shard: [Int]?
    /// Worker threads (results do not depend on it).
    public var threads: Int
    /// Shrinking replays per violation; 0 keeps violations unshrunk.
    public var shrinkLimit: Int
    /// The properties checked (every contract property by default).
    public var properties: [FuzzPropertyID]
    /// What configurations are drawn around.
    public var generator: TransactionGenerator

    /// A campaign; see the properties.
    public init(
        seed: UInt64, budget: Int, steps: Int, shard: [Int]? = nil, threads: Int = 1,
        shrinkLimit: Int = 2_000, properties: [FuzzPropertyID] = ContractChecks.properties,
        base: ContractBase = ContractBase()
    ) {
        self.seed = seed
        self.budget = budget
        self.steps = steps
        self.shard = shard
        self.threads = threads
        self.shrinkLimit = shrinkLimit
        self.properties = properties
        self.generator = TransactionGenerator(base: base)
    }

    /// The case indices this run covers, ascending, within `0 ..< budget`.
    public var caseIndices: [Int] {
        let all = shard ?? Array(0 ..< budget)
        return Array(Set(all.filter { (0 ..< budget).contains($0) })).sorted()
    }

    /// Draws case `index` on implementation `C` and runs it, stopping at the first step with a
    /// violation.
    /// - Returns: the case as run (its steps up to the violating one) and the violations of
    ///   that step (empty when every step passed), plus how many steps were accepted.
    @_specialize(exported: true, where C == Contract)
    public func runCase<C: ContractUnderTest>(
        _ index: Int, on _: C.Type
    ) -> (contractCase: ContractCase, violations: [ContractViolation], accepted: Int, reasons: Set<String>) {
        var rng = caseGenerator(seed: seed, index: index)
        let config = generator.drawConfig(using: &rng)
        var contractCase = ContractCase(
            config: config, deployer: ContractAccounts.deployer,
            deployHeight: TransactionGenerator.deployHeight, steps: [])
        contractCase.steps.reserveCapacity(steps)
        guard
            var run = try? ContractRun<C>(
                config: config, deployer: contractCase.deployer,
                deployHeight: contractCase.deployHeight, properties: properties)
        else { return (contractCase, [], 0, []) }
        var state = TransactionDrawState()
        for _ in 0 ..< steps {
            let step = generator.drawStep(for: run.contract, state: &state, using: &rng)
            contractCase.steps.append(step)
            let violations = run.apply(step, caseIndex: index)
            if !violations.isEmpty { return (contractCase, violations, run.accepted, run.reasons) }
        }
        return (contractCase, [], run.accepted, run.reasons)
    }

    /// Runs the campaign on implementation `C` (the Ledger's `Contract` by default).
    /// - Returns: the counts and every violation, shrunk, ordered by case index and property.
    /// - Complexity: O(cases * steps) transactions, spread over `threads`.
    @_specialize(exported: true, where C == Contract)
    public func run<C: ContractUnderTest>(on implementation: C.Type = Contract.self)
        -> ContractCampaignResult
    {
        let indices = caseIndices
        let workers = max(1, min(threads, indices.count))
        let partials = ResultSlots<ContractCampaignResult>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var partial = ContractCampaignResult()
            for k in stride(from: w, to: indices.count, by: workers) {
                let index = indices[k]
                let (contractCase, violations, accepted, reasons) = runCase(index, on: C.self)
                for reason in reasons where (partial.firstCase[reason] ?? .max) > index {
                    partial.firstCase[reason] = index
                }
                partial.cases += 1
                partial.transactions += contractCase.steps.count
                partial.accepted += accepted
                for violation in violations {
                    partial.violations.append(
                        shrink(violation, of: contractCase, on: C.self))
                }
            }
            partials.store(partial, at: w)
        }
        var result = ContractCampaignResult()
        for partial in partials.values {
            result.cases += partial.cases
            result.transactions += partial.transactions
            result.accepted += partial.accepted
            result.violations += partial.violations
            result.firstCase.merge(partial.firstCase) { min($0, $1) }
        }
        result.violations.sort {
            ($0.violation.caseIndex, $0.violation.property) < ($1.violation.caseIndex, $1.violation.property)
        }
        return result
    }

    /// `violation` with its case shrunk (by `ContractShrinker`, `shrinkLimit` replays).
    func shrink<C: ContractUnderTest>(
        _ violation: ContractViolation, of contractCase: ContractCase, on _: C.Type
    ) -> ContractCounterexample {
        let shrinker = ContractShrinker<C>(
            property: violation.property, limit: shrinkLimit, properties: properties)
        let shrunk = shrinker.shrink(contractCase)
        var final = violation
        if let again = shrunk.violation { final.step = again.step; final.message = again.message }
        return ContractCounterexample(
            violation: final, contractCase: shrunk.contractCase, originalSteps: contractCase.steps.count,
            replays: shrunk.replays)
    }
}

/// A violation with the (shrunk) case that reproduces it.
public struct ContractCounterexample: Hashable, Sendable, Codable {
    /// The violation as the shrunk case shows it (its step indexes the shrunk steps).
    public var violation: ContractViolation
    /// The shrunk case; `replay` of it violates `violation.property`.
    public var contractCase: ContractCase
    /// The number of steps before shrinking.
    public var originalSteps: Int
    /// The replays shrinking used.
    public var replays: Int
}

/// What a contract campaign did.
public struct ContractCampaignResult: Hashable, Sendable {
    /// Cases run.
    public var cases = 0
    /// Transactions applied.
    public var transactions = 0
    /// Transactions the contract accepted.
    public var accepted = 0
    /// Every violation found, shrunk, by case index then property.
    public var violations: [ContractCounterexample] = []
    /// Each refusal reason seen, with the lowest case index that drew it (corpus material).
    public var firstCase: [String: Int] = [:]

    /// An empty result.
    public init() {}
}

/// One slot per worker thread, each written by exactly one worker.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = DispatchSemaphore(value: 1)

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: Value, at index: Int) {
        lock.wait()
        slots[index] = value
        lock.signal()
    }

    var values: [Value] {
        lock.wait()
        defer { lock.signal() }
        return slots.compactMap { $0 }
    }
}
