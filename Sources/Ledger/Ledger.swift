// Ledger: the smart contract that runs a mechanism, as a deterministic state machine.
// (overview to be completed with the module)
