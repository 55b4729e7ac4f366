// Games: finite normal-form games and iterated elimination of weakly dominated strategies.
//
// The module separates *what the game looks like* from *how payoffs are compared*:
//
// - `GameShape` lists the players and their named pure strategies, and optionally groups of
//   interchangeable players (a symmetric game), which are used only to canonicalise states
//   for memoisation.
// - `DominanceOracle` answers one question: "for this player, is strategy `dominated` weakly
//   dominated by `dominating` over every profile of the other players' remaining
//   strategies?" An answer may be `.unknown`; the engine then keeps the strategy and reports
//   the question, so the result is no longer a proof.
// - `IEWDS.run(shape:oracle:exploreOrders:maxStates:)` is the engine: one canonical
//   elimination order, plus a memoised search over every order of one-at-a-time
//   eliminations, which tells whether the survivors depend on the order.
// - `NumericGame` and `NumericDominanceOracle` supply concrete `Double` payoffs; oracles with
//   symbolic payoffs (a solver) live in other modules and plug in through the protocol.
//
// Goals, in priority order: sound answers (a strategy is removed only on a `.dominated`
// verdict, and never a player's last strategy), deterministic output, then few oracle calls
// (answers are cached on the canonical question).
