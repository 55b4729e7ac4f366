import Mustache

/// The Markdown report (GitHub-flavoured): the findings first, then a section per spec.
/// Rendered by swift-mustache from `MarkdownRenderer.template`.
public enum MarkdownRenderer {
    /// The Markdown text of `report`.
    public static func render(_ report: CheckReport) -> String {
        let view = ReportView(report, escape: escape, charts: [:])
        return compiled.render(view)
    }

    /// Text made safe for a table cell or a paragraph: `|` escaped, angle brackets and
    /// ampersands as entities, line breaks as spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "|": out += "\\|"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r": out += " "
            default: out.append(c)
            }
        }
        return out
    }

    static let compiled: MustacheTemplate = {
        do { return try MustacheTemplate(string: template) } catch {
            preconditionFailure("MarkdownRenderer: the template does not parse: \(error)")
        }
    }()

    static let template = #"""
        {{% CONTENT_TYPE: TEXT}}
        # serumcheck report

        `{{command}}`

        {{specCount}} spec(s); {{findingCount}} finding(s); {{#allMet}}every expectation met{{/allMet}}{{^allMet}}**an expectation is not met**{{/allMet}}.

        ## Findings

        {{#hasFindings}}
        | ID | Title | Severity | Difficulty | Type | Target |
        |---|---|---|---|---|---|
        {{#findings}}
        | {{id}} | {{title}} | {{severity}} | {{difficulty}} | {{type}} | `{{file}}:{{line}}` `{{key}}` |
        {{/findings}}

        {{#findings}}
        ### {{id}}: {{title}}

        - **Severity:** {{severity}}; **Difficulty:** {{difficulty}}; **Type:** {{type}}; **Property:** `{{property}}` ({{source}})
        - **Target:** `{{file}}`, line {{line}}, key `{{key}}`

        **Description.** {{description}}

        **Exploit scenario.** {{scenario}}

        **Recommendation.** {{recommendation}}

        **Reproduce.**

        ```sh
        {{reproduce}}
        ```

        {{/findings}}
        {{/hasFindings}}
        {{^hasFindings}}
        No findings: every property is proved or holds, as the specs expect.

        {{/hasFindings}}
        {{#specs}}
        ## {{name}} (`{{file}}`)

        {{description}}

        Mechanism: **{{mechanism}}**

        | parameter | value |
        |---|---|
        {{#parameters}}
        | `{{key}}` | {{value}} |
        {{/parameters}}

        {{#hasKnobs}}
        | knob | value | hardened |
        |---|---|---|
        {{#knobs}}
        | `{{key}}` | {{value}}{{#paperLiteral}} (paper-literal){{/paperLiteral}} | {{hardened}} |
        {{/knobs}}

        {{/hasKnobs}}
        {{#hasVerification}}
        ### Verification

        | property | verdict | expected | check | deciding value | time | SMT-LIB2 |
        |---|---|---|---|---|---:|---|
        {{#verification}}
        | `{{id}}` | {{verdict}} | {{expected}} | {{check}} | {{deciding}} | {{time}} | {{smt2}} |
        {{/verification}}

        {{#hasCaveats}}
        {{caveats}}

        {{/hasCaveats}}
        {{#details}}
        - {{.}}
        {{/details}}

        {{/hasVerification}}
        {{#hasFuzz}}
        ### Fuzz (seed {{fuzzSeed}}, budget {{fuzzBudget}})

        | property | outcome | expected | check | cases | effect | comparison | reproduce |
        |---|---|---|---|---:|---|---|---|
        {{#fuzz}}
        | `{{id}}` | {{outcome}} | {{expected}} | {{check}} | {{cases}} | {{effect}} | {{comparison}} | `{{reproduce}}` |
        {{/fuzz}}

        {{#hasStable}}
        Stable profiles other than all-honest:

        | profile | cases | mean net payout (units) |
        |---|---:|---|
        {{#stable}}
        | {{profile}} | {{cases}} | {{payoffs}} |
        {{/stable}}

        {{/hasStable}}
        {{/hasFuzz}}
        {{#hasSimulation}}
        ### Simulation ({{simulationRounds}} rounds)

        | strategy | workers | mean reward | mean net (units) | test accuracy |
        |---|---:|---:|---:|---|
        {{#simulation}}
        | {{strategy}} | {{workers}} | {{meanReward}} | {{meanNet}} | {{accuracy}} |
        {{/simulation}}

        {{/hasSimulation}}
        {{/specs}}
        """#
}
