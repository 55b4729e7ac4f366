// Adversary: what a worker reports, given what its own model predicts, and what it does with
// the contract.
//
// - `LocalPredictions`: a worker model's argmax labels and max softmax probabilities on X_pub,
//   with its local accuracy, from which the certainty A_ij of Eq. 5 follows.
// - `WorkerStrategy`: the protocol every behaviour conforms to; `ReportContext` and
//   `WorkerReport` are its input and output (Y with 0xFF for "no report", and labelCount);
//   `conduct` (`ProtocolConduct`, `OutOfProtocolMove`) and `identities` state what the worker
//   does beyond its report, for whoever drives the contract to carry out.
// - The strategies of Witt et al., section 5: `HonestStrategy` (reports its argmax where
//   A_ij reaches the threshold), `HeuristicStrategy` (no training, labels drawn from a
//   distribution) and `ColludingStrategy` (maps its predictions through a class map).
// - The attacker catalogue, one type a file, each acting on its own model's predictions only:
//   report-level `MisreportStrategy` (a class map, alone), `CertaintyThresholdStrategy`
//   (reports only A_ij >= its own threshold, Eq. 7), `PaddingStrategy` (adds unsure or random
//   reports below the threshold), `LabelCountLiarStrategy` (honest Y, a false labelCount,
//   `LabelCountLie`); protocol-level `CommitmentCopierStrategy` (copies another worker's
//   commitment and reveal), `RevealWithholderStrategy` (withholds its reveal when revealing
//   pays less than its deposit), `OutOfProtocolSender` (also sends a transaction the contract
//   must refuse); identity-level `SybilStrategy` (k seats, one model).
// - `StrategyCatalog`: names (as written in specs, each type's `static let name`) to strategy
//   factories over `StrategyParameters`; specs resolve `[strategies]` names through
//   `StrategyCatalog.standard`.
// - Consensus (Lu, Tang and Wang, sections IV to VI): `ConsensusAction` (what a worker does in
//   a commit-reveal round), the `ConsensusWorker` protocol, and the task-independent
//   attackers `NonSubmitting`, `LazyGuesser`, `JunkSubmitter`, `CommitmentCopier`,
//   `Withholder`, and the Table II coalition strategies `ConsensusCoalition` (sigma_1 ...
//   sigma_7) with their `CoalitionMember`s, and `ConsensusHonest`. `ConsensusRound`
//   (Simulation) carries them out. The catalogue's consensus table
//   (`StrategyCatalog+Consensus.swift`) names them over a `SyntheticConsensusTask`, with
//   `ConsensusStrategyParameters`, for consensus specs' `[strategies]` and `fuzz`.
//
// Plain data in, plain data out: no training, no contract, no I/O.
