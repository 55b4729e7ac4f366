import Ledger
import Mechanisms

/// Why a configuration cannot be deployed on the EVM contract at all. Such a case is counted
/// apart and never taken for equivalence.
public struct NotDeployable: Error, Hashable, Sendable, CustomStringConvertible {
    /// What the contract cannot express, with the value.
    public var reason: String

    public var description: String { reason }
}

/// The constructor call of contracts/README.md for a `ContractConfig`: the arguments in order,
/// the value sent (the consensus reward r) and the mechanism whose contract deploys it.
public struct EVMDeployment: Hashable, Sendable {
    /// `"ptsfd"` or `"consensus"`.
    public var mechanism: String
    /// The constructor arguments in ABI order (integers as decimal text, bytes as hex).
    public var args: [EVMValue]
    /// The wei sent with the deployment: r for consensus, 0 for PTSFD.
    public var value: Int

    /// The deployment of `config` on a contract compiled for `bounds`.
    ///
    /// PTSFD: `(members, deposit, commit_window, reveal_window, classes, samples, beta_wad,
    /// lambda_wads, units_per_reward, normalization, aggregation, label_count_policy,
    /// commitment, peers_per_sample, payout, allocation_seed)`, knobs 0 for `paper` and 1 for
    /// the hardened value, `peers_per_sample` 0 for `all`. Consensus: `(members, deposit,
    /// commit_window, reveal_window, reward, junk_all_zero, junk_all_one, junk_equal_to_input,
    /// input, commitment)`.
    /// - Throws: `NotDeployable` for a non-finite beta or lambda or one beyond
    ///   `FixedPoint.maximumParameter`, a `minimumEntropy` junk rule, a negative reward (the
    ///   deployment's value), `peersPerSample = .k(0)` (0 encodes `all`), or a size beyond
    ///   `bounds`. Other negative integers go as their two's complement, which the contracts
    ///   refuse for the Ledger's reason.
    public init(config: ContractConfig, bounds: EVMBounds) throws(NotDeployable) {
        let n = config.members.count
        guard n <= bounds.members else {
            throw NotDeployable(reason: "\(n) members, the contract holds at most \(bounds.members)")
        }
        // Negative Ints go as their two's complement: the contracts read a word at or above
        // 2^255 as negative and refuse it for the Ledger's reason (contracts/README.md).
        let uint = EVMCall.uint256
        var args: [EVMValue] = [
            .list(config.members.map(EVMValue.address)), uint(config.deposit), uint(config.commitWindow),
            uint(config.revealWindow),
        ]
        switch config.mechanism {
        case .ptsfd(let terms):
            mechanism = "ptsfd"
            value = 0
            guard terms.lambdaSchedule.count <= bounds.rounds else {
                throw NotDeployable(reason: "\(terms.lambdaSchedule.count) rounds, the contract holds at most \(bounds.rounds)")
            }
            guard terms.samples <= bounds.samples else {
                throw NotDeployable(reason: "\(terms.samples) samples, the contract holds at most \(bounds.samples)")
            }
            guard terms.classes <= bounds.classes else {
                throw NotDeployable(reason: "\(terms.classes) classes, the contract holds at most \(bounds.classes)")
            }
            let beta = try Self.wad(terms.beta, name: "beta")
            var lambdas: [EVMValue] = []
            for (r, lambda) in terms.lambdaSchedule.enumerated() {
                lambdas.append(.int(try Self.wad(lambda, name: "lambdaSchedule[\(r)]")))
            }
            let knobs = terms.knobs
            let peers: Int
            switch knobs.peersPerSample {
            case .all: peers = 0
            case .k(let k): peers = k
            }
            if case .k(0) = knobs.peersPerSample {
                throw NotDeployable(reason: "peers per sample k = 0 has no encoding (0 means all)")
            }
            args += [
                uint(terms.classes), uint(terms.samples), .int(beta), .list(lambdas), uint(terms.unitsPerReward),
                .int(knobs.normalization == .proper ? 1 : 0), .int(knobs.aggregation == .argmax ? 1 : 0),
                .int(knobs.labelCount == .verified ? 1 : 0), .int(knobs.commitment == .bound ? 1 : 0),
                uint(peers), .int(knobs.payout == .balanced ? 1 : 0), .int(terms.allocationSeed),
            ]
        case .consensus(let terms):
            mechanism = "consensus"
            guard terms.reward >= 0 else {
                throw NotDeployable(reason: "reward \(terms.reward) is negative (a uint256 on the EVM)")
            }
            value = terms.reward
            var allZero = false, allOne = false, equalToInput = false
            for rule in terms.junk.rules {
                switch rule {
                case .allZero: allZero = true
                case .allOne: allOne = true
                case .equalToInput: equalToInput = true
                case .minimumEntropy(let bits):
                    throw NotDeployable(reason: "the junk rule minimumEntropy(\(bits)) is not expressible on chain")
                }
            }
            guard terms.input.count <= bounds.result else {
                throw NotDeployable(reason: "an input of \(terms.input.count) bytes, the contract holds at most \(bounds.result)")
            }
            args += [
                .int(terms.reward), .bool(allZero), .bool(allOne), .bool(equalToInput), .hex(terms.input),
                .int(terms.commitment == .bound ? 1 : 0),
            ]
        }
        self.args = args
    }

    /// `parameter` as a wad, or why it cannot be one.
    static func wad(_ parameter: Double, name: String) throws(NotDeployable) -> Int128 {
        guard parameter.isFinite, abs(parameter) <= FixedPoint.maximumParameter else {
            throw NotDeployable(reason: "\(name) = \(parameter) is not a finite number within ±\(Int(FixedPoint.maximumParameter)) (parameterOutOfRange)")
        }
        return FixedPoint.wad(parameter)
    }
}
