/// The commit-reveal consensus mechanism of Lu, Tang and Wang (sections IV and VI).
///
/// Workers compute a result (a byte string), commit and reveal it. The contract only learns
/// whether the revealed results are equal and who failed to submit. The reward clauses, with
/// deposit d and the requester's reward r:
///
/// Two workers (section IV):
/// - a worker that fails to commit or reveal, or submits a result in E_ck, loses its deposit;
///   the other gets half of its deposit refunded (if it submitted a result);
/// - equal results: each worker gets r/2 (and its deposit back);
/// - different results: both lose half their deposits.
///
/// n workers (section VI): the same with r/n, and "half deposit" for everybody else who
/// submitted as soon as one worker fails.
///
/// Integer rounding (a contract pays integers): a half refund is `d / 2` rounded down, a reward
/// share `r / n` rounded down. Forfeited deposit goes to the contract's slashed account; reward
/// that is not paid out goes back to the requester.
public enum Consensus {}

extension Consensus {
    /// What one worker did in the round.
    public enum Submission: Hashable, Sendable {
        /// Failed to commit, or committed and failed to reveal (or revealed a mismatch).
        case none
        /// Revealed this result.
        case result([UInt8])
    }

    /// Where every unit of the round's money goes.
    public struct Outcome: Hashable, Sendable {
        /// Paid back to each worker: deposit refund plus reward share.
        public var payouts: [Int]
        /// Returned to the requester (the reward r when it is not paid).
        public var requesterRefund: Int
        /// Forfeited deposits, kept by the contract.
        public var slashed: Int

        /// Each worker's utility: payout minus deposit (Table I and Table II entries).
        public func utilities(deposit: Int) -> [Int] { payouts.map { $0 - deposit } }
    }

    /// The reward clauses of section IV for exactly two workers.
    /// - Precondition: `submissions.count == 2`, `deposit >= 0`, `reward >= 0`.
    public static func settleTwoWorkers(
        _ submissions: [Submission], deposit d: Int, reward r: Int,
        junk: CommonKnowledgeSet, input: [UInt8]
    ) -> Outcome {
        precondition(submissions.count == 2 && d >= 0 && r >= 0)
        let valid = submissions.map { isValid($0, junk: junk, input: input) }
        let half = d / 2
        var payouts = [0, 0]
        if !valid[0] || !valid[1] {
            // A failed worker loses all; the other gets half refunded if it submitted a result.
            for w in 0 ..< 2 where valid[w] { payouts[w] = half }
            return Outcome(payouts: payouts, requesterRefund: r, slashed: 2 * d - payouts.reduce(0, +))
        }
        if submissions[0] == submissions[1] {
            payouts = [d + r / 2, d + r / 2]
            return Outcome(payouts: payouts, requesterRefund: r - 2 * (r / 2), slashed: 0)
        }
        payouts = [half, half]
        return Outcome(payouts: payouts, requesterRefund: r, slashed: 2 * (d - half))
    }

    /// The reward clauses of section VI for n workers.
    /// - Precondition: `submissions` is not empty, `deposit >= 0`, `reward >= 0`.
    public static func settle(
        _ submissions: [Submission], deposit d: Int, reward r: Int,
        junk: CommonKnowledgeSet, input: [UInt8]
    ) -> Outcome {
        precondition(!submissions.isEmpty && d >= 0 && r >= 0)
        let n = submissions.count
        let valid = submissions.map { isValid($0, junk: junk, input: input) }
        let half = d / 2
        var payouts = [Int](repeating: 0, count: n)
        if valid.contains(false) {
            // "if any worker fails ... it loses all deposits, and all the other workers who
            // submit will only get a refund of half deposit"
            for w in 0 ..< n where valid[w] { payouts[w] = half }
        } else if submissions.allSatisfy({ $0 == submissions[0] }) {
            // "if n workers successfully report the same computing result ... each gets r/n"
            payouts = [Int](repeating: d + r / n, count: n)
            return Outcome(payouts: payouts, requesterRefund: r - n * (r / n), slashed: 0)
        } else {
            // "if n workers submit different results ... all workers will lose half"
            payouts = [Int](repeating: half, count: n)
        }
        return Outcome(payouts: payouts, requesterRefund: r, slashed: n * d - payouts.reduce(0, +))
    }

    /// Whether a submission counts: it exists and is not in E_ck.
    public static func isValid(_ s: Submission, junk: CommonKnowledgeSet, input: [UInt8]) -> Bool {
        if case .result(let bytes) = s { return !junk.contains(bytes, input: input) }
        return false
    }
}
