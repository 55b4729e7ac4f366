// Fuzz: adversarial campaigns against the contract and the mechanisms as they actually run.
//
// - Layer 1, stateful contract fuzzing (`ContractCampaign`, `TransactionGenerator`,
//   `ContractChecks`): seeded sequences of transactions from members and outsiders across
//   phases and heights through a `ContractUnderTest` (the Ledger's contract, or an injected
//   broken one), every contract invariant checked after every step, every violation shrunk
//   by `ContractShrinker` to a shortest sequence (the delta debugging of
//   `ContractCaseShrinker`, which shrinks against any predicate, e.g. an EVM divergence).
// - Layer 2, economic campaigns (`EconomicCampaign`): federations drawn within a spec's
//   ranges (`Federation`, with `SyntheticModel` workers or real `BankModels`), each round
//   played through Simulation's `FederatedContract` (`EconomicRound`), attackers from the
//   `StrategyCatalog` compared with honest play over paired replications (`EconomicProperty`,
//   `EconomicScenario`) and judged by a one-sided test (`PairedTest` over `StudentT`);
//   equilibria among the catalogue's profiles (`EquilibriumProfile`); the pipeline's
//   `distillation-helps-honest` (`PipelineCheck`). On a consensus spec the same campaign
//   draws a `ConsensusFederation` (a synthetic task, d, r, a consensus background) and judges
//   `ConsensusScenario`s through Simulation's `ConsensusRound` (`EconomicCampaign+Consensus`).
// - Findings: mergeable summaries (`PropertySummary`, `ProfileSummary`), versioned
//   counterexample files (`Counterexample`) and their `Replay`, the corpus (`CorpusEntry`),
//   the report (`FuzzReport`), and the run that ties it together (`FuzzSession`).
//
// Every case's randomness derives from (seed, case index) alone, never from threads or shards.
import Mechanisms

/// The random stream of case `index` of a campaign seeded with `seed`: the one source of every
/// random choice the case makes, whatever thread or shard runs it.
public func caseGenerator(seed: UInt64, index: Int) -> SplitMix64 {
    SplitMix64(seed: seed, stream: UInt64(index))
}
