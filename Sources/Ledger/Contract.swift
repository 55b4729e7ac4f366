import Mechanisms

/// The governing smart contract S (Witt et al., section 4; Lu, Tang and Wang, section IV) as a
/// deterministic state machine.
///
/// A value type: every transaction is checked in full before anything changes, and a refused
/// transaction throws a `ContractError` and leaves the contract exactly as it was, so a test can
/// compare the state before and after (`contract == before`).
///
/// Timeline, driven by block height (heights never decrease). Round r starts at `s_r`, the
/// deploy height for r = 0 and the height of round r-1's settle transaction after that:
/// - registration and commit during `[s_r, s_r + commitWindow)`;
/// - reveal during `[s_r + commitWindow, s_r + commitWindow + revealWindow)`;
/// - settle, by anyone, once, at a height `>= s_r + commitWindow + revealWindow`.
/// After the last round is settled only withdraw is accepted.
///
/// Money (integer units, checked arithmetic): members pay the deposit at every registration,
/// the deployer of a consensus contract pays the reward r at deploy. Settlement moves the
/// round's escrow into claimable balances, the `slashed` account and the `residue` account;
/// withdraw pays a claimable balance out. `checkInvariants()` states the conservation law.
public struct Contract: Equatable, Sendable {
    /// The deployed configuration.
    public let config: ContractConfig
    /// The account that deployed the contract (the requester; it receives consensus refunds).
    public let deployer: Address
    /// The deploy height, the start of round 0.
    public let deployHeight: Int
    /// The height of the last accepted transaction (the deploy height at first).
    public internal(set) var height: Int
    /// The current round, `0 ..< rounds`; equal to `rounds` once every round is settled.
    public internal(set) var round: Int
    /// s_r, the height at which the current round started.
    public internal(set) var roundStart: Int
    /// The current round's state of each member, indexed like `config.members`.
    public internal(set) var seats: [Seat]
    /// Claimable balance per account; accounts owed nothing are absent.
    public internal(set) var balances: [Address: Int]
    /// The contract's accounts.
    public internal(set) var funds: Funds
    /// One record per settled round, in order.
    public internal(set) var records: [RoundRecord]
    /// Member index by address.
    internal let memberIndex: [Address: Int]

    /// Deploys the contract: validates the configuration and, for consensus, takes the
    /// requester's reward from the deployer into escrow.
    /// - Parameters:
    ///   - config: the terms, checked by `ContractConfig.validate()`.
    ///   - deployer: the deploying account (the requester).
    ///   - height: the deploy block, `>= 0`; round 0 starts here.
    /// - Throws: `ContractError` for an invalid configuration or a negative height.
    /// - Complexity: O(n + rounds).
    public init(config: ContractConfig, deployer: Address, height: Int) throws(ContractError) {
        try config.validate()
        guard height >= 0 else { throw .negativeHeight(height) }
        self.config = config
        self.deployer = deployer
        self.deployHeight = height
        self.height = height
        self.round = 0
        self.roundStart = height
        self.seats = Array(repeating: Seat(), count: config.members.count)
        self.balances = [:]
        let reward = config.requesterReward
        self.funds = Funds(paidIn: reward, withdrawn: 0, slashed: 0, residue: 0, escrow: reward)
        self.records = []
        var index: [Address: Int] = [:]
        for (i, member) in config.members.enumerated() { index[member] = i }
        self.memberIndex = index
        assert(_checkInvariants().isEmpty, "\(_checkInvariants())")
    }

    /// Whether every round is settled.
    public var isFinished: Bool { round >= config.rounds }

    /// The current-round state of `member`, or `nil` for an address outside the federation.
    public func seat(of member: Address) -> Seat? {
        memberIndex[member].map { seats[$0] }
    }

    /// What `account` can withdraw now.
    public func balance(of account: Address) -> Int { balances[account] ?? 0 }

    /// Applies one transaction at block `height`.
    /// - Parameters:
    ///   - tx: the transaction.
    ///   - height: its block height, not below the last accepted height.
    /// - Throws: `ContractError` when any rule refuses it; the contract is then unchanged.
    /// - Complexity: O(1) for register, commit and withdraw; O(payload) for reveal;
    ///   O(m * (n + |C|)) for a PTSFD settle.
    public mutating func apply(_ tx: Transaction, at height: Int) throws(ContractError) {
        var next = self
        try next._apply(tx, at: height)
        assert(next._checkInvariants().isEmpty, "invariants: \(next._checkInvariants())")
        self = next
    }

    /// The transaction dispatcher; may leave `self` half-changed when it throws, which is why
    /// `apply` runs it on a copy.
    mutating func _apply(_ tx: Transaction, at height: Int) throws(ContractError) {
        guard height >= self.height else {
            throw .heightWentBackwards(height: height, last: self.height)
        }
        switch tx {
        case .withdraw(let sender):
            try _withdraw(sender)
        case .settle(let sender, let requested):
            try _settle(by: sender, round: requested, at: height)
        case .register(let sender, let value):
            try _register(member(sender), value: value, at: height)
        case .commit(let sender, let commitment):
            try _commit(member(sender), commitment, at: height)
        case .reveal(let sender, let payload):
            try _reveal(member(sender), payload, at: height)
        }
        self.height = height
    }

    /// The member index of `sender` while a round is open.
    /// - Throws: `contractFinished` after the last round, `notAMember` for a stranger.
    func member(_ sender: Address) throws(ContractError) -> Int {
        guard !isFinished else { throw .contractFinished(rounds: config.rounds) }
        guard let i = memberIndex[sender] else { throw .notAMember(sender) }
        return i
    }

    /// Adds `amount` to `account`'s claimable balance (nothing for 0).
    mutating func credit(_ amount: Int, to account: Address) throws(ContractError) {
        guard amount != 0 else { return }
        balances[account] = try checkedAdd(balance(of: account), amount, "balance of \(account)")
    }
}

// MARK: - Convenience

extension Contract {
    /// `apply(.register(sender:value:), at:)`.
    /// - Throws: see `apply(_:at:)`.
    public mutating func register(
        _ sender: Address, value: Int, at height: Int
    ) throws(ContractError) {
        try apply(.register(sender: sender, value: value), at: height)
    }

    /// `apply(.commit(sender:commitment:), at:)`.
    /// - Throws: see `apply(_:at:)`.
    public mutating func commit(
        _ sender: Address, _ commitment: Hash32, at height: Int
    ) throws(ContractError) {
        try apply(.commit(sender: sender, commitment: commitment), at: height)
    }

    /// `apply(.reveal(sender:payload:), at:)`.
    /// - Throws: see `apply(_:at:)`.
    public mutating func reveal(
        _ sender: Address, _ payload: RevealPayload, at height: Int
    ) throws(ContractError) {
        try apply(.reveal(sender: sender, payload: payload), at: height)
    }

    /// `apply(.settle(sender:round:), at:)`.
    /// - Throws: see `apply(_:at:)`.
    public mutating func settle(
        _ sender: Address, round: Int, at height: Int
    ) throws(ContractError) {
        try apply(.settle(sender: sender, round: round), at: height)
    }

    /// `apply(.withdraw(sender:), at:)`, returning the amount paid out.
    /// - Throws: see `apply(_:at:)`.
    @discardableResult
    public mutating func withdraw(_ sender: Address, at height: Int) throws(ContractError) -> Int {
        let amount = balance(of: sender)
        try apply(.withdraw(sender: sender), at: height)
        return amount
    }
}
