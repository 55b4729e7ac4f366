import Ledger

/// One `Transaction` as the host's `tx` request: the function, the sender, the wei sent and
/// the ABI arguments. Negative integers where the ABI has `uint256` (a settle of round -1, a
/// negative labelCount entry) are their two's complement, as the Ledger hashes a negative
/// labelCount word.
public struct EVMCall: Hashable, Sendable {
    /// `register`, `commit`, `reveal`, `settle` or `withdraw`.
    public var function: String
    /// `msg.sender`.
    public var sender: Address
    /// `msg.value`.
    public var value: Int
    /// The arguments in ABI order.
    public var args: [EVMValue]

    /// `tx` sent to a contract of `mechanism` compiled for `bounds`, or `nil` when its ABI
    /// cannot carry it: a reveal of the other mechanism's kind, a payload longer than the
    /// contract's `Bytes`/`DynArray` bound, or a negative value or height. Such a transaction
    /// never reaches a real chain; the Ledger must refuse it.
    public init?(_ tx: Transaction, height: Int, mechanism: String, bounds: EVMBounds) {
        guard height >= 0 else { return nil }
        sender = tx.sender
        value = 0
        switch tx {
        case .register(_, let value):
            guard value >= 0 else { return nil }
            function = "register"
            self.value = value
            args = []
        case .commit(_, let commitment):
            function = "commit"
            args = [.hex(commitment.bytes)]
        case .reveal(_, .labels(let y, let labelCount, let salt)):
            guard mechanism == "ptsfd", y.count <= bounds.samples, labelCount.count <= bounds.labelCount else {
                return nil
            }
            function = "reveal"
            args = [.hex(y), .list(labelCount.map(Self.uint256)), .hex(salt.bytes)]
        case .reveal(_, .result(let bytes, let salt)):
            guard mechanism == "consensus", bytes.count <= bounds.result else { return nil }
            function = "reveal"
            args = [.hex(bytes), .hex(salt.bytes)]
        case .settle(_, let round):
            function = "settle"
            args = [Self.uint256(round)]
        case .withdraw:
            function = "withdraw"
            args = []
        }
    }

    /// `x` as a uint256: itself when non-negative, else `2^256 + x`.
    static func uint256(_ x: Int) -> EVMValue {
        guard x < 0 else { return .int(x) }
        // 2^256 - |x|, by decimal subtraction.
        let twoTo256 = Array("115792089237316195423570985008687907853269984665640564039457584007913129639936".utf8)
        var digits = twoTo256.map { Int($0) - 48 }
        let magnitude = Array(String(x.magnitude).utf8).map { Int($0) - 48 }
        var borrow = 0
        for k in 0 ..< digits.count {
            let i = digits.count - 1 - k
            let sub = (k < magnitude.count ? magnitude[magnitude.count - 1 - k] : 0) + borrow
            digits[i] -= sub
            borrow = digits[i] < 0 ? 1 : 0
            if borrow == 1 { digits[i] += 10 }
        }
        return EVMValue.canonical(String(digits.map { Character(String($0)) }))
    }
}
