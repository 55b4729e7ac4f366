import Adversary
import Specs
import Testing

/// A consensus spec (3 workers) with `[strategies]` holding `lines`.
private func consensusStrategies(_ lines: String) -> String {
    ptsfd(federation: "workers = 3", mechanism: "kind = \"consensus\"\ndeposit = 10", extra: "[strategies]\n" + lines)
}

/// A consensus spec's `[strategies]`: names resolve through the catalogue's consensus table,
/// parameters are read, and every mistake names its key.
@Suite("Consensus [strategies]") struct ConsensusStrategiesSpecTests {
    @Test func namesAndParametersAreRead() throws {
        let spec = try Spec.parse(
            toml: consensusStrategies("""
                workers = ["coalition", "honest", "coalition"]
                copy_target = 1
                junk = "equal_input"
                coalition = [1, 0, 1]
                """), file: "t.toml")
        let s = try #require(spec.consensusStrategies)
        #expect(s.assignment == ["coalition", "honest", "coalition"])
        #expect(s.parameters.copyTarget == 1 && s.parameters.junk == .equalInput)
        #expect(s.parameters.coalition == ConsensusCoalition(p: 1, q: 0, l: 1))
        #expect(s.parameters.coalition.sigma == 4)
    }

    @Test func anAgreedJunkIsSigma3() throws {
        let spec = try Spec.parse(
            toml: consensusStrategies("""
                workers = ["coalition", "coalition", "honest"]
                coalition = [0, 2, 0]
                coalition_agreed_junk = true
                """), file: "t.toml")
        #expect(spec.consensusStrategies?.parameters.coalition.sigma == 3)
    }

    @Test func everyCatalogueNameIsAccepted() throws {
        for name in StrategyCatalog.standard.consensusNames where name != "coalition" && name != "commitment-copier" {
            let spec = try Spec.parse(toml: consensusStrategies("workers = [\"\(name)\", \"honest\", \"honest\"]"), file: "t.toml")
            #expect(spec.consensusStrategies?.assignment.first == name)
        }
    }

    static let refusals: [Refused] = [
        Refused(toml: consensusStrategies("workers = [\"honest\", \"lazy\", \"honest\"]"), key: "strategies.workers[1]",
            reason: "unknown consensus strategy \"lazy\" (expected \"honest\", \"non-submitting\", \"lazy-guesser\""),
        Refused(toml: consensusStrategies("workers = [\"honest\", \"honest\"]"), key: "strategies.workers",
            reason: "has 2 entries, but federation.workers is 3"),
        Refused(toml: consensusStrategies("workers = [\"coalition\", \"coalition\", \"honest\"]"), key: "strategies.coalition",
            reason: "missing: 2 workers are \"coalition\""),
        Refused(toml: consensusStrategies("workers = [\"coalition\", \"coalition\", \"honest\"]\ncoalition = [1, 1, 1]"),
            key: "strategies.coalition", reason: "the split [1, 1, 1] has 3 members, but 2 workers are \"coalition\""),
        Refused(toml: consensusStrategies("workers = [\"honest\", \"honest\", \"honest\"]\ncoalition = [1, 1]"),
            key: "strategies.coalition", reason: "expected [p, q, l] (3 integers), got 2 entries"),
        Refused(toml: consensusStrategies("workers = [\"coalition\", \"coalition\", \"honest\"]\ncoalition = [1, 1, 0]\ncoalition_agreed_junk = true"),
            key: "strategies.coalition_agreed_junk", reason: "an agreed junk (sigma_3) needs coalition = [0, q, 0]"),
        Refused(toml: consensusStrategies("workers = [\"commitment-copier\", \"honest\", \"honest\"]\ncopy_target = 0"),
            key: "strategies.copy_target", reason: "worker 0 is itself a \"commitment-copier\""),
        Refused(toml: consensusStrategies("workers = [\"honest\", \"honest\", \"honest\"]\ncopy_target = 3"),
            key: "strategies.copy_target", reason: "3 is out of range"),
        Refused(toml: consensusStrategies("workers = [\"honest\", \"honest\", \"honest\"]\njunk = \"all_two\""),
            key: "strategies.junk", reason: "unknown junk rule \"all_two\" (expected \"all_zero\", \"all_one\" or \"equal_input\")"),
        Refused(toml: consensusStrategies("workers = [\"honest\", \"honest\", \"honest\"]\nheuristic_labels = 1"),
            key: "strategies.heuristic_labels", reason: "unknown key"),
    ]

    @Test(arguments: refusals)
    func refused(_ c: Refused) { c.expectRefused() }
}
