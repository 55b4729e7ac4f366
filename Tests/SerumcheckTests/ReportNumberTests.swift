import Foundation
import Testing
@testable import serumcheck
import Reporting

/// Numbers in reports: the settle table's reward column formats any Double without an
/// integer conversion that can trap, and JSON never carries a non-finite number.
@Suite struct ReportNumberTests {
    @Test(arguments: [
        (2.125, "2.1250"), (-1.0 / 15, "-0.0667"), (-0.00001, "0.0000"), (0.53125, "0.5313"),
        (-3_999_993_875_000, "-3999993875000.0000"),
        // Beyond Int at four decimals (the old formatting trapped from 2^63 / 10^4 on, and on the
        // whole part from 2^63): the Double's exact value.
        (1e15, "1000000000000000.0000"), (1e19, "10000000000000000000.0000"),
        (-0x1p63, "-9223372036854775808.0000"), (.infinity, "inf"), (-.infinity, "-inf"), (.nan, "nan"),
    ])
    func rewardsFormatWithFourDecimals(_ x: Double, _ text: String) {
        #expect(fourDecimals(x) == text)
    }

    struct Row: Encodable { var index: Int; var reward: Double }
    struct Report: Encodable { var workers: [Row]; var lambdas: [Double] }

    /// A non-finite number is refused, naming the destination and the field, never written as a
    /// string; finite ones stay JSON numbers.
    @Test func nonFiniteNumbersAreRefusedNamingTheField() throws {
        let bad = Report(workers: [Row(index: 0, reward: 1), Row(index: 1, reward: -.infinity)], lambdas: [1])
        #expect {
            _ = try OutputFile.json(bad, destination: "out.json")
        } throws: { error in
            (error as? CommandFailure)?.message == "out.json: the JSON output has no number for "
                + "workers[1].reward = -inf: a result is not finite, so the output was not written"
                && (error as? CommandFailure)?.exitCode == 2
        }
        let nan = Report(workers: [], lambdas: [1, .nan])
        #expect {
            _ = try OutputFile.json(nan, destination: "-")
        } throws: { error in
            (error as? CommandFailure)?.message.hasPrefix("standard output: the JSON output has no number for lambdas[1] = nan") == true
        }
        let good = try OutputFile.json(Report(workers: [Row(index: 0, reward: -2.5)], lambdas: [1e6]), destination: "x")
        let text = String(decoding: good, as: UTF8.self)
        #expect(text.contains("\"reward\" : -2.5") && text.contains("1000000"), "\(text)")
    }

    /// A refused JSON output leaves no file behind.
    @Test func aRefusedJSONOutputWritesNoFile() throws {
        let dir = try scratchDirectory(files: [:])
        let path = dir.appendingPathComponent("out.json").path
        #expect(throws: CommandFailure.self) {
            try OutputFile.writeJSON(Report(workers: [Row(index: 0, reward: .infinity)], lambdas: []), to: path)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
