import Specs
import Testing

/// The base spec (4 workers, 3 classes, beta 1 by default) with a simulation and `sweeps`.
private func withSweeps(_ sweeps: String, mechanism: String = "kind = \"ptsfd\"\ndeposit = 1000") -> String {
    ptsfd(mechanism: mechanism, extra: "[data]\nprivate_size = 10\npublic_size = 6\n[sweeps]\n" + sweeps)
}

@Suite("[sweeps]: the points a simulation's models are settled again at")
struct SweepsSpecTests {
    @Test func readsEveryList() throws {
        let spec = try Spec.parse(toml: withSweeps("""
            beta = [0.5, 1, 2]
            certainty_threshold = [0, 0.25]
            heuristic_fraction = [0, 0.5, 1]
            colluding_fraction = [0.25]
            seed = 7
            """), file: "x.toml")
        let s = try #require(spec.sweeps)
        #expect(s.beta == [0.5, 1, 2])
        #expect(s.certaintyThreshold == [0, 0.25])
        #expect(s.heuristicFraction == [0, 0.5, 1])
        #expect(s.colludingFraction == [0.25])
        #expect(s.seed == 7)
    }

    @Test func anAbsentTableIsNoSweep() throws {
        let spec = try Spec.parse(toml: ptsfd(extra: "[data]\nprivate_size = 10"), file: "x.toml")
        #expect(spec.sweeps == nil)
    }

    @Test func theShippedFashionSpecSweeps() throws {
        let spec = try Spec.load(path: specPath("paper-fashion.toml"))
        let s = try #require(spec.sweeps)
        #expect(s.beta != nil && s.heuristicFraction != nil && s.colludingFraction != nil)
    }

    static let cases: [Refused] = [
        Refused(toml: withSweeps("beta = [0.5, \"1\"]"), key: "sweeps.beta[1]", reason: "expected a number, found string \"1\""),
        Refused(toml: withSweeps("beta = 1"), key: "sweeps.beta", reason: "expected an array"),
        Refused(toml: withSweeps("beta = []"), key: "sweeps.beta", reason: "has 0 entries (expected 1 ... 50)"),
        Refused(toml: withSweeps("beta = [-1]"), key: "sweeps.beta[0]", reason: "-1 is out of range (0 ... 1000000)"),
        Refused(toml: withSweeps("certainty_threshold = [0, 1.5]"), key: "sweeps.certainty_threshold[1]",
                reason: "1.5 is out of range (0 ... 1)"),
        Refused(toml: withSweeps("heuristic_fraction = [0.2, inf]"), key: "sweeps.heuristic_fraction[1]",
                reason: "inf is not a finite number"),
        Refused(toml: withSweeps("colluding_fraction = [-0.1]"), key: "sweeps.colluding_fraction[0]",
                reason: "-0.1 is out of range (0 ... 1)"),
        Refused(toml: withSweeps("seed = -1"), key: "sweeps.seed", reason: "-1 is out of range"),
        Refused(toml: withSweeps("betas = [1]"), key: "sweeps.betas", reason: "unknown key (expected one of: beta,"),
        Refused(toml: ptsfd(extra: "[sweeps]\nbeta = [1]"), key: "sweeps",
                reason: "[sweeps] re-settles a simulation's trained models: the spec needs [data], [training] or [strategies]"),
        Refused(toml: withSweeps("heuristic_fraction = [0.5]", mechanism: "kind = \"ptsfd\"\ndeposit = 1000\nbeta = {min = 0.5, max = 2}"),
                key: "sweeps.beta", reason: "is needed: mechanism.beta is a range"),
    ]

    @Test(arguments: cases) func refused(_ c: Refused) { c.expectRefused() }
}
