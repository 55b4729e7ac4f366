// Specs: the files serumcheck reads, turned into checked values of the Mechanisms types.
//
// - `Spec`: a mechanism spec in TOML (`specs/README.md` documents every field). `Spec.load`
//   walks the TOML table itself so that unknown keys, wrong types and out-of-range values are
//   refused with the file, the key path and the reason; `Spec.validate` holds the ranges.
//   Numeric parameters are a value or a range (`Parameter`).
// - `VotesFile`: CSV vote files (one row per worker, one label per public sample) -> `VoteMatrix`.
// - `ResultsFile`: consensus results (one hex line per worker) -> `[Consensus.Submission]`.
//
// Every refusal is a `SpecError` ("FILE: KEY: REASON", "FILE:LINE:COL: REASON" or
// "FILE:LINE: field N: REASON"), which the command line reports with exit code 2.
