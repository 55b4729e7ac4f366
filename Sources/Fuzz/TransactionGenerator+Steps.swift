import Adversary
import Ledger
import Mechanisms

/// The per-case state of transaction drawing: each member's prepared payload for the current
/// round and its commitment (hashed once per round, not per transaction), and the last step.
public struct TransactionDrawState: Sendable {
    var round = -1
    var payloads: [RevealPayload] = []
    var commitments: [Hash32] = []
    var last: ContractStep? = nil

    /// A fresh state: payloads are prepared at the first draw.
    public init() {}
}

extension TransactionGenerator {
    /// Draws the next step for `contract`'s current state.
    /// - Parameters:
    ///   - contract: the contract's state (read only).
    ///   - state: the case's drawing state, updated.
    ///   - rng: the case's random stream.
    /// - Complexity: O(members * payload) at the first draw of a round (payloads and their
    ///   commitments); O(1) otherwise, O(payload) for a mutated reveal.
    public func drawStep<C: ContractUnderTest>(
        for contract: C, state: inout TransactionDrawState, using rng: inout SplitMix64
    ) -> ContractStep {
        if state.round != contract.round { prepare(for: contract, state: &state, using: &rng) }
        let height = drawHeight(for: contract, using: &rng)
        let roll = Int.random(in: 0 ..< 100, using: &rng)
        let tx: Transaction
        if roll < 65 {
            tx = sensible(for: contract, at: height, state: state, using: &rng)
        } else if roll < 85 {
            tx = anything(for: contract, state: state, using: &rng)
        } else {
            let move = OutOfProtocolMove.allCases.randomElement(using: &rng)!
            tx = outOfProtocol(move, for: contract, state: state, using: &rng)
        }
        let step = ContractStep(height: height, transaction: tx)
        state.last = step
        return step
    }

    /// Mostly the same block or the next; often a phase boundary; sometimes backwards, a jump,
    /// or the end of time.
    func drawHeight<C: ContractUnderTest>(for c: C, using rng: inout SplitMix64) -> Int {
        let last = c.height
        switch Int.random(in: 0 ..< 200, using: &rng) {
        case 0: return Int.max - Int.random(in: 0 ... 2, using: &rng)
        case ..<10: return last - Int.random(in: 1 ... 3, using: &rng)
        case ..<16: return ContractCase.saturating(last, 20)
        case ..<30:
            let boundaries = [c.revealWindow.lowerBound, c.revealWindow.upperBound]
            let edge = boundaries.randomElement(using: &rng)! + Int.random(in: -1 ... 0, using: &rng)
            return max(last, edge)
        case ..<150: return last
        default: return ContractCase.saturating(last, 1)
        }
    }

    /// The transaction an honest member (or anyone, for settle) would send at `height`, with
    /// an occasional wrong payload.
    func sensible<C: ContractUnderTest>(
        for c: C, at height: Int, state: TransactionDrawState, using rng: inout SplitMix64
    ) -> Transaction {
        let members = c.config.members
        let i = Int.random(in: 0 ..< members.count, using: &rng)
        let member = members[i]
        if c.commitWindow.contains(height) {
            if !c.seats[i].registered { return .register(sender: member, value: c.config.deposit) }
            return .commit(sender: member, commitment: state.commitments[i])
        }
        if c.revealWindow.contains(height) {
            let good = Int.random(in: 0 ..< 5, using: &rng) > 0
            let payload = state.payloads[i]
            return .reveal(sender: member, payload: good ? payload : mutate(payload, using: &rng))
        }
        if height >= c.revealWindow.upperBound && !c.finished {
            return .settle(sender: member, round: c.round)
        }
        return .withdraw(sender: anyAccount(of: c, using: &rng))
    }

    /// Any transaction from anyone, valid or not.
    func anything<C: ContractUnderTest>(
        for c: C, state: TransactionDrawState, using rng: inout SplitMix64
    ) -> Transaction {
        let members = c.config.members
        let i = Int.random(in: 0 ..< members.count, using: &rng)
        let sender =
            Int.random(in: 0 ..< 100, using: &rng) < 85 ? members[i] : anyAccount(of: c, using: &rng)
        let payload = state.payloads[i]
        let roll = Int.random(in: 0 ..< 100, using: &rng)
        switch roll {
        case ..<22:
            return .register(sender: sender, value: c.config.deposit)
        case ..<44:
            let good = Int.random(in: 0 ..< 5, using: &rng) > 0
            return .commit(
                sender: sender, commitment: good ? state.commitments[i] : randomHash(&rng))
        case ..<66:
            let good = Int.random(in: 0 ..< 4, using: &rng) > 0
            return .reveal(sender: sender, payload: good ? payload : mutate(payload, using: &rng))
        case ..<80:
            let round =
                Int.random(in: 0 ..< 5, using: &rng) > 0
                ? c.round : c.round + Int.random(in: -1 ... 1, using: &rng)
            return .settle(sender: sender, round: round)
        default:
            return .withdraw(sender: sender)
        }
    }

    /// One of the members, the stranger or the deployer.
    func anyAccount<C: ContractUnderTest>(of c: C, using rng: inout SplitMix64) -> Address {
        let members = c.config.members
        let k = Int.random(in: 0 ..< members.count + 2, using: &rng)
        if k < members.count { return members[k] }
        return k == members.count ? ContractAccounts.stranger : c.deployer
    }

    /// Fresh payloads for the current round and their commitments: PTSFD labels with 0xFF gaps
    /// and an occasional false labelCount; consensus results drawn from a small pool
    /// (agreement, junk, the input).
    func prepare<C: ContractUnderTest>(
        for c: C, state: inout TransactionDrawState, using rng: inout SplitMix64
    ) {
        state.round = c.round
        state.payloads.removeAll(keepingCapacity: true)
        state.commitments.removeAll(keepingCapacity: true)
        for member in c.config.members {
            let salt = randomHash(&rng)
            let payload: RevealPayload
            switch c.config.mechanism {
            case .ptsfd(let terms):
                let y = (0 ..< terms.samples).map { _ in
                    Int.random(in: 0 ..< 100, using: &rng) < 15
                        ? UInt8(0xFF) : UInt8(Int.random(in: 0 ..< terms.classes, using: &rng))
                }
                var counts = (0 ..< terms.classes).map { x in y.count(where: { $0 == x }) }
                if Int.random(in: 0 ..< 5, using: &rng) == 0 {
                    counts = counts.map { _ in Int.random(in: 0 ... terms.samples, using: &rng) }
                }
                payload = .labels(y: y, labelCount: counts, salt: salt)
            case .consensus(let terms):
                let pool: [[UInt8]] = [[1, 2], [1, 2], [1, 2], [3, 4], [0, 0], terms.input]
                payload = .result(pool.randomElement(using: &rng)!, salt: salt)
            }
            state.payloads.append(payload)
            state.commitments.append(c.expectedCommitment(of: payload, by: member))
        }
    }

    /// A payload that is malformed or does not match its commitment.
    func mutate(_ payload: RevealPayload, using rng: inout SplitMix64) -> RevealPayload {
        switch (payload, Int.random(in: 0 ..< 4, using: &rng)) {
        case (.labels(let y, let counts, _), 0):
            .labels(y: y, labelCount: counts, salt: randomHash(&rng))
        case (.labels(let y, let counts, let salt), 1):
            .labels(y: y + [0], labelCount: counts, salt: salt)
        case (.labels(let y, let counts, let salt), 2):
            .labels(
                y: y.map { _ in UInt8.random(in: 0 ... 255, using: &rng) }, labelCount: counts,
                salt: salt)
        case (.labels(let y, let counts, let salt), _):
            .labels(y: y, labelCount: counts.map { -$0 - 1 } + [1], salt: salt)
        case (.result(let bytes, let salt), 0): .result(bytes + [1], salt: salt)
        case (.result(let bytes, _), 1): .result(bytes, salt: randomHash(&rng))
        case (.result, _): .labels(y: [0], labelCount: [1], salt: .zero)
        }
    }

    /// 32 random bytes.
    func randomHash(_ rng: inout SplitMix64) -> Hash32 {
        var bytes = [UInt8](repeating: 0, count: 32)
        for k in stride(from: 0, to: 32, by: 8) {
            let word = rng.next()
            for b in 0 ..< 8 { bytes[k + b] = UInt8(truncatingIfNeeded: word >> UInt64(8 * b)) }
        }
        return Hash32(bytes: bytes)!
    }
}

extension ContractCase {
    /// `a + b`, saturating at `Int.max`.
    static func saturating(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }
}
