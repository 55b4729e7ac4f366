import Specs
import Testing

/// `[federation] confusion` and `report_fraction`: what is read, and what is refused.
@Suite("Heterogeneous workers in [federation]")
struct WorkersSpecTests {
    static let identity = "[[1, 0, 0], [0, 1, 0], [0, 0, 1]]"

    static let refusals: [Refused] = [
        .federation("workers = 2\nclasses = 3\nconfusion = [[1, 0], [0, 1]]", "federation.confusion", "has 2 rows, but federation.classes is 3"),
        .federation("workers = 2\nclasses = 3\nconfusion = [[1, 0], [0, 1, 0], [0, 0, 1]]", "federation.confusion[0]", "has 2 entries, but federation.classes is 3"),
        .federation("workers = 2\nclasses = 3\nconfusion = [[0.5, 0.6, 0], [0, 1, 0], [0, 0, 1]]", "federation.confusion[0]", "sums to 1.1"),
        .federation("workers = 2\nclasses = 3\nconfusion = [[1.5, -0.5, 0], [0, 1, 0], [0, 0, 1]]", "federation.confusion[0][0]", "1.5 is not a probability (0 ... 1)"),
        .federation("workers = 3\nclasses = 3\nconfusion = [\(identity), \(identity)]", "federation.confusion", "has 2 matrices, but federation.workers is 3"),
        .federation("workers = 2\nclasses = 3\nconfusion = [\(identity), [[1, 0, 0], [0, 0.5, 0.4], [0, 0, 1]]]", "federation.confusion[1][1]", "sums to 0.9"),
        .federation("workers = 2\nclasses = 3\naccuracy = 0.9\nconfusion = \(identity)", "federation.accuracy", "give either federation.accuracy or federation.confusion, not both"),
        .federation("workers = 2\nclasses = 3\nconfusion = \"diagonal\"", "federation.confusion", "expected"),
        .federation("workers = 2\nclasses = 3\naccuracy = 0.9\nreport_fraction = 0", "federation.report_fraction", "0 is out of range (a share of the samples, above 0 and at most 1)"),
        .federation("workers = 2\nclasses = 3\naccuracy = 0.9\nreport_fraction = { min = 0.5, max = 1.5 }", "federation.report_fraction.max", "1.5 is out of range"),
        .federation("workers = 2\nclasses = 3\naccuracy = 0.9\nreport_fraction = [1, 0.5, 0.5]", "federation.report_fraction", "has 3 entries, but federation.workers is 2"),
        .federation("workers = 2\nclasses = 3\naccuracy = 0.9\nreport_fraction = [1, -0.5]", "federation.report_fraction[1]", "-0.5 is out of range"),
        .federation("workers = 2\nclasses = 3\naccuracy = 0.9\nreport_fraction = [1, \"half\"]", "federation.report_fraction[1]", "expected"),
        Refused(
            toml: "name = \"c\"\n[federation]\nworkers = 2\nreport_fraction = 0.5\n[mechanism]\nkind = \"consensus\"\ndeposit = 1",
            key: "federation.report_fraction", reason: "applies to ptsfd specs only"),
    ]

    @Test(arguments: refusals)
    func refused(_ c: Refused) {
        c.expectRefused()
    }

    @Test func oneMatrixForEveryWorkerOrOnePerWorker() throws {
        let one = try Spec.parse(toml: ptsfd(federation: "workers = 2\nclasses = 2\nconfusion = [[0.9, 0.1], [0.3, 0.7]]"), file: "x.toml")
        #expect(one.federation.confusion == .all([[0.9, 0.1], [0.3, 0.7]]))
        // The accuracy a confusion matrix fixes: sum_t pi(t) Q[t][t] = (0.9 + 0.7) / 2 = 0.8.
        let accuracies = one.federation.accuracy.parameters(workers: 2).map(\.lowerBound)
        #expect(accuracies.allSatisfy { abs($0 - 0.8) < 1e-12 })
        let each = try Spec.parse(
            toml: ptsfd(federation: "workers = 2\nclasses = 2\nconfusion = [[[1, 0], [0, 1]], [[0.5, 0.5], [0.5, 0.5]]]"), file: "x.toml")
        #expect(each.federation.confusion == .perWorker([[[1, 0], [0, 1]], [[0.5, 0.5], [0.5, 0.5]]]))
        #expect(each.federation.accuracy == .perWorker([1, 0.5]))
    }

    @Test func reportFractionsAreNumbersRangesOrOnePerWorker() throws {
        func fractions(_ line: String) throws -> Spec.ReportFraction {
            try Spec.parse(toml: ptsfd(federation: "workers = 2\nclasses = 3\naccuracy = 0.9\n" + line), file: "x.toml").federation.reportFraction
        }
        #expect(try fractions("") == .all(.value(1)))
        #expect(try fractions("report_fraction = 0.5") == .all(.value(0.5)))
        #expect(try fractions("report_fraction = { min = 0.25, max = 1 }") == .all(.range(min: 0.25, max: 1)))
        #expect(try fractions("report_fraction = [1, { min = 0.5, max = 0.75 }]") == .perWorker([.value(1), .range(min: 0.5, max: 0.75)]))
    }
}
