import Solver
import Specs
import Testing
@testable import Verification

/// Table I and Table II of Lu, Tang and Wang as printed, against the clauses.
@Suite struct PaperTablesTests {
    @Test func tableIAgreesWithTheClauses() {
        // Every cell of Table I follows from section IV's clauses: (e, *) -d and -d/2,
        // (t, t) r/2 each, different submissions -d/2 each.
        let (differences, compared) = PaperTables.printed.compareTableI()
        #expect(differences.isEmpty, "\(differences)")
        #expect(compared == 18)
    }

    @Test func tableIIHasSituationsIIAndIIISwappedForSigma2() {
        // sigma_2 (all k members send the true result): when an outsider sends a junk (II) the
        // n results differ, so each member gets -d/2 (-k d/2 in all); only when every outsider
        // sends the true result (III) are all n equal, k r/n. Table II prints k r/n under II and
        // -k d/2 under III. n = 2, k = 1: two cells, (II: printed 1/2·r, derived -1/2·d) and
        // (III: printed -1/2·d, derived 1/2·r); every other row agrees.
        let (differences, _) = PaperTables.printed.compareTableII(workers: 2)
        #expect(differences.count == 2)
        #expect(differences.allSatisfy { $0.cell.hasPrefix("σ2") })
        let II = differences.first { $0.cell.contains("situation II ") }
        #expect(II?.printed == LinearPayoff(r: Rational(1, 2)))
        #expect(II?.derived == LinearPayoff(d: Rational(-1, 2)))
    }

    @Test func aCorrectedTableIIAgrees() {
        // With sigma_2's situations II and III exchanged, every cell agrees for n = 2 ... 6.
        var corrected = PaperTables.printed
        let h = Rational(-1) / 2
        corrected.tableII[1].cells = [.init(dk: h), .init(dk: h), .init(rk: 1)]
        for n in 2 ... 6 { #expect(corrected.compareTableII(workers: n).differences.isEmpty, "n = \(n)") }
        var check = PaperTablesCheck(spec: try! consensusSpec(workers: 3), verifier: verifier)
        check.tables = corrected
        #expect(isProvedDecision(check.run()))
    }

    @Test func thePropertyIsRefutedOnThePrintedTables() throws {
        // n = 3: sigma_2's two swapped cells for k = 1 and k = 2, each against every outsiders'
        // split of its situation (II: 2 splits for k = 1 (e/t/f 0/1/1, 0/0/2), 1 for k = 2;
        // III: 1 split each): 3 + 2 = 5 differing cells.
        let result = verifier.check(.paperTablesDerived, on: try consensusSpec(workers: 3))
        #expect(isRefuted(result))
        #expect(result.values["differing_cells"] == 5)
        #expect(result.notes.contains { $0.contains("Table I (two workers): elimination order") })
    }

    func isProvedDecision(_ d: Verifier.Decision) -> Bool { if case .proved = d.verdict { true } else { false } }
}
