// Verification: the incentive properties of both mechanisms as Z3 queries.
//
// A property is a set of `Claim`s. Each claim is written once, generic over an `Algebra`, and
// evaluated twice: as Z3 terms (`TermAlgebra`), where the solver searches the spec's parameter
// ranges for a point at which the claim fails, and in exact rational arithmetic
// (`ExactAlgebra`), where every counterexample Z3 returns is re-checked before it is reported.
// A verdict is `proved` (no counterexample exists: Z3 answered unsat for every claim),
// `refuted` with a re-checked counterexample, or `unknown`; never more than Z3 said.
//
// - PTSFD (Witt et al.): `heuristic-payoff-identity`, `heuristic-unprofitable`,
//   `self-predicting`, `truthful-best-response`, `collusion-unprofitable`,
//   `honest-participation`, `budget-solvent` (a bounded check of the contract's integer payouts),
//   `beliefs-consistent` (the beliefs come from one joint distribution; every verdict that rests
//   on beliefs that do not carries `Caveat.inconsistentBeliefs`).
// - Consensus (Lu, Tang, Wang): `iewds-truthful-unique` and `coalition-resilient`, through the
//   IEWDS engine of `Games` with a Z3-backed dominance oracle; `paper-tables-derived`, the
//   printed Table I and Table II (`PaperTables`) against the clauses, cell by cell.
// - Both: `truthful-equilibrium-dominant`, every pure equilibrium of a finite population game
//   (`PopulationGame`, profiles as counts per strategy) found by `EquilibriumSearch`: exact
//   evaluation at the corners of the ranges, Z3 in batches for what they leave open.
// - `Synthesis`: an interval of one parameter on which chosen properties are proved, searched
//   interval by interval (proofs at points do not add up to a proof over their span).
