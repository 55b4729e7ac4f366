import Specs
import Testing

@Suite("[costs]")
struct CostsSpecTests {
    @Test func costsDefaultToNone() throws {
        let spec = try Spec.parse(toml: ptsfd(), file: "x.toml")
        #expect(spec.costs == .none)
        #expect(spec.costs.effortHigh == .value(0) && spec.costs.compute == .value(0))
        // Low effort defaults to chance (verify's heuristic report).
        #expect(spec.costs.accuracyLow == nil)
    }

    @Test func costsAreNumbersOrRanges() throws {
        let spec = try Spec.parse(toml: ptsfd(extra: """
            [costs]
            effort_high = { min = 0.5, max = 2 }
            effort_low = 0.1
            fixed = 500
            samples = 1000
            accuracy_low = 0.3
            """), file: "x.toml")
        #expect(spec.costs == Spec.Costs(
            effortHigh: .range(min: 0.5, max: 2), effortLow: .value(0.1), fixed: .value(500),
            samples: .value(1000), accuracyLow: .value(0.3)))
        let consensus = try Spec.parse(toml: """
            name = "c"
            [federation]
            workers = 3
            [mechanism]
            kind = "consensus"
            deposit = 10
            [costs]
            compute = { min = 0, max = 3 }
            """, file: "x.toml")
        #expect(consensus.costs.compute == .range(min: 0, max: 3))
    }

    static let refused: [Refused] = [
        .extra("[costs]\neffort_high = -1", "costs.effort_high", "-1 is out of range (0 ... 1000000000000000)"),
        .extra("[costs]\neffort_low = { min = 2, max = 1 }", "costs.effort_low", "has min > max"),
        .extra("[costs]\nfixed = 5", "costs.samples", "missing: a fixed cost of 5 is spread over m"),
        .extra("[costs]\nfixed = 5\nsamples = 0", "costs.samples", "0 is out of range (1 ... 1000000000)"),
        .extra("[costs]\nfixed = 5\nsamples = 2.5", "costs.samples", "2.5 is not a whole number of samples"),
        .extra("[costs]\naccuracy_low = 1.5", "costs.accuracy_low", "1.5 is out of range (0 ... 1)"),
        .extra("[costs]\neffort = 1", "costs.effort", "unknown key (expected one of: accuracy_low, compute, effort_high"),
        .extra("[costs]\ncompute = 1", "costs.compute", "applies to consensus specs only"),
        .extra("[costs]\neffort_high = \"high\"", "costs.effort_high", "expected a number or a range"),
    ]

    @Test(arguments: refused)
    func badCostsAreRefused(_ case: Refused) { `case`.expectRefused() }

    @Test func aConsensusSpecRefusesPTSFDCosts() {
        let toml = """
            name = "c"
            [federation]
            workers = 3
            [mechanism]
            kind = "consensus"
            deposit = 10
            [costs]
            effort_high = 1
            """
        guard let error = specRefusal(toml) else { return }
        #expect(error.key == "costs.effort_high")
        #expect(error.reason.contains("applies to PTSFD specs only"))
    }

    @Test func shippedCostSpecs() throws {
        let costs = try Spec.load(path: specPath("costs.toml"))
        #expect(costs.costs.effortHigh == .range(min: 0.5, max: 2))
        #expect(costs.checks["effort-incentive"] == .proved)
        let shirking = try Spec.load(path: specPath("costs-shirking.toml"))
        #expect(shirking.checks["effort-incentive"] == .refuted)
        #expect(shirking.checks["honest-participation"] == .refuted)
        let consensus = try Spec.load(path: specPath("consensus-costs.toml"))
        #expect(consensus.costs.compute == .range(min: 0, max: 1000))
        #expect(consensus.checks["iewds-truthful-unique"] == .refuted)
        #expect(consensus.checks["coalition-resilient"] == .refuted)
    }
}
