import Fuzz
import Ledger
import Mechanisms

extension ContractUnderTest {
    /// The state the EVM host reports for this contract (contracts/README.md, "Host protocol"):
    /// height, round, round start, the seats in member order (commitment and `reveal_hash`, the
    /// keccak256 of the revealed Y or result, zero when absent), the claimable balances of the
    /// members and the deployer (zero balances omitted), the funds, and one record per settled
    /// round (labels as bytes, `0xFF` for -1; integer reward units).
    /// - Complexity: O(members + records * (workers + samples)).
    public var evmState: EVMValue {
        let zero = EVMValue.hex(Hash32.zero.bytes)
        let seats: [EVMValue] = seats.map { seat in
            var revealHash = zero
            switch seat.reveal {
            case .labels(let y, _, _)?: revealHash = .hex(Keccak256.hash(y).bytes)
            case .result(let bytes, _)?: revealHash = .hex(Keccak256.hash(bytes).bytes)
            case nil: break
            }
            return .object([
                "registered": .bool(seat.registered), "committed": .bool(seat.commitment != nil),
                "commitment": seat.commitment.map { .hex($0.bytes) } ?? zero,
                "revealed": .bool(seat.reveal != nil), "reveal_hash": revealHash,
            ])
        }
        var claimable: [String: EVMValue] = [:]
        for account in config.members + [deployer] where self.claimable(account) != 0 {
            claimable[account.description] = .int(self.claimable(account))
        }
        return .object([
            "height": .int(height), "round": .int(round), "round_start": .int(roundStart),
            "seats": .list(seats), "claimable": .object(claimable),
            "funds": .object([
                "paid_in": .int(funds.paidIn), "withdrawn": .int(funds.withdrawn), "slashed": .int(funds.slashed),
                "residue": .int(funds.residue), "escrow": .int(funds.escrow),
            ]),
            "records": .list(records.map(\.evmRecord)),
        ])
    }

    /// The events the EVM contract emits for `tx`, accepted at this state from `before`
    /// (contracts/README.md, "Events"): `Registered`, `Committed`, `Revealed`; for a settle
    /// `Slashed` per slashed member, `Paid` per amount above 0 (workers in member order, then a
    /// consensus refund to the deployer) and `Settled`; `Withdrawn`.
    public func evmEvents(of tx: Transaction, from before: Self) -> [EVMEvent] {
        let round = EVMValue.int(before.round)
        switch tx {
        case .register(let sender, _):
            return [EVMEvent("Registered", ["member": .address(sender), "round": round])]
        case .commit(let sender, let commitment):
            return [EVMEvent("Committed", ["member": .address(sender), "round": round, "commitment": .hex(commitment.bytes)])]
        case .reveal(let sender, _):
            return [EVMEvent("Revealed", ["member": .address(sender), "round": round])]
        case .settle(let sender, _):
            guard let record = records.last else { return [] }
            var events = record.slashed.map { EVMEvent("Slashed", ["round": round, "member": .address($0)]) }
            for (worker, amount) in zip(record.workers, record.payouts) where amount > 0 {
                events.append(EVMEvent("Paid", ["round": round, "account": .address(worker), "amount": .int(amount)]))
            }
            if record.requesterRefund > 0 {
                events.append(EVMEvent("Paid", ["round": round, "account": .address(deployer), "amount": .int(record.requesterRefund)]))
            }
            events.append(EVMEvent("Settled", ["round": round, "settled_by": .address(sender)]))
            return events
        case .withdraw(let sender):
            return [EVMEvent("Withdrawn", ["account": .address(sender), "amount": .int(before.claimable(sender))])]
        }
    }
}

extension RoundRecord {
    /// The record as the host's `state.records[r]` shows it.
    var evmRecord: EVMValue {
        var record: [String: EVMValue] = [
            "start_height": .int(startHeight), "settle_height": .int(settleHeight),
            "settled_by": .address(settledBy), "paid_in": .int(paidIn), "slashed_amount": .int(slashedAmount),
            "residue": .int(residue), "shortfall": .bool(shortfall), "requester_refund": .int(requesterRefund),
            "allocation_seed": allocationSeed.map { .int($0) } ?? .null,
            "workers": .list(workers.map(EVMValue.address)), "payouts": .list(payouts.map { .int($0) }),
            "slashed": .list(slashed.map(EVMValue.address)),
            "labels": .hex(labels.map { $0 < 0 ? 0xFF : UInt8(truncatingIfNeeded: $0) }),
        ]
        record["rewards"] = .list(rewardUnits.map { .int($0) })
        return .object(record)
    }
}

/// One event a transaction emits: its name and its arguments by name.
public struct EVMEvent: Hashable, Sendable, Codable, CustomStringConvertible {
    /// `Registered`, `Paid`, ...
    public var name: String
    /// The arguments by name, in canonical form.
    public var args: [String: EVMValue]

    /// An event; see the properties.
    public init(_ name: String, _ args: [String: EVMValue]) {
        self.name = name
        self.args = args
    }

    /// The event from a host reply's `{"name": ..., "args": {...}}`, or `nil` when malformed.
    init?(host value: EVMValue) {
        guard case .text(let name)? = value["name"], case .object(let args)? = value["args"] else { return nil }
        self.init(name, args)
    }

    /// `Paid(account: 0x.., amount: 7, round: 0)`.
    public var description: String {
        "\(name)(" + args.keys.sorted().map { "\($0): \(args[$0]!.description)" }.joined(separator: ", ") + ")"
    }
}
