import Ledger

/// One transaction of a contract case and the block height it is sent at.
public struct ContractStep: Hashable, Sendable, Codable {
    /// The block height.
    public var height: Int
    /// The transaction.
    public var transaction: Transaction

    /// A step; see the properties.
    public init(height: Int, transaction: Transaction) {
        self.height = height
        self.transaction = transaction
    }
}

/// Everything that replays one contract case: the deployed configuration, the deployer, the
/// deploy height and the transactions in order. Round-trips through JSON exactly, so a
/// counterexample file can embed it.
public struct ContractCase: Hashable, Sendable, Codable {
    /// The deployed terms (either mechanism).
    public var config: ContractConfig
    /// The deploying account.
    public var deployer: Address
    /// The deploy height.
    public var deployHeight: Int
    /// The transactions with their heights, in order.
    public var steps: [ContractStep]

    /// A case; see the properties.
    public init(config: ContractConfig, deployer: Address, deployHeight: Int, steps: [ContractStep]) {
        self.config = config
        self.deployer = deployer
        self.deployHeight = deployHeight
        self.steps = steps
    }

    /// Deploys the case's contract on implementation `C`.
    /// - Throws: `ContractError` when `C` refuses the configuration.
    public func deploy<C: ContractUnderTest>(_: C.Type) throws(ContractError) -> C {
        try C(config: config, deployer: deployer, height: deployHeight)
    }
}

/// A broken contract property: which property, in which case, at which step, and why.
public struct ContractViolation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The property (a `.contract`-layer id).
    public var property: FuzzPropertyID
    /// The case index within its campaign (0 for a lone replay).
    public var caseIndex: Int
    /// The 0-based index of the step after which the property failed.
    public var step: Int
    /// What failed, with the values involved.
    public var message: String

    /// A violation; see the properties.
    public init(property: FuzzPropertyID, caseIndex: Int, step: Int, message: String) {
        self.property = property
        self.caseIndex = caseIndex
        self.step = step
        self.message = message
    }

    /// `property, case c, step s: message`.
    public var description: String {
        "\(property.rawValue), case \(caseIndex), step \(step): \(message)"
    }
}
