// Ledger: the smart contract that runs a mechanism, as a deterministic state machine.
//
// - `Keccak256` (the EVM's hash, original Keccak padding), `Hash32`, `Address` and
//   `PackedEncoding` (Solidity's `abi.encodePacked`), so every commitment is byte-identical
//   to what a Solidity contract computes.
// - `HashCommit`: the commit-reveal commitment of Witt et al. (Algorithm 2) and of Lu, Tang
//   and Wang (section IV), in the `paper` and `bound` schemes.
// - `Contract`: deploy (`ContractConfig`), then `Transaction`s (register, commit, reveal,
//   settle, withdraw) driven by block height, with PTSFD or consensus settlement delegated to
//   `Mechanisms`. Every refused transaction throws a typed `ContractError` and changes
//   nothing; amounts are integer units with checked arithmetic; `checkInvariants()` states
//   the conservation of funds and is the fuzzers' oracle.
