// Adversary: what a worker reports, given what its own model predicts.
//
// - `LocalPredictions`: a worker model's argmax labels and max softmax probabilities on X_pub,
//   with its local accuracy, from which the certainty A_ij of Eq. 5 follows.
// - `WorkerStrategy`: the protocol every behaviour conforms to; `ReportContext` and
//   `WorkerReport` are its input and output (Y with 0xFF for "no report", and labelCount).
// - The strategies of Witt et al., section 5: `HonestStrategy` (reports its argmax where
//   A_ij reaches the threshold), `HeuristicStrategy` (no training, labels drawn from a
//   distribution) and `ColludingStrategy` (maps its predictions through a class map).
// - `StrategyCatalog`: names (as written in specs) to strategy factories; later work
//   registers new strategies here instead of growing a switch.
// - Consensus (Lu, Tang and Wang, sections IV to VI): `ConsensusAction` (what a worker does in
//   a commit-reveal round), the `ConsensusWorker` protocol, and the task-independent
//   attackers `NonSubmitting`, `LazyGuesser`, `JunkSubmitter`, `CommitmentCopier`,
//   `Withholder`, and the Table II coalition strategies `ConsensusCoalition` (sigma_1 ...
//   sigma_7) with their `CoalitionMember`s. `ConsensusRound` (Simulation) carries them out.
//
// Plain data in, plain data out: no training, no contract, no I/O.
