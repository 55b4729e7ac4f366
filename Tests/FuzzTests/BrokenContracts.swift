import Fuzz
import Mechanisms

@testable import Ledger

/// A contract that forwards to the Ledger's `Contract`, so a broken variant overrides `apply`.
protocol LedgerWrapper: ContractUnderTest {
    var inner: Contract { get set }
    init(inner: Contract)
}

extension LedgerWrapper {
    init(config: ContractConfig, deployer: Address, height: Int) throws(ContractError) {
        self.init(inner: try Contract(config: config, deployer: deployer, height: height))
    }
    var config: ContractConfig { inner.config }
    var deployer: Address { inner.deployer }
    var height: Int { inner.height }
    var round: Int { inner.round }
    var roundStart: Int { inner.roundStart }
    var seats: [Seat] { inner.seats }
    var balances: [Address: Int] { inner.balances }
    var funds: Funds { inner.funds }
    var records: [RoundRecord] { inner.records }
    func checkInvariants() -> [String] { inner.checkInvariants() }
}

/// Accepts a reveal whose hash does not match the commitment (breaks `reveal-binding`).
struct AcceptsAnyReveal: LedgerWrapper {
    var inner: Contract
    mutating func apply(_ tx: Transaction, at height: Int) throws(ContractError) {
        do {
            try inner.apply(tx, at: height)
        } catch .revealMismatch(let sender, _, _) {
            guard case .reveal(_, let payload) = tx else { throw .notAMember(sender) }
            inner.seats[inner.memberIndex[sender]!].reveal = payload
            inner.height = height
        }
    }
}

/// Leaves withholders out of the record's slashed list (breaks `withholding-slashed`).
struct ForgetsWithholders: LedgerWrapper {
    var inner: Contract
    mutating func apply(_ tx: Transaction, at height: Int) throws(ContractError) {
        let before = inner
        try inner.apply(tx, at: height)
        guard case .settle = tx else { return }
        let withholders = before.seats.indices.filter {
            before.seats[$0].registered && before.seats[$0].reveal == nil
        }.map { before.config.members[$0] }
        inner.records[inner.records.count - 1].slashed.removeAll { withholders.contains($0) }
    }
}

/// Moves the height forward even when it refuses a transaction (breaks `refusal-no-effect`).
struct MovesOnRefusal: LedgerWrapper {
    var inner: Contract
    mutating func apply(_ tx: Transaction, at height: Int) throws(ContractError) {
        do {
            try inner.apply(tx, at: height)
        } catch {
            if height > inner.height && height < inner.settleHeight { inner.height = height }
            throw error
        }
    }
}
