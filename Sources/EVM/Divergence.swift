import Foundation
import Fuzz
import Ledger

/// The first difference between the Ledger and the EVM in a case.
public struct Divergence: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What differs.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// One deployed and the other refused, or both refused for different reasons.
        case deploy
        /// One accepted the transaction and the other refused it.
        case acceptance
        /// Both refused, for different reasons (`ContractError.reason` against the revert string).
        case reason
        /// A field of the state after the transaction (`field` names it).
        case state
        /// The events of the transaction.
        case event
        /// The Ledger accepted a transaction the contract's ABI cannot carry.
        case inexpressible
    }

    /// What differs.
    public var kind: Kind
    /// The 0-based step, or -1 for the deployment.
    public var step: Int
    /// The transaction in words (`reveal by 0x.. at height 14`), empty for the deployment.
    public var transaction: String
    /// The state field (`records[0].payouts[1]`), `events[2]`, `accepted` or `reason`.
    public var field: String
    /// The Ledger's value.
    public var ledger: String
    /// The EVM's value.
    public var evm: String

    /// A divergence; see the properties.
    public init(kind: Kind, step: Int, transaction: String, field: String, ledger: String, evm: String) {
        self.kind = kind
        self.step = step
        self.transaction = transaction
        self.field = field
        self.ledger = ledger
        self.evm = evm
    }

    /// The way of diverging without the case's particulars: the kind, the field with its
    /// indices dropped (`state records[].payouts[]`) and, for a refusal, the Ledger's reason.
    public var signature: String {
        let field = self.field.replacingOccurrences(of: #"\[[0-9]+\]"#, with: "[]", options: .regularExpression)
        let reason = kind == .acceptance || kind == .reason ? " " + ledger.prefix { $0 != ":" } : ""
        return "\(kind.rawValue) \(field)\(reason)"
    }

    /// `step 3 (reveal by 0x.. at height 14): records[0].payouts[1]: Ledger 7, EVM 6`.
    public var description: String {
        let at = step < 0 ? "deploy" : "step \(step) (\(transaction))"
        return "\(at): \(field): Ledger \(ledger), EVM \(evm)"
    }
}

extension ContractStep {
    /// `reveal by 0x.. at height 14`.
    public var evmSummary: String {
        let tx = transaction
        let what: String
        switch tx {
        case .register(_, let value): what = "register (value \(value))"
        case .commit(_, let c): what = "commit \(c)"
        case .reveal(_, .labels(let y, let counts, _)): what = "reveal Y=\(Hex.encode(y)) labelCount=\(counts)"
        case .reveal(_, .result(let bytes, _)): what = "reveal result \(Hex.encode(bytes))"
        case .settle(_, let round): what = "settle round \(round)"
        case .withdraw: what = "withdraw"
        }
        return "\(what) by \(tx.sender) at height \(height)"
    }
}
