import Fuzz
import Ledger

/// A divergence between the Ledger and an EVM contract, everything needed to replay it: the
/// content of a file `serumcheck replay --evm FILE` runs again (exit 1 while it diverges).
public struct DifferentialCounterexample: Hashable, Sendable, Codable {
    /// The file format's version.
    public static let schema = 1
    /// What the file holds, to tell it from a property counterexample.
    public static let kind = "evm-divergence"

    /// `schema`.
    public var schema = Self.schema
    /// `kind`.
    public var kind = Self.kind
    /// The EVM contract the case diverged on (relative to the repository root for ours).
    public var contract: String
    /// The campaign seed.
    public var seed: UInt64
    /// The case index whose stream drew the case.
    public var caseIndex: Int
    /// The divergence of the shrunk case.
    public var divergence: Divergence
    /// The shrunk case.
    public var contractCase: ContractCase
    /// The number of steps before shrinking.
    public var originalSteps: Int
    /// The replays shrinking used.
    public var replays: Int
    /// The command that reproduces the campaign that found it.
    public var command: String

    /// A counterexample; see the properties.
    public init(
        contract: String, seed: UInt64, caseIndex: Int, divergence: Divergence, contractCase: ContractCase,
        originalSteps: Int, replays: Int, command: String
    ) {
        self.contract = contract
        self.seed = seed
        self.caseIndex = caseIndex
        self.divergence = divergence
        self.contractCase = contractCase
        self.originalSteps = originalSteps
        self.replays = replays
        self.command = command
    }

    /// The file name under a campaign's output directory: `evm-divergence-case-<k>.json`.
    public var fileName: String { "\(Self.kind)-case-\(caseIndex).json" }
}
