// Ledger: the smart contract that runs a mechanism, as a deterministic state machine.
//
// - `Keccak256` (the EVM's hash, original Keccak padding), `Hash32`, `Address` and
//   `PackedEncoding` (Solidity's `abi.encodePacked`), so every commitment is byte-identical
//   to what a Solidity contract computes.
// - `HashCommit`: the commit-reveal commitment of Witt et al. (Algorithm 2) and of Lu, Tang
//   and Wang (section IV), in the `paper` and `bound` schemes.
// - `Contract`: deploy (`ContractConfig`), then `Transaction`s (register, commit, reveal,
//   settle, withdraw) driven by block height. Every refused transaction throws a typed
//   `ContractError` and changes nothing; amounts are integer units with checked arithmetic;
//   `checkInvariants()` states the conservation of funds and is the fuzzers' oracle.
// - `RoundSettlement.ptsfd`: the one PTSFD settle-and-pay sequence (the contract, `settle` and
//   `budget-solvent` call it), in integer fixed point (`FixedPoint`, `FixedPointSettlement`,
//   `contracts/README.md` "Integer settlement") so that an EVM computes the same units;
//   consensus settlement is `Mechanisms.Consensus` (integer already).
