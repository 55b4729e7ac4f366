import Foundation
import Fuzz
import Ledger

/// What running one case on the Ledger and the EVM found.
public struct DifferentialOutcome: Hashable, Sendable {
    /// The first difference, or `nil` when both agreed on every step.
    public var divergence: Divergence?
    /// Why the case's configuration cannot be deployed on the EVM (then nothing ran).
    public var notDeployable: NotDeployable?
    /// Steps run (up to and including a diverging one).
    public var transactions = 0
    /// Steps the Ledger accepted.
    public var accepted = 0
    /// Transactions sent to the EVM (the deployment not counted).
    public var evmTransactions = 0
    /// Steps the contract's ABI cannot carry (refused by the Ledger, not sent).
    public var inexpressible = 0
    /// Gas of the EVM transactions (intrinsic cost included), the deployment not counted.
    public var gas = 0
}

/// Runs `ContractCase`s on the Ledger's `Contract` and on EVM contracts in one host, step by
/// step, up to the first divergence: the deployment (accepted or refused, and why), then per
/// transaction acceptance, the refusal reason, the state after it (`evmState`) and, for an
/// accepted one, its events (`evmEvents`).
public struct DifferentialReplay {
    /// The host the EVM side runs in.
    public let host: EVMHost
    /// The contract deployed for each mechanism (`"ptsfd"`, `"consensus"`).
    public let contracts: [String: EVMContract]

    /// A replay over `contracts` (at most one per mechanism) loaded in `host`.
    public init(host: EVMHost, contracts: [EVMContract]) {
        self.host = host
        self.contracts = Dictionary(contracts.map { ($0.mechanism, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Loads `paths` (our shipped contracts when empty, those that exist) into `host`.
    /// - Throws: `EVMError` when a contract does not load, or none is found.
    public static func loading(_ paths: [String], into host: EVMHost) throws(EVMError) -> DifferentialReplay {
        var chosen = paths
        if chosen.isEmpty {
            chosen = EVMContract.shipped.values.sorted().filter {
                FileManager.default.fileExists(atPath: host.root.appendingPathComponent($0).path)
            }
        }
        var contracts: [EVMContract] = []
        for path in chosen { contracts.append(try EVMContract.load(path, into: host)) }
        guard !contracts.isEmpty else { throw .noContract(mechanism: "ptsfd or consensus") }
        return DifferentialReplay(host: host, contracts: contracts)
    }

    /// The mechanism name of `config`.
    static func mechanism(of config: ContractConfig) -> String {
        switch config.mechanism {
        case .ptsfd: "ptsfd"
        case .consensus: "consensus"
        }
    }

    /// Runs `contractCase` on both sides up to its first divergence.
    /// - Throws: `EVMError` when the host fails or no contract runs the case's mechanism.
    /// - Complexity: one host request per step the ABI can carry, plus the deployment.
    public func run(_ contractCase: ContractCase) throws(EVMError) -> DifferentialOutcome {
        var outcome = DifferentialOutcome()
        let mechanism = Self.mechanism(of: contractCase.config)
        guard let contract = contracts[mechanism] else { throw .noContract(mechanism: mechanism) }
        let deployment: EVMDeployment
        do { deployment = try EVMDeployment(config: contractCase.config, bounds: contract.bounds) } catch {
            outcome.notDeployable = error
            return outcome
        }
        try host.load(contract.file)
        let reply = try host.request([
            "op": .text("deploy"), "mechanism": .text(mechanism),
            "args": .list(deployment.args), "value": .int(deployment.value),
            "deployer": .address(contractCase.deployer), "address": .address(contractCase.config.contract),
            "height": .int(contractCase.deployHeight),
        ])
        var ledger: Contract
        do {
            ledger = try Contract(config: contractCase.config, deployer: contractCase.deployer, height: contractCase.deployHeight)
        } catch {
            if reply["ok"] == EVMValue.bool(true) {
                outcome.divergence = Divergence(
                    kind: .deploy, step: -1, transaction: "", field: "deployed",
                    ledger: "refused (\(error.reason))", evm: "deployed")
            } else if reply["reason"] != EVMValue.text(error.reason) {
                outcome.divergence = Divergence(
                    kind: .deploy, step: -1, transaction: "", field: "reason",
                    ledger: error.reason, evm: Self.reason(of: reply))
            }
            return outcome
        }
        guard reply["ok"] == EVMValue.bool(true) else {
            outcome.divergence = Divergence(
                kind: .deploy, step: -1, transaction: "", field: "deployed", ledger: "deployed",
                evm: "refused (\(Self.reason(of: reply)))")
            return outcome
        }
        if let d = Self.stateDifference(ledger, reply, step: -1, transaction: "") {
            outcome.divergence = d
            return outcome
        }
        for (k, step) in contractCase.steps.enumerated() {
            outcome.transactions += 1
            let before = ledger
            var refusal: ContractError? = nil
            do { try ledger.apply(step.transaction, at: step.height) } catch { refusal = error }
            if refusal == nil { outcome.accepted += 1 }
            let summary = step.evmSummary
            guard let call = EVMCall(step.transaction, height: step.height, mechanism: mechanism, bounds: contract.bounds) else {
                outcome.inexpressible += 1
                if refusal == nil {
                    outcome.divergence = Divergence(
                        kind: .inexpressible, step: k, transaction: summary, field: "accepted",
                        ledger: "accepted", evm: "not expressible in the contract's ABI")
                    return outcome
                }
                continue
            }
            let reply = try host.request([
                "op": .text("tx"), "fn": .text(call.function), "sender": .address(call.sender),
                "value": .int(call.value), "height": .int(step.height), "args": .list(call.args),
            ])
            outcome.evmTransactions += 1
            if case .integer(let gas)? = reply["gas"], let g = Int(gas) { outcome.gas += g }
            let evmAccepted = reply["ok"] == EVMValue.bool(true)
            if let d = Self.difference(
                ledger: ledger, before: before, refusal: refusal, reply: reply, evmAccepted: evmAccepted,
                step: k, tx: step.transaction, summary: summary)
            {
                outcome.divergence = d
                return outcome
            }
        }
        return outcome
    }

    /// The first difference after one transaction: acceptance, reason, state, events.
    static func difference(
        ledger: Contract, before: Contract, refusal: ContractError?, reply: EVMValue, evmAccepted: Bool,
        step k: Int, tx: Transaction, summary: String
    ) -> Divergence? {
        switch (refusal, evmAccepted) {
        case (let error?, true):
            return Divergence(
                kind: .acceptance, step: k, transaction: summary, field: "accepted",
                ledger: "refused (\(error.reason): \(error))", evm: "accepted")
        case (nil, false):
            return Divergence(
                kind: .acceptance, step: k, transaction: summary, field: "accepted", ledger: "accepted",
                evm: "refused (\(reason(of: reply)))")
        case (let error?, false):
            if reply["reason"] != EVMValue.text(error.reason) {
                return Divergence(
                    kind: .reason, step: k, transaction: summary, field: "reason", ledger: error.reason,
                    evm: reason(of: reply))
            }
            // Both refused for the same reason: neither state can have moved (`Contract.apply`
            // changes nothing when it throws, and a revert undoes every storage write, which is
            // why the host answers a revert with the state it last read), so both still equal
            // the states compared after the last accepted step. Most fuzzed steps end here.
            return nil
        case (nil, true):
            if let d = stateDifference(ledger, reply, step: k, transaction: summary) { return d }
            let expected = ledger.evmEvents(of: tx, from: before)
            var found: [EVMEvent] = []
            if case .list(let events)? = reply["events"] {
                found = events.map { EVMEvent(host: $0) ?? EVMEvent("<malformed \($0)>", [:]) }
            }
            for e in 0 ..< max(expected.count, found.count) {
                let a = e < expected.count ? expected[e].description : "none"
                let b = e < found.count ? found[e].description : "none"
                if a != b {
                    return Divergence(kind: .event, step: k, transaction: summary, field: "events[\(e)]", ledger: a, evm: b)
                }
            }
            return nil
        }
    }

    /// The first state field where the host's reply differs from the Ledger's state.
    static func stateDifference(_ ledger: Contract, _ reply: EVMValue, step: Int, transaction: String) -> Divergence? {
        guard let state = reply["state"] else {
            return Divergence(kind: .state, step: step, transaction: transaction, field: "state", ledger: "a state", evm: "none in the reply")
        }
        guard let d = ledger.evmState.firstDifference(from: state, at: "") else { return nil }
        return Divergence(
            kind: .state, step: step, transaction: transaction, field: d.path, ledger: d.expected.description,
            evm: d.found.description)
    }

    /// The revert reason of a reply (`<none>` for a revert without one).
    static func reason(of reply: EVMValue) -> String {
        switch reply["reason"] {
        case .text(let r)?: r.isEmpty ? "<empty>" : r
        case let other?: other.description
        case nil: "<none>"
        }
    }
}
