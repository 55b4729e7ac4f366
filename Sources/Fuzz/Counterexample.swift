/// A violation, everything needed to replay it: the versioned content of a counterexample file.
///
/// `serumcheck replay FILE` re-judges `property` on the stored federation (economic
/// properties) with the stored seeds, or replays the stored transaction sequence on the
/// Ledger's contract (contract invariants); it exits 1 while the violation is there and
/// 0 once it is gone, so committed counterexamples are regression tests.
public struct Counterexample: Hashable, Sendable, Codable {
    /// The file format's version.
    public static let schema = 1

    /// The file format's version (`schema`).
    public var schema: Int
    /// The property id.
    public var property: String
    /// The spec's name.
    public var specName: String
    /// The spec's path as given on the command line.
    public var specPath: String
    /// The spec file's text, embedded so the file replays without it.
    public var specText: String
    /// The campaign seed.
    public var seed: UInt64
    /// The case index whose stream drew the federation.
    public var caseIndex: Int
    /// The confidence of the paired test.
    public var confidence: Double
    /// The minimal federation (economic and equilibrium properties).
    public var federation: Federation?
    /// The profile left stable (`honest-unique-equilibrium`).
    public var profile: String?
    /// The minimal transaction sequence (contract invariants).
    public var contract: ContractCounterexample?
    /// The deciding comparison, in words.
    public var label: String
    /// Its test on the minimal federation.
    public var test: PairedTest?
    /// The federation's shape before shrinking (`n=10 m=211 |C|=10 R=32`).
    public var originalShape: String
    /// Shrinking evaluations spent.
    public var shrinkSteps: Int
    /// The command that reproduces the finding from scratch.
    public var command: String
    /// The minimal consensus federation (economic properties on a consensus spec).
    public var consensus: ConsensusFederation? = nil
}
