// Simulation: the round of Witt et al. with real training in the loop.
//
// - `FederationData`: the spec's IDX files, the seeded Dirichlet split into private sets and
//   X_pub, each worker's data-size limit, and the test subset.
// - `WorkerTraining`: builds a worker's network, trains it with early stopping, and produces
//   its `LocalPredictions` on X_pub (argmax, max softmax, local accuracy).
// - `PredictionBank`: trained weights and their X_pub predictions on disk, keyed by every
//   input that determines them, so later runs and campaigns reuse real predictions.
// - `FederatedContract`: the PTSFD contract of the Ledger driven through register, commit,
//   reveal and settle for each round.
// - `FederatedSimulation`: the whole run — train, report through the strategies, settle,
//   distil on (X_pub, Y_aggr), measure test accuracy — reporting progress as it goes and
//   returning a `SimulationResult` (plain data for tables and JSON).
// - `Consensus/`: the two machine-learning instantiations of Lu, Tang and Wang, section V
//   (`ClassifierEvaluation`, `OutsourcedTraining`, their task-specific `ConsensusWorker`s such
//   as `HonestEvaluator` and `TrainsFewerEpochs`), and `ConsensusRound`, which plays one round
//   of the Ledger's consensus contract, carrying out each worker's `ConsensusAction` (copiers
//   and withholders included). `ConsensusAction`, `ConsensusWorker` and the task-independent
//   attackers live in `Adversary`.
// - `WeightDigest`: Keccak-256 of a network's parameters.
