import Ledger

/// A contract implementation the fuzzer can drive: the Ledger's `Contract`, a deliberately
/// broken variant in a test, or later an EVM-backed deployment.
///
/// Value semantics: a copy is a snapshot of the whole state, and `==` compares two snapshots
/// exactly (the `refusal-no-effect` property compares the state before and after a refused
/// transaction). The readable state is what the checkers of `FuzzPropertyID.contract` read.
public protocol ContractUnderTest: Equatable, Sendable {
    /// Deploys the contract.
    /// - Parameters:
    ///   - config: the deployed terms.
    ///   - deployer: the deploying account (the consensus requester).
    ///   - height: the deploy block.
    /// - Throws: `ContractError` when the configuration is refused.
    init(config: ContractConfig, deployer: Address, height: Int) throws(ContractError)

    /// Applies one transaction at block `height`.
    /// - Throws: `ContractError` when the contract refuses it (and then must change nothing).
    mutating func apply(_ tx: Transaction, at height: Int) throws(ContractError)

    /// The deployed configuration.
    var config: ContractConfig { get }
    /// The deploying account.
    var deployer: Address { get }
    /// The height of the last accepted transaction.
    var height: Int { get }
    /// The current round (`config.rounds` once finished).
    var round: Int { get }
    /// The height at which the current round started.
    var roundStart: Int { get }
    /// Each member's current-round seat, indexed like `config.members`.
    var seats: [Seat] { get }
    /// Claimable balance per account (absent accounts are owed nothing).
    var balances: [Address: Int] { get }
    /// The contract's accounts.
    var funds: Funds { get }
    /// One record per settled round.
    var records: [RoundRecord] { get }
    /// The implementation's own consistency check; empty when consistent.
    func checkInvariants() -> [String]
}

extension Contract: ContractUnderTest {}

extension ContractUnderTest {
    /// What `account` can withdraw now.
    @inlinable public func claimable(_ account: Address) -> Int { balances[account] ?? 0 }

    /// Whether every round is settled.
    @inlinable public var finished: Bool { round >= config.rounds }

    /// The commit window of the current round, `[s_r, s_r + commitWindow)`, saturating.
    public var commitWindow: Range<Int> {
        roundStart ..< Self.saturating(roundStart, config.commitWindow)
    }

    /// The reveal window of the current round, right after the commit window.
    public var revealWindow: Range<Int> {
        let open = commitWindow.upperBound
        return open ..< Self.saturating(open, config.revealWindow)
    }

    /// The hashCommit of `payload` by `sender` in the current round, computed from the
    /// configuration alone (not by the implementation under test).
    /// - Complexity: O(payload size).
    public func expectedCommitment(of payload: RevealPayload, by sender: Address) -> Hash32 {
        payload.hashCommit(
            scheme: config.commitmentScheme, sender: sender, contract: config.contract,
            round: round)
    }

    static func saturating(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }
}
