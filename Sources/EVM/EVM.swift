// EVM: the Ledger's contract against a real contract on py-evm, transaction for transaction.
//
// - `EVMHost`: the long-lived `python contracts/evm_host.py` child (titanoboa, vyper) and its
//   JSON-lines protocol (contracts/README.md, "Host protocol"); `EVMHost+Locate` finds the
//   repository root and the project's Python, and names what `scripts/setup` must install.
// - `EVMContract`: a loaded Vyper contract, its mechanism and its compiled bounds (`EVMBounds`).
// - `EVMDeployment`: the constructor arguments of a `ContractConfig`, or why the EVM cannot
//   express it (`NotDeployable`); `EVMCall`: one `Transaction` as a call, or `nil` when the
//   ABI cannot carry it.
// - `EVMValue`: the host's state and events in one canonical form; `Contract+EVMState`: the
//   Ledger's state, and the events of each transition, in that form.
// - `Divergence` and `DifferentialReplay`: a `ContractCase` on both, up to the first difference;
//   `DifferentialCampaign`: the stateful contract campaign run on both, every divergence shrunk
//   by `ContractCaseShrinker` and written as a replayable `DifferentialCounterexample`.
import Ledger
