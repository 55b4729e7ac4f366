import Solver

/// The reward clauses of Lu, Tang and Wang (sections IV and VI) as utilities over an `Algebra`,
/// so the games of Table I and Table II can be solved with symbolic d and r.
///
/// Utilities are net of the deposit, with the paper's `d / 2` taken as a real half (the contract
/// rounds a half refund down; `Consensus.settle` is that integer version). Submissions are equal
/// when both are the true result, or both the same junk.
public enum ConsensusPlay: Hashable, Sendable {
    /// Submit nothing, fail to reveal, or submit a result in E_ck (sigma_e).
    case nothing
    /// Submit the true result (sigma_t).
    case truth
    /// Submit a junk out of E_ck; equal junks carry the same tag (sigma_f).
    case junk(Int)
}

public enum ConsensusPayoff {
    /// Each worker's utility for one profile of plays:
    /// - if any worker submits nothing: it gets -d, every worker that submitted gets -d/2;
    /// - else if all n results are equal: each gets r/n;
    /// - else: each gets -d/2.
    public static func utilities<A: Algebra>(_ a: A, deposit d: A.Number, reward r: A.Number, plays: [ConsensusPlay]) -> [A.Number] {
        let n = plays.count
        let half = a.divide(d, a.constant(2))
        let lose = a.subtract(a.constant(0), d)
        let loseHalf = a.subtract(a.constant(0), half)
        if plays.contains(.nothing) {
            return plays.map { $0 == .nothing ? lose : loseHalf }
        }
        if plays.allSatisfy({ $0 == plays[0] }) {
            return Array(repeating: a.divide(r, a.constant(n)), count: n)
        }
        return Array(repeating: loseHalf, count: n)
    }

    /// Each worker's utility net of c, the cost of producing the result honestly (`[costs]
    /// compute`; Lu et al. "ignore c"): a worker that submits the true result pays c on top of
    /// what the reward clauses (`utilities`) give it; one that submits nothing or a junk computes
    /// nothing and pays nothing.
    public static func utilities<A: Algebra>(
        _ a: A, deposit d: A.Number, reward r: A.Number, cost c: A.Number, plays: [ConsensusPlay]
    ) -> [A.Number] {
        zip(utilities(a, deposit: d, reward: r, plays: plays), plays).map { u, play in
            play == .truth ? a.subtract(u, c) : u
        }
    }
}
