// Fuzz: adversarial campaigns against the contract and the mechanisms as they actually run.
//
// - Layer 1, stateful contract fuzzing (`ContractCampaign`): seeded sequences of transactions
//   from members and outsiders across phases and heights through the Ledger's contracts, with
//   the contract invariants (`FuzzPropertyID.contract`) checked after every step and every
//   violation shrunk to a shortest transaction sequence.
// - Layer 2, economic campaigns (`EconomicCampaign`): random federations drawn within a
//   spec's ranges, each round played through the contract, attackers from the
//   `StrategyCatalog` compared with honest play over paired replications and judged by a
//   one-sided test (`PairedTest`); equilibria among the catalogue's profiles.
// - Counterexamples (`CounterexampleFile`): versioned JSON holding everything that replays a
//   violation; shards and merging (`Shard`, `FuzzReport`).
//
// Every case's randomness derives from (seed, case index) alone, never from threads or shards.
import Mechanisms

/// The random stream of case `index` of a campaign seeded with `seed`: the one source of every
/// random choice the case makes, whatever thread or shard runs it.
public func caseGenerator(seed: UInt64, index: Int) -> SplitMix64 {
    SplitMix64(seed: seed, stream: UInt64(index))
}
