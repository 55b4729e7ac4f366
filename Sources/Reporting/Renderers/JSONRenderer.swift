import Foundation

/// The JSON report: the encoding of `CheckReport` (schema 1, described by
/// `Schemas/check-report.schema.json`), the findings included.
///
/// Keys are sorted and the output ends with a newline, so the same model always gives the
/// same bytes.
public enum JSONRenderer {
    /// The JSON text of `report`.
    public static func render(_ report: CheckReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(report)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The model a JSON report encodes (the findings are derived again, not read).
    public static func decode(_ text: String) throws -> CheckReport {
        try JSONDecoder().decode(CheckReport.self, from: Data(text.utf8))
    }
}
