import Mustache

/// The HTML report: one self-contained page (inline CSS, no scripts, no external assets),
/// legible at 100% zoom and printable. The findings come first, then a section per spec.
/// Rendered by swift-mustache from `HTMLRenderer.template` (`HTMLRenderer+Style` holds the CSS),
/// which escapes every value; charts are inline SVG, inserted as is into each spec's section.
public enum HTMLRenderer {
    /// The HTML page of `report`.
    /// - Parameter charts: spec file -> inline SVG for that spec's section.
    public static func render(_ report: CheckReport, charts: [String: String] = [:]) -> String {
        let view = ReportView(report, escape: { $0 }, charts: charts)
        return compiled.render(Page(view: view, style: style))
    }

    struct Page {
        var view: ReportView
        var style: String
    }

    static let compiled: MustacheTemplate = {
        do { return try MustacheTemplate(string: template) } catch {
            preconditionFailure("HTMLRenderer: the template does not parse: \(error)")
        }
    }()

    static let template = #"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>serumcheck report</title>
        <style>
        {{{style}}}
        </style>
        </head>
        <body>
        {{#view}}
        <header>
        <h1>serumcheck report</h1>
        <p class="command"><code>{{command}}</code></p>
        <p class="summary">{{specCount}} spec(s), {{findingCount}} finding(s); {{#allMet}}<span class="ok">every expectation met</span>{{/allMet}}{{^allMet}}<span class="failed">an expectation is not met</span>{{/allMet}}.</p>
        </header>
        <main>
        <section id="findings">
        <h2>Findings</h2>
        {{#hasFindings}}
        <table class="findings">
        <thead><tr><th>ID</th><th>Title</th><th>Severity</th><th>Difficulty</th><th>Type</th><th>Target</th></tr></thead>
        <tbody>
        {{#findings}}
        <tr><td class="id"><a href="#{{id}}">{{id}}</a></td><td>{{title}}</td><td><span class="badge {{severity}}">{{severity}}</span></td><td>{{difficulty}}</td><td>{{type}}</td><td><code>{{file}}:{{line}}</code> <code>{{key}}</code></td></tr>
        {{/findings}}
        </tbody>
        </table>
        {{#findings}}
        <article class="finding" id="{{id}}">
        <h3>{{id}}: {{title}}</h3>
        <dl>
        <dt>Severity</dt><dd><span class="badge {{severity}}">{{severity}}</span></dd>
        <dt>Difficulty</dt><dd>{{difficulty}}</dd>
        <dt>Type</dt><dd>{{type}}</dd>
        <dt>Property</dt><dd><code>{{property}}</code> ({{source}})</dd>
        <dt>Target</dt><dd><code>{{file}}</code>, line {{line}}, key <code>{{key}}</code></dd>
        <dt>Description</dt><dd>{{#descriptionParts}}{{#code}}<code>{{text}}</code>{{/code}}{{^code}}{{text}}{{/code}}{{/descriptionParts}}</dd>
        <dt>Exploit scenario</dt><dd>{{scenario}}</dd>
        <dt>Recommendation</dt><dd>{{#recommendationParts}}{{#code}}<code>{{text}}</code>{{/code}}{{^code}}{{text}}{{/code}}{{/recommendationParts}}</dd>
        <dt>Reproduce</dt><dd><pre><code>{{reproduce}}</code></pre></dd>
        </dl>
        </article>
        {{/findings}}
        {{/hasFindings}}
        {{^hasFindings}}
        <p class="ok">No findings: every property is proved or holds, as the specs expect.</p>
        {{/hasFindings}}
        </section>
        {{#specs}}
        <section class="spec" id="{{anchor}}">
        <h2>{{name}} <small><code>{{file}}</code></small></h2>
        <p>{{description}}</p>
        <p>Mechanism: <strong>{{mechanism}}</strong></p>
        <div class="settings">
        <table>
        <thead><tr><th>parameter</th><th>value</th></tr></thead>
        <tbody>
        {{#parameters}}
        <tr><td><code>{{key}}</code></td><td>{{value}}</td></tr>
        {{/parameters}}
        </tbody>
        </table>
        {{#hasKnobs}}
        <table>
        <thead><tr><th>knob</th><th>value</th><th>hardened</th></tr></thead>
        <tbody>
        {{#knobs}}
        <tr{{#paperLiteral}} class="literal"{{/paperLiteral}}><td><code>{{key}}</code></td><td>{{value}}{{#paperLiteral}} (paper-literal){{/paperLiteral}}</td><td>{{hardened}}</td></tr>
        {{/knobs}}
        </tbody>
        </table>
        {{/hasKnobs}}
        </div>
        {{#hasVerification}}
        <h3>Verification</h3>
        <table>
        <thead><tr><th>property</th><th>verdict</th><th>expected</th><th>check</th><th>deciding value</th><th class="num">time</th><th>SMT-LIB2</th></tr></thead>
        <tbody>
        {{#verification}}
        <tr><td><code>{{id}}</code></td><td class="{{verdict}}">{{verdict}}</td><td>{{expected}}</td><td class="{{#met}}ok{{/met}}{{^met}}failed{{/met}}">{{check}}</td><td>{{deciding}}</td><td class="num">{{time}}</td><td><code>{{smt2}}</code></td></tr>
        {{/verification}}
        </tbody>
        </table>
        {{#hasCaveats}}
        <p class="note">{{caveats}}</p>
        {{/hasCaveats}}
        <ul class="details">
        {{#details}}
        <li>{{.}}</li>
        {{/details}}
        </ul>
        {{/hasVerification}}
        {{#hasFuzz}}
        <h3>Fuzz <small>seed {{fuzzSeed}}, budget {{fuzzBudget}}</small></h3>
        <table>
        <thead><tr><th>property</th><th>outcome</th><th>expected</th><th>check</th><th class="num">cases</th><th>effect</th><th>comparison</th><th>reproduce</th></tr></thead>
        <tbody>
        {{#fuzz}}
        <tr><td><code>{{id}}</code></td><td class="{{outcome}}">{{outcome}}</td><td>{{expected}}</td><td class="{{#met}}ok{{/met}}{{^met}}failed{{/met}}">{{check}}</td><td class="num">{{cases}}</td><td>{{effect}}</td><td>{{comparison}}</td><td><code>{{reproduce}}</code></td></tr>
        {{/fuzz}}
        </tbody>
        </table>
        {{#hasStable}}
        <h4>Stable profiles other than all-honest</h4>
        <table>
        <thead><tr><th>profile</th><th class="num">cases</th><th>mean net payout (units)</th></tr></thead>
        <tbody>
        {{#stable}}
        <tr><td>{{profile}}</td><td class="num">{{cases}}</td><td>{{payoffs}}</td></tr>
        {{/stable}}
        </tbody>
        </table>
        {{/hasStable}}
        {{/hasFuzz}}
        {{#hasSimulation}}
        <h3>Simulation <small>{{simulationRounds}} rounds</small></h3>
        <table>
        <thead><tr><th>strategy</th><th class="num">workers</th><th class="num">mean reward</th><th class="num">mean net (units)</th><th>test accuracy</th></tr></thead>
        <tbody>
        {{#simulation}}
        <tr><td>{{strategy}}</td><td class="num">{{workers}}</td><td class="num">{{meanReward}}</td><td class="num">{{meanNet}}</td><td>{{accuracy}}</td></tr>
        {{/simulation}}
        </tbody>
        </table>
        {{/hasSimulation}}
        {{#hasCharts}}
        <div class="charts">
        {{{charts}}}
        </div>
        {{/hasCharts}}
        </section>
        {{/specs}}
        </main>
        {{/view}}
        </body>
        </html>

        """#
}
