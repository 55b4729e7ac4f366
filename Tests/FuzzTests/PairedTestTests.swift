import Testing

@testable import Fuzz

/// The statistics kernel against published table values.
@Suite struct PairedTestTests {
    /// Student t quantiles from standard tables (e.g. NIST/SEMATECH e-Handbook, Table 1.3.6.7.2).
    @Test(arguments: [
        (0.99, 1.0, 31.821), (0.99, 9.0, 2.821), (0.99, 31.0, 2.453), (0.975, 10.0, 2.228),
        (0.95, 20.0, 1.725), (0.999, 5.0, 5.893),
    ])
    func quantilesMatchTables(p: Double, df: Double, expected: Double) {
        let t = StudentT.quantile(p, df: df)
        #expect(abs(t - expected) < 0.0015, "t(\(p), \(df)) = \(t), table \(expected)")
        #expect(abs(StudentT.cdf(t, df: df) - p) < 1e-9)
    }

    /// Hand-computed: gains 1, 2, 3, 4 have mean 2.5 and sd sqrt(5/3) = 1.29099; with
    /// t(0.99, 3) = 4.541 the lower bound is 2.5 - 4.541 * 1.29099 / 2 = -0.4312: not violated.
    /// Gains 2, 3, 2, 3 (sd 0.57735): 2.5 - 4.541 * 0.288675 = 1.1891: violated.
    @Test func oneSidedDecisions() {
        let wide = PairedTest(gains: [1, 2, 3, 4], rule: .oneSided, confidence: 0.99)
        #expect(abs(wide.mean - 2.5) < 1e-12)
        #expect(abs(wide.lowerBound - (-0.4312)) < 1e-3)
        #expect(!wide.violated)
        let narrow = PairedTest(gains: [2, 3, 2, 3], rule: .oneSided, confidence: 0.99)
        #expect(abs(narrow.lowerBound - 1.1891) < 1e-3)
        #expect(narrow.violated)
        let ties = PairedTest(gains: [0, 0, 0], rule: .oneSided, confidence: 0.99)
        #expect(!ties.violated)
    }

    @Test func exactRuleTakesAnyPositiveGain() {
        #expect(PairedTest(gains: [0, 0, 1e-9, 0], rule: .exact, confidence: 0.99).violated)
        #expect(!PairedTest(gains: [0, -3, 0], rule: .exact, confidence: 0.99).violated)
    }
}
