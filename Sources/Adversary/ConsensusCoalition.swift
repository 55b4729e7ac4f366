import Ledger

/// A coalition strategy of the n-worker consensus mechanism (Lu, Tang and Wang, section VI,
/// Table II): k colluding workers split into p that send the true result (σt), q that send a
/// junk out of E_ck (σf) and l that send nothing (σe), p + q + l = k.
///
/// The families, as the paper names them and as `ConsensusGame.coalition` (Verification)
/// enumerates them:
/// - σ1: every member sends nothing (p = q = 0, l = k);
/// - σ2: every member sends the true result (p = k);
/// - σ3: every member sends the same pre-agreed junk (q = k, one junk, k >= 2);
/// - σ4: p true, l nothing (p, l >= 1, q = 0);
/// - σ5: q junk, l nothing (q, l >= 1, p = 0);
/// - σ6: p true, q junk (p, q >= 1, l = 0);
/// - σ7: p true, q junk, l nothing (p, q, l >= 1).
/// Every junk is the member's own random one except under σ3. The split q = k with distinct
/// junks is not named in the paper (`sigma == nil`); `ConsensusGame` includes it too.
///
/// Table II, coalition utility for d even and r a multiple of n, against outsiders of which
/// one sends nothing (I), one sends a junk (II), or all send the true result (III):
/// σ1 -kd everywhere; σ2 -kd/2, -kd/2, kr/n (the paper's row prints the last two swapped);
/// σ3 -kd/2; σ4 and σ5 -(p or q)d/2 - ld; σ6 -(p+q)d/2; σ7 -(p+q)d/2 - ld.
public struct ConsensusCoalition: Hashable, Sendable {
    /// What one member does.
    public enum Role: Hashable, Sendable {
        /// σt: the true result.
        case truth
        /// σf: a junk out of E_ck; equal tags are the same junk.
        case junk(tag: Int)
        /// σe: registers and sends nothing.
        case nothing
    }

    /// Members sending the true result.
    public let p: Int
    /// Members sending a junk.
    public let q: Int
    /// Members sending nothing.
    public let l: Int
    /// Whether the q junk senders send one pre-agreed junk (σ3) rather than one each.
    public let agreedJunk: Bool

    /// The tag of σ3's pre-agreed junk; own junks are tagged by the member's slot 0 ..< k.
    public static let agreedTag = -1

    /// The split (p, q, l) with one junk per junk sender.
    /// - Precondition: p, q, l >= 0 and p + q + l >= 1.
    public init(p: Int, q: Int, l: Int) {
        precondition(p >= 0 && q >= 0 && l >= 0 && p + q + l >= 1, "coalition (\(p), \(q), \(l))")
        self.p = p
        self.q = q
        self.l = l
        self.agreedJunk = false
    }

    /// σ3: all k members send one pre-agreed junk.
    /// - Precondition: k >= 2.
    public static func sigma3(size k: Int) -> ConsensusCoalition {
        precondition(k >= 2, "σ3 needs a coalition of at least 2")
        return ConsensusCoalition(k: k)
    }

    private init(k: Int) {
        self.p = 0
        self.q = k
        self.l = 0
        self.agreedJunk = true
    }

    /// k, the coalition's size.
    public var size: Int { p + q + l }

    /// The paper's family number 1 ... 7, or `nil` for q = k distinct junks.
    public var sigma: Int? {
        if agreedJunk { return 3 }
        switch (p > 0, q > 0, l > 0) {
        case (false, false, _): return 1
        case (true, false, false): return 2
        case (false, true, false): return nil
        case (true, false, true): return 4
        case (false, true, true): return 5
        case (true, true, false): return 6
        case (true, true, true): return 7
        }
    }

    /// Each member's role, members 0 ..< k: the p truthful first, then the q junk senders,
    /// then the l that send nothing (the order of `ConsensusGame.coalition`).
    public var roles: [Role] {
        Array(repeating: .truth, count: p)
            + (0 ..< q).map { .junk(tag: agreedJunk ? Self.agreedTag : p + $0) }
            + Array(repeating: .nothing, count: l)
    }

    /// Every strategy of a coalition of k, in the order of `ConsensusGame.coalition`: p from k
    /// down to 0, q from k - p down to 0, then σ3 (for k >= 2).
    public static func all(size k: Int) -> [ConsensusCoalition] {
        precondition(k >= 1, "coalition of \(k)")
        var strategies: [ConsensusCoalition] = []
        for p in stride(from: k, through: 0, by: -1) {
            for q in stride(from: k - p, through: 0, by: -1) {
                strategies.append(ConsensusCoalition(p: p, q: q, l: k - p - q))
            }
        }
        if k >= 2 { strategies.append(sigma3(size: k)) }
        return strategies
    }

    /// The coalition's members as workers of a task.
    /// - Parameters:
    ///   - truth: the true result of the task (what σt reveals).
    ///   - junk: the junk of a tag; by default `defaultJunk(tag:)`.
    public func members<Task>(
        truth: @escaping @Sendable (Task) -> [UInt8],
        junk: @escaping @Sendable (Task, Int) -> [UInt8] = { _, tag in defaultJunk(tag: tag) }
    ) -> [CoalitionMember<Task>] {
        roles.map { CoalitionMember(role: $0, truth: truth, junk: junk) }
    }

    /// A junk out of the paper's E_ck: `keccak256("serumcheck coalition junk <tag>")`, 32 bytes
    /// that are neither all zero nor all one; distinct tags give distinct junks.
    public static func defaultJunk(tag: Int) -> [UInt8] {
        Keccak256.hash(utf8: "serumcheck coalition junk \(tag)").bytes
    }
}

/// One member of a colluding coalition (`ConsensusCoalition`), playing its role, for any task.
public struct CoalitionMember<Task>: ConsensusWorker, Sendable {
    /// The strategy's name in specs and in the catalogue.
    public static var strategyName: String { "coalition" }
    /// Its role in the coalition's strategy.
    public let role: ConsensusCoalition.Role
    /// The task's true result.
    public let truth: @Sendable (Task) -> [UInt8]
    /// The junk of a tag.
    public let junk: @Sendable (Task, Int) -> [UInt8]

    /// A member playing `role`.
    public init(
        role: ConsensusCoalition.Role, truth: @escaping @Sendable (Task) -> [UInt8],
        junk: @escaping @Sendable (Task, Int) -> [UInt8]
    ) {
        self.role = role
        self.truth = truth
        self.junk = junk
    }

    /// "coalition: true result", "coalition: junk t" or "coalition: nothing".
    public var name: String {
        switch role {
        case .truth: "coalition: true result"
        case .junk(let tag): "coalition: junk \(tag)"
        case .nothing: "coalition: nothing"
        }
    }

    /// σt `.reveal(truth)`, σf `.reveal(junk)`, σe `.registerOnly`.
    public func action(for task: Task) -> ConsensusAction {
        switch role {
        case .truth: .reveal(truth(task))
        case .junk(let tag): .reveal(junk(task, tag))
        case .nothing: .registerOnly
        }
    }
}
