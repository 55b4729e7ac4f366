// Mechanisms: the pure mathematics of the two reward mechanisms serumcheck checks.
//
// - PTSFD, the Peer Truth Serum for Federated Distillation (Witt et al., section 3.2 and
//   Algorithms 1 and 3): `VoteMatrix`, `labelCount`, `PTSFD.settle`, the literal oracle
//   `Algorithm3`, majority aggregation, peer allocation (section 4.7) and the integer
//   `Payout` rules that turn real rewards into contract amounts.
// - The commit-reveal consensus mechanism of Lu, Tang and Wang (sections IV and VI):
//   `Consensus` with its reward clauses and the common-knowledge junk set `CommonKnowledgeSet`.
//
// Every choice the papers leave open or print ambiguously is a named knob (`Knobs`) with a
// `paper` value that follows the printed text and a `hardened` value. Nothing here performs I/O
// or depends on another module.
