import Solver
import Specs
import Testing
import Verification

/// A PTSFD spec from a few lines of TOML.
func ptsfdSpec(
    classes: Int = 10, workers: Int = 10, accuracy: String = "0.9", beta: String = "1.0",
    prior: String = "\"uniform\"", normalization: String = "proper", payout: String = "balanced",
    extra: String = ""
) throws -> Spec {
    try Spec.parse(toml: """
        name = "test"
        [federation]
        workers = \(workers)
        classes = \(classes)
        prior = \(prior)
        accuracy = \(accuracy)
        [mechanism]
        kind = "ptsfd"
        beta = \(beta)
        deposit = 1000
        [knobs]
        normalization = "\(normalization)"
        payout = "\(payout)"
        \(extra)
        """, file: "test.toml")
}

func consensusSpec(workers: Int, deposit: Int = 1000, reward: Int = 200) throws -> Spec {
    try Spec.parse(toml: """
        name = "consensus-test"
        [federation]
        workers = \(workers)
        [mechanism]
        kind = "consensus"
        deposit = \(deposit)
        reward = \(reward)
        """, file: "consensus-test.toml")
}

let verifier = Verifier(timeoutMilliseconds: 20_000)

/// The counterexample's value of `name` as an exact rational.
func value(_ result: PropertyResult, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> Rational? {
    guard let text = result.verdict.counterexample?[name] else {
        Issue.record("no counterexample value \(name) in \(result.verdict)", sourceLocation: sourceLocation)
        return nil
    }
    return Rational(text)
}

func isProved(_ r: PropertyResult) -> Bool { if case .proved = r.verdict { true } else { false } }
func isRefuted(_ r: PropertyResult) -> Bool { if case .refuted = r.verdict { true } else { false } }
