import Foundation
import XMLCoder

/// The JUnit XML report: a test suite per spec, a test case per property (`verify.<id>` and
/// `fuzz.<id>`). A case fails when its verdict or outcome misses the spec's expectation (as
/// `verify` and `fuzz` exit 1); the failure carries the counterexample and the reproduce
/// command. A refuted or violated property that the spec expects passes, with the same text
/// in `system-out`. Encoded with XMLCoder.
public enum JUnitRenderer {
    /// The JUnit XML text of `report`.
    public static func render(_ report: CheckReport) throws -> String {
        let encoder = XMLEncoder()
        encoder.outputFormatting = [.prettyPrinted]
        encoder.prettyPrintIndentation = .spaces(2)
        let data = try encoder.encode(
            Suites(report), withRootKey: "testsuites",
            header: XMLHeader(version: 1.0, encoding: "UTF-8"))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    struct Suites: Encodable, DynamicNodeEncoding {
        var name = "serumcheck"
        var tests: Int
        var failures: Int
        var time: String
        var testsuite: [Suite]

        init(_ report: CheckReport) {
            testsuite = report.specs.map(Suite.init)
            tests = testsuite.reduce(0) { $0 + $1.tests }
            failures = testsuite.reduce(0) { $0 + $1.failures }
            time = JUnitRenderer.seconds(report.specs.flatMap(\.verification).reduce(0) { $0 + $1.seconds })
        }

        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
            key.stringValue == "testsuite" ? .element : .attribute
        }
    }

    struct Suite: Encodable, DynamicNodeEncoding {
        var name: String
        var tests: Int
        var failures: Int
        var time: String
        var testcase: [Case]

        init(_ s: SpecSection) {
            name = "\(s.name) (\(s.file))"
            testcase = s.verification.map { Case($0, in: s) } + (s.fuzz?.entries ?? []).map { Case($0, in: s) }
            tests = testcase.count
            failures = testcase.filter { $0.failure != nil }.count
            time = JUnitRenderer.seconds(s.verification.reduce(0) { $0 + $1.seconds })
        }

        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
            key.stringValue == "testcase" ? .element : .attribute
        }
    }

    struct Case: Encodable, DynamicNodeEncoding {
        var classname: String
        var name: String
        var time: String
        var failure: Failure?
        var systemOut: String?

        enum CodingKeys: String, CodingKey {
            case classname, name, time, failure
            case systemOut = "system-out"
        }

        init(_ e: VerificationEntry, in s: SpecSection) {
            classname = s.file
            name = "verify.\(e.id.rawValue)"
            time = JUnitRenderer.seconds(e.seconds)
            var text = "\(e.id.rawValue): \(e.verdict.rawValue), expected \(e.expected.rawValue)\n"
            if !e.counterexample.isEmpty {
                text += "counterexample: " + e.counterexample.map { "\($0.name) = \($0.value)" }.joined(separator: ", ") + "\n"
            }
            if !e.values.isEmpty {
                text += "values: " + e.values.map { "\($0.name) = \($0.exact)" }.joined(separator: ", ") + "\n"
            }
            if let reason = e.reason { text += "reason: \(reason)\n" }
            text += "reproduce: serumcheck verify \(s.file) --property \(e.id.rawValue)\n"
            (failure, systemOut) = Self.split(
                met: e.met, shown: e.verdict != .proved, type: e.verdict.rawValue,
                message: "\(e.id.rawValue) is \(e.verdict.rawValue), expected \(e.expected.rawValue)", text: text)
        }

        init(_ e: FuzzEntry, in s: SpecSection) {
            classname = s.file
            name = "fuzz.\(e.id.rawValue)"
            time = "0"
            var text = "\(e.id.rawValue): \(e.outcome.rawValue), expected \(e.expected) (\(e.cases) cases)\n"
            if let comparison = e.comparison { text += "comparison: \(comparison)\n" }
            if let c = e.counterexample {
                text += "counterexample: case \(c.caseIndex): \(c.label)" + (c.shape.map { " (\($0))" } ?? "") + "\n"
            }
            if let file = e.counterexampleFile { text += "counterexample file: \(file)\n" }
            text += "reproduce: \(e.reproduce)\n"
            (failure, systemOut) = Self.split(
                met: e.met, shown: e.outcome == .violated, type: e.outcome.rawValue,
                message: "\(e.id.rawValue) is \(e.outcome.rawValue), expected \(e.expected)", text: text)
        }

        /// A failure when the expectation is missed; otherwise the text in `system-out` when
        /// there is something to show.
        static func split(met: Bool, shown: Bool, type: String, message: String, text: String) -> (Failure?, String?) {
            if !met { return (Failure(message: message, type: type, text: text), nil) }
            return (nil, shown ? text : nil)
        }

        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
            switch key.stringValue {
            case "failure", "system-out": .element
            default: .attribute
            }
        }
    }

    struct Failure: Encodable, DynamicNodeEncoding {
        var message: String
        var type: String
        var text: String

        enum CodingKeys: String, CodingKey {
            case message, type
            case text = ""
        }

        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
            key.stringValue.isEmpty ? .element : .attribute
        }
    }

    static func seconds(_ s: Double) -> String { String(format: "%.3f", s) }
}
