extension PaperFigures {
    /// The interval of a parameter on which `verify --synthesize` proved its properties, under
    /// the wider interval where widening failed, with the spec's own value marked.
    ///
    /// - Parameters:
    ///   - range: The proved interval (`SynthesizedRange`).
    ///   - failing: The wider interval tried whose check failed, when the synthesis reports one.
    ///   - value: The parameter's value in the spec, if single.
    public static func interval(_ range: SynthesizedRange, failing: (Double, Double)? = nil, value: Double? = nil)
        -> ChartData
    {
        var rows = [ChartData.Interval(label: "proved", lower: range.lower, upper: range.upper, holds: true)]
        if let failing {
            rows.insert(.init(label: "fails", lower: failing.0, upper: failing.1, holds: false), at: 0)
        }
        let properties = range.properties.map(\.rawValue).joined(separator: ", ")
        return ChartData(
            id: "interval-\(range.key)", kind: .interval, title: "Synthesized interval of \(range.key)",
            caption: "verify --synthesize: \(properties)" + (value.map { "; dashed: the spec's value \(SVG.coordinate($0))" } ?? ""),
            x: .init(range.key), y: .init(""), intervals: rows, marker: value)
    }
}

import Verification

extension PaperFigures {
    /// The interval chart of a synthesis: the interval it proved, and as the failing interval
    /// the hull of the wider intervals it tried (`SynthesisResult.beyond`); `nil` when it proved
    /// none. `mechanism` names the parameter's spec key (`SynthesizedRange.key`).
    public static func interval(_ result: SynthesisResult, mechanism: MechanismKind, value: Double? = nil) -> ChartData? {
        guard let range = SynthesizedRange(result, mechanism: mechanism) else { return nil }
        let tried = result.beyond.map(\.tried)
        let failing = tried.isEmpty ? nil : (tried.map(\.0).min()!, tried.map(\.1).max()!)
        return interval(range, failing: failing, value: value)
    }
}
