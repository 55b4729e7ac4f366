import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Reporting
import Testing

@Suite struct FormatTests {
    /// `Data/sarif-schema-2.1.0.json` is the OASIS SARIF 2.1.0 schema (errata 01, its `id`
    /// names it), as published in the specification's repository (`sarif-2.1/schema/`).
    @Test func sarifValidatesAgainstTheSARIF210Schema() throws {
        let sarif = try SARIFRenderer.render(Fixtures.report())
        let errors = try schemaErrors(instance: sarif, schemaPath: "\(testsDirectory)/Data/sarif-schema-2.1.0.json")
        #expect(errors == nil, "\(errors ?? "")")
    }

    @Test func sarifResultsAreTheFindingsAtTheirKeysLines() throws {
        let report = try Fixtures.report()
        let sarif = try SARIFRenderer.render(report)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try #require((json["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == report.findings.count)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let ruleIDs = rules.compactMap { $0["id"] as? String }
        #expect(Set(ruleIDs).count == ruleIDs.count)
        #expect(rules.allSatisfy { (($0["properties"] as? [String: Any])?["security-severity"] as? String) != nil })
        let identity = try #require(results.first { ($0["ruleId"] as? String) == "verify/heuristic-payoff-identity" })
        let region = ((identity["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any]
        // Data/specs/paper-literal.toml line 24: normalization = "paper".
        #expect(region?["startLine"] as? Int == 24)
        let fingerprint = (identity["partialFingerprints"] as? [String: String])?["serumcheckFinding/v1"]
        #expect(fingerprint == report.findings.first { $0.property == "heuristic-payoff-identity" }?.id)
        #expect(ruleIDs[identity["ruleIndex"] as! Int] == "verify/heuristic-payoff-identity")
    }

    @Test func jsonValidatesAgainstItsCommittedSchemaAndRoundTrips() throws {
        let report = try Fixtures.report()
        let json = try JSONRenderer.render(report)
        let errors = try schemaErrors(instance: json, schemaPath: "\(repositoryRoot)/Schemas/check-report.schema.json")
        #expect(errors == nil, "\(errors ?? "")")
        #expect(try JSONRenderer.decode(json) == report)
    }

    @Test func junitParsesWithOneCasePerSpecAndProperty() throws {
        let report = try Fixtures.report()
        let xml = try JUnitRenderer.render(report)
        let reader = JUnitReader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        // paper-literal: 7 verify + 2 fuzz; paper-48-example: 3 verify.
        #expect(reader.cases.count == 12)
        #expect(reader.suites == 2)
        // Missed expectations: honest-participation (refuted, expected proved) and
        // truthful-best-response (unknown, expected refuted), both on paper-48-example.
        let failed = reader.cases.filter { $0.failure != nil }
        #expect(failed.map(\.name).sorted() == ["verify.honest-participation", "verify.truthful-best-response"])
        let participation = try #require(failed.first { $0.name == "verify.honest-participation" }?.failure)
        #expect(participation.contains("counterexample: beta = 9"))
        #expect(participation.contains("reproduce: serumcheck verify specs/paper-48-example.toml --property honest-participation"))
        #expect(reader.cases.first { $0.name == "fuzz.no-free-riding" }?.systemOut?.contains("reproduce: serumcheck replay") == true)
    }

    @Test func htmlIsSelfContained() throws {
        let html = HTMLRenderer.render(try Fixtures.report(), charts: ["specs/paper-literal.toml": "<svg></svg>"])
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src="))
        #expect(html.contains("<svg></svg>"))
        #expect(html.contains("@media print"))
        // The findings table comes before the first spec section.
        let findings = try #require(html.range(of: "id=\"findings\""))
        let spec = try #require(html.range(of: "class=\"spec\""))
        #expect(findings.lowerBound < spec.lowerBound)
    }
}

/// Reads test cases back from JUnit XML.
final class JUnitReader: NSObject, XMLParserDelegate {
    struct Case {
        var name: String
        var failure: String?
        var systemOut: String?
    }
    var cases: [Case] = []
    var suites = 0
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        text = ""
        switch name {
        case "testsuite": suites += 1
        case "testcase": cases.append(Case(name: attributes["name"] ?? ""))
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "failure": cases[cases.count - 1].failure = text
        case "system-out": cases[cases.count - 1].systemOut = text
        default: break
        }
    }
}
