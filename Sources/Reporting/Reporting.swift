// Reporting: every rendered output of a check run, from one typed result model.
//
// `CheckReport` (schema 1) holds, per spec, the parameters and knobs, the verification
// entries (verdicts as enums, values as exact rationals, counterexamples as data), the fuzz
// entries (outcomes, reproduce commands) and an optional simulation summary. `findings` are
// computed from it with the rubric of `Rubric` (severity, difficulty, the responsible spec key
// and the recommendation). Each renderer reads the model alone, never another's text:
// `JSONRenderer`, `MarkdownRenderer`, `HTMLRenderer` (templates of swift-mustache),
// `JUnitRenderer` (XMLCoder), `SARIFRenderer` (Codable, SARIF 2.1.0). `ReportSet` writes them
// all into a directory, whole or not at all.
//
// Also here: the SVG charts of the paper's figures (`Charts/`, small tested kernels such as
// `NiceTicks` and `LinearScale`), `BaselineComparison` and `CheckSummary` for `check`, and the
// terminal tables of the other commands (`Terminal/`).
