import Ledger

/// Shrinks a contract case that violates a property to a shorter, simpler case that still
/// violates it, by replay of the case on `C` (the algorithm is `ContractCaseShrinker`'s, with
/// "the case still violates `property`" as its predicate). Deterministic: the same case and
/// limit always give the same result. A limit of 0 returns the case untouched.
public struct ContractShrinker<C: ContractUnderTest> {
    /// The property the shrunk case must still violate.
    public let property: FuzzPropertyID
    /// The most replays to spend.
    public let limit: Int

    /// A shrinker for `property` with at most `limit` replays.
    /// - Parameter properties: accepted for symmetry with the campaign; only `property` is
    ///   checked during replays, so other properties never stop a candidate early.
    public init(property: FuzzPropertyID, limit: Int, properties: [FuzzPropertyID] = []) {
        self.property = property
        self.limit = limit
    }

    /// The outcome of shrinking.
    public struct Result: Sendable {
        /// The shrunk case (the original when nothing smaller fails, or `limit` is 0).
        public var contractCase: ContractCase
        /// The violation the shrunk case shows, or `nil` when no replay was made.
        public var violation: ContractViolation?
        /// Replays spent.
        public var replays: Int
    }

    /// Shrinks `contractCase`, which should violate `property`.
    /// - Complexity: at most `limit` replays, each O(steps) transactions.
    public func shrink(_ contractCase: ContractCase) -> Result {
        let property = self.property
        let shrunk = ContractCaseShrinker<ContractViolation>(limit: limit) { candidate in
            let found = try? replay(candidate, on: C.self, properties: [property])
            return found?.first { $0.property == property }.map { ($0, $0.step) }
        }.shrink(contractCase)
        return Result(contractCase: shrunk.contractCase, violation: shrunk.failure, replays: shrunk.replays)
    }
}

/// Shrinks a contract case that fails some predicate (a property violated on an
/// implementation, a divergence between two implementations) to a shorter, simpler case that
/// still fails it (delta debugging, Zeller and Hildebrandt 2002, on the step list):
///
/// 1. cut the steps after the first failing one;
/// 2. drop chunks of steps, halves first, then quarters, ... down to single steps, keeping
///    every removal after which the case still fails;
/// 3. simplify each step: a lower height (the previous step's height, then halfway), a shorter
///    payload (halves, then one byte less), a simpler sender (the first member, then the
///    member before it);
/// repeating 2-3 until nothing changes or `limit` replays are spent. Deterministic when the
/// predicate is: the same case and limit always give the same result. A limit of 0 returns
/// the case untouched.
public struct ContractCaseShrinker<Failure> {
    /// The most replays (predicate evaluations) to spend.
    public let limit: Int
    /// Replays a candidate: how it fails and the 0-based index of the failing step, or `nil`
    /// when it does not fail.
    public let fails: (ContractCase) -> (failure: Failure, step: Int)?

    /// A shrinker with at most `limit` replays of `fails`.
    public init(limit: Int, fails: @escaping (ContractCase) -> (failure: Failure, step: Int)?) {
        self.limit = limit
        self.fails = fails
    }

    /// The outcome of shrinking.
    public struct Result {
        /// The shrunk case (the original when nothing smaller fails, or `limit` is 0).
        public var contractCase: ContractCase
        /// How the shrunk case fails, or `nil` when no replay was made (or the original did
        /// not fail).
        public var failure: Failure?
        /// Replays spent.
        public var replays: Int
    }

    /// Shrinks `contractCase`, which should fail.
    /// - Complexity: at most `limit` replays.
    public func shrink(_ contractCase: ContractCase) -> Result {
        var state = Result(contractCase: contractCase, failure: nil, replays: 0)
        guard limit > 0, let first = evaluate(contractCase, &state) else { return state }
        state.failure = first.failure
        state.contractCase.steps = Array(contractCase.steps.prefix(first.step + 1))
        var changed = true
        while changed && state.replays < limit {
            changed = dropChunks(&state)
            changed = simplifySteps(&state) || changed
        }
        return state
    }

    /// Replays `candidate`, counting the replay.
    private func evaluate(_ candidate: ContractCase, _ state: inout Result) -> (failure: Failure, step: Int)? {
        state.replays += 1
        return fails(candidate)
    }

    /// Accepts `candidate` when it still fails, cutting it after the failing step.
    private func tryCandidate(_ candidate: ContractCase, _ state: inout Result) -> Bool {
        guard state.replays < limit, let found = evaluate(candidate, &state) else { return false }
        state.contractCase = candidate
        state.contractCase.steps = Array(candidate.steps.prefix(found.step + 1))
        state.failure = found.failure
        return true
    }

    /// Step 2: removes chunks of steps, from halves down to single steps.
    private func dropChunks(_ state: inout Result) -> Bool {
        var changed = false
        var chunk = max(1, state.contractCase.steps.count / 2)
        while state.replays < limit {
            var start = 0
            while start < state.contractCase.steps.count && state.replays < limit {
                var candidate = state.contractCase
                let end = min(start + chunk, candidate.steps.count)
                candidate.steps.removeSubrange(start ..< end)
                if !candidate.steps.isEmpty && tryCandidate(candidate, &state) {
                    changed = true
                } else {
                    start += chunk
                }
            }
            if chunk == 1 { break }
            chunk = max(1, chunk / 2)
        }
        return changed
    }

    /// Step 3: lower heights, shorter payloads, simpler senders, one step at a time.
    private func simplifySteps(_ state: inout Result) -> Bool {
        var changed = false
        var k = 0
        while k < state.contractCase.steps.count && state.replays < limit {
            for simpler in ContractCaseShrinking.simplifications(of: k, in: state.contractCase) {
                var candidate = state.contractCase
                candidate.steps[k] = simpler
                if tryCandidate(candidate, &state) {
                    changed = true
                    break
                }
            }
            k += 1
        }
        return changed
    }
}

/// The simplifications shrinking tries on one step.
enum ContractCaseShrinking {
    /// The simpler versions of step `k`, simplest first.
    static func simplifications(of k: Int, in contractCase: ContractCase) -> [ContractStep] {
        let step = contractCase.steps[k]
        let floor = k == 0 ? contractCase.deployHeight : contractCase.steps[k - 1].height
        var out: [ContractStep] = []
        if step.height > floor {
            out.append(ContractStep(height: floor, transaction: step.transaction))
            let half = floor + (step.height - floor) / 2
            if half > floor { out.append(ContractStep(height: half, transaction: step.transaction)) }
        }
        for payload in shorter(step.transaction) {
            out.append(ContractStep(height: step.height, transaction: payload))
        }
        let members = contractCase.config.members
        if let i = members.firstIndex(of: step.transaction.sender), i > 0 {
            for j in Set([0, i - 1]).sorted() {
                out.append(ContractStep(height: step.height, transaction: step.transaction.from(members[j])))
            }
        }
        return out
    }

    /// Reveals with shorter byte strings: half as long, then one byte shorter.
    static func shorter(_ tx: Transaction) -> [Transaction] {
        guard case .reveal(let sender, let payload) = tx else { return [] }
        func cuts(_ bytes: [UInt8]) -> [[UInt8]] {
            guard !bytes.isEmpty else { return [] }
            let half = Array(bytes.prefix(bytes.count / 2))
            let less = Array(bytes.dropLast())
            return half.count == less.count ? [less] : [half, less]
        }
        switch payload {
        case .labels(let y, let counts, let salt):
            var out = cuts(y).map { Transaction.reveal(sender: sender, payload: .labels(y: $0, labelCount: counts, salt: salt)) }
            if !counts.isEmpty {
                out.append(.reveal(sender: sender, payload: .labels(y: y, labelCount: Array(counts.dropLast()), salt: salt)))
            }
            return out
        case .result(let bytes, let salt):
            return cuts(bytes).map { .reveal(sender: sender, payload: .result($0, salt: salt)) }
        }
    }
}

extension Transaction {
    /// The same transaction sent by `sender`.
    func from(_ sender: Address) -> Transaction {
        switch self {
        case .register(_, let value): .register(sender: sender, value: value)
        case .commit(_, let commitment): .commit(sender: sender, commitment: commitment)
        case .reveal(_, let payload): .reveal(sender: sender, payload: payload)
        case .settle(_, let round): .settle(sender: sender, round: round)
        case .withdraw: .withdraw(sender: sender)
        }
    }
}
