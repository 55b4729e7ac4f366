import Mechanisms
import Testing

@testable import Ledger

/// Every rule-breaking transaction throws its specific `ContractError` and leaves the state
/// unchanged (`expectRefused` compares the whole contract before and after).
///
/// Timeline of round 0 (deploy at 100, windows of 10): register and commit in [100, 110),
/// reveal in [110, 120), settle from 120.
@Suite struct ContractRefusalTests {
    typealias F = Fixture
    static let w = F.workers
    static let d = F.ptsfdDeposit
    static let payload = F.labels([0, 0, 1, 1], salt: 0)

    /// w0 registered and committed to `payload`; w1 registered only.
    static func committed(_ config: ContractConfig = F.ptsfd()) throws -> Contract {
        var c = try F.deploy(config)
        try c.register(w[0], value: config.deposit, at: 100)
        try c.commit(w[0], c.commitment(of: payload, by: w[0]), at: 101)
        try c.register(w[1], value: config.deposit, at: 102)
        return c
    }

    @Test func registration() throws {
        var c = try F.deploy(F.ptsfd())
        expectRefused(
            &c, .register(sender: F.stranger, value: Self.d), at: 100, .notAMember(F.stranger))
        for value in [Self.d - 1, Self.d + 1, 0, -1, Int.min, Int.max] {
            expectRefused(
                &c, .register(sender: Self.w[0], value: value), at: 100,
                .wrongDeposit(sent: value, required: Self.d))
        }
        try c.register(Self.w[0], value: Self.d, at: 100)
        expectRefused(
            &c, .register(sender: Self.w[0], value: Self.d), at: 101,
            .alreadyRegistered(Self.w[0], round: 0))
        expectRefused(
            &c, .register(sender: Self.w[1], value: Self.d), at: 110,
            .outsideWindow(.registration, height: 110, opens: 100, closes: 110))
    }

    @Test func commit() throws {
        var c = try Self.committed()
        let h = Hash32.zero
        expectRefused(
            &c, .commit(sender: F.stranger, commitment: h), at: 103, .notAMember(F.stranger))
        expectRefused(
            &c, .commit(sender: Self.w[2], commitment: h), at: 103,
            .notRegistered(Self.w[2], round: 0))
        expectRefused(
            &c, .commit(sender: Self.w[0], commitment: h), at: 103,
            .alreadyCommitted(Self.w[0], round: 0))
        expectRefused(
            &c, .commit(sender: Self.w[1], commitment: h), at: 110,
            .outsideWindow(.commit, height: 110, opens: 100, closes: 110))
    }

    @Test func revealWindowAndOrder() throws {
        var c = try Self.committed()
        let reveal0 = Transaction.reveal(sender: Self.w[0], payload: Self.payload)
        expectRefused(
            &c, reveal0, at: 109, .outsideWindow(.reveal, height: 109, opens: 110, closes: 120))
        expectRefused(
            &c, reveal0, at: 120, .outsideWindow(.reveal, height: 120, opens: 110, closes: 120))
        expectRefused(
            &c, .reveal(sender: Self.w[1], payload: Self.payload), at: 110,
            .notCommitted(Self.w[1], round: 0))
        expectRefused(
            &c, .reveal(sender: Self.w[2], payload: Self.payload), at: 110,
            .notRegistered(Self.w[2], round: 0))
        try c.apply(reveal0, at: 110)
        expectRefused(&c, reveal0, at: 111, .alreadyRevealed(Self.w[0], round: 0))
    }

    /// A mismatching reveal is refused; the worker can still send the correct one.
    @Test func mismatchingRevealThenRetry() throws {
        var c = try Self.committed()
        let committed = try #require(c.seat(of: Self.w[0])?.commitment)
        let other = F.labels([0, 0, 1, 1], salt: 9)
        expectRefused(
            &c, .reveal(sender: Self.w[0], payload: other), at: 110,
            .revealMismatch(
                Self.w[0], committed: committed, revealed: c.commitment(of: other, by: Self.w[0])))
        try c.reveal(Self.w[0], Self.payload, at: 111)
        #expect(c.seat(of: Self.w[0])?.reveal == Self.payload)
    }

    /// Malformed payloads are refused before the hash is compared, even when committed to.
    @Test func malformedReveals() throws {
        let cases: [(RevealPayload, ContractError)] = [
            (
                .labels(y: [0, 0, 1], labelCount: [2, 1], salt: .zero),
                .wrongLabelsLength(found: 3, expected: 4)
            ),
            (
                .labels(y: [0, 2, 0, 0], labelCount: [3, 0], salt: .zero),
                .labelOutOfRange(sample: 1, label: 2, classes: 2)
            ),
            (
                .labels(y: [0, 0, 0xFE, 0], labelCount: [3, 0], salt: .zero),
                .labelOutOfRange(sample: 2, label: 0xFE, classes: 2)
            ),
            (
                .labels(y: [0, 0, 0, 0], labelCount: [4], salt: .zero),
                .wrongLabelCountLength(found: 1, expected: 2)
            ),
            (
                .labels(y: [0, 0, 0, 0], labelCount: [5, -1], salt: .zero),
                .negativeLabelCount(class: 1, value: -1)
            ),
            (
                .result([1], salt: .zero),
                .wrongPayloadKind(expected: "labels (Y, labelCount, salt)")
            ),
        ]
        for (bad, error) in cases {
            var c = try F.deploy(F.ptsfd())
            try c.register(Self.w[0], value: Self.d, at: 100)
            try c.commit(Self.w[0], c.commitment(of: bad, by: Self.w[0]), at: 100)
            expectRefused(&c, .reveal(sender: Self.w[0], payload: bad), at: 110, error)
        }
        // 0xFF ("no report") is well formed.
        var c = try F.deploy(F.ptsfd())
        let partial = RevealPayload.labels(y: [0, 0xFF, 1, 0xFF], labelCount: [1, 1], salt: .zero)
        try c.register(Self.w[0], value: Self.d, at: 100)
        try c.commit(Self.w[0], c.commitment(of: partial, by: Self.w[0]), at: 100)
        try c.reveal(Self.w[0], partial, at: 110)
    }

    @Test func consensusRefusesLabels() throws {
        var c = try Self.committed(F.consensus())
        let labels = RevealPayload.labels(y: [], labelCount: [], salt: .zero)
        try c.commit(Self.w[1], c.commitment(of: labels, by: Self.w[1]), at: 103)
        expectRefused(
            &c, .reveal(sender: Self.w[1], payload: labels), at: 110,
            .wrongPayloadKind(expected: "result (bytes, salt)"))
    }

    @Test func settle() throws {
        var c = try Self.committed(F.ptsfd(lambdas: [1, 1]))
        expectRefused(
            &c, .settle(sender: F.stranger, round: 0), at: 119,
            .settleTooEarly(height: 119, deadline: 120))
        expectRefused(
            &c, .settle(sender: F.stranger, round: 1), at: 120,
            .wrongRound(requested: 1, current: 0))
        expectRefused(
            &c, .settle(sender: F.stranger, round: -1), at: 120,
            .wrongRound(requested: -1, current: 0))
        try c.settle(F.stranger, round: 0, at: 120)
        expectRefused(
            &c, .settle(sender: F.stranger, round: 0), at: 140, .roundAlreadySettled(round: 0))
        expectRefused(
            &c, .settle(sender: F.stranger, round: 1), at: 139,
            .settleTooEarly(height: 139, deadline: 140))
    }

    /// After the last round only withdraw is open.
    @Test func afterTheLastRound() throws {
        var c = try Self.committed()
        try c.settle(F.stranger, round: 0, at: 125)
        let done = ContractError.contractFinished(rounds: 1)
        expectRefused(&c, .register(sender: Self.w[2], value: Self.d), at: 125, done)
        expectRefused(&c, .commit(sender: Self.w[0], commitment: .zero), at: 126, done)
        expectRefused(&c, .reveal(sender: Self.w[0], payload: Self.payload), at: 136, done)
        expectRefused(&c, .register(sender: F.stranger, value: Self.d), at: 126, done)
        expectRefused(&c, .settle(sender: F.stranger, round: 1), at: 200, done)
        expectRefused(
            &c, .settle(sender: F.stranger, round: 0), at: 200, .roundAlreadySettled(round: 0))
        // w0 never revealed (slashed); w1 registered and never committed (slashed too).
        #expect(c.funds.slashed == 2 * Self.d)
    }

    @Test func withdraw() throws {
        var c = try F.deploy(F.ptsfd())
        expectRefused(&c, .withdraw(sender: F.stranger), at: 100, .nothingToWithdraw(F.stranger))
        try F.playRound(
            &c,
            payloads: [(Self.w[0], Self.payload), (Self.w[1], F.labels([0, 0, 1, 1], salt: 1))])
        #expect(try c.withdraw(Self.w[0], at: 130) == Self.d)
        expectRefused(&c, .withdraw(sender: Self.w[0]), at: 130, .nothingToWithdraw(Self.w[0]))
        expectRefused(&c, .withdraw(sender: Self.w[2]), at: 131, .nothingToWithdraw(Self.w[2]))
    }

    @Test func heightMustNotGoBackwards() throws {
        var c = try F.deploy(F.ptsfd())
        expectRefused(
            &c, .register(sender: Self.w[0], value: Self.d), at: 99,
            .heightWentBackwards(height: 99, last: 100))
        try c.register(Self.w[0], value: Self.d, at: 105)
        expectRefused(
            &c, .commit(sender: Self.w[0], commitment: .zero), at: 104,
            .heightWentBackwards(height: 104, last: 105))
        expectRefused(
            &c, .withdraw(sender: Self.w[0]), at: Int.min,
            .heightWentBackwards(height: Int.min, last: 105))
    }

    /// Under `bound` a copied commitment cannot be opened by the copier; under `paper` it can.
    @Test(arguments: [CommitmentScheme.bound, .paper])
    func copiedCommitment(scheme: CommitmentScheme) throws {
        var knobs = F.knobs
        knobs.commitment = scheme
        var c = try Self.committed(F.ptsfd(knobs: knobs))
        let copied = try #require(c.seat(of: Self.w[0])?.commitment)
        try c.commit(Self.w[1], copied, at: 103)
        try c.reveal(Self.w[0], Self.payload, at: 110)
        let copy = Transaction.reveal(sender: Self.w[1], payload: Self.payload)
        if scheme == .paper {
            try c.apply(copy, at: 111)
        } else {
            expectRefused(
                &c, copy, at: 111,
                .revealMismatch(
                    Self.w[1], committed: copied,
                    revealed: c.commitment(of: Self.payload, by: Self.w[1])))
        }
    }

    /// Under `bound` a commitment from round 0 cannot be replayed in round 1.
    @Test func replayedCommitmentFromAnEarlierRound() throws {
        var c = try F.deploy(F.ptsfd(lambdas: [1, 1]))
        let old = c.commitment(of: Self.payload, by: Self.w[0])
        try F.playRound(&c, payloads: [(Self.w[0], Self.payload)])
        try c.register(Self.w[0], value: Self.d, at: 120)
        try c.commit(Self.w[0], old, at: 120)
        expectRefused(
            &c, .reveal(sender: Self.w[0], payload: Self.payload), at: 130,
            .revealMismatch(
                Self.w[0], committed: old, revealed: c.commitment(of: Self.payload, by: Self.w[0])))
        #expect(old != c.commitment(of: Self.payload, by: Self.w[0]))
    }
}
