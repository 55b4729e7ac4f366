/// Draws a ``ChartData`` as a self-contained SVG document (inline in the HTML report, or a
/// `.svg` file): a line, scatter, grouped bar or interval chart over a ``ChartFrame``.
///
/// Goals, in order: every mark stands where its number says (``LinearScale``, ticks from
/// ``NiceTicks``); axes labelled with units and a legend for more than one series; the same
/// bytes for the same chart (fixed layout, ``SVG`` number formatting, no dates or random ids).
public enum ChartRenderer {
    /// The SVG of `chart`.
    public static func svg(_ chart: ChartData) -> String {
        switch chart.kind {
        case .line: lines(chart, connect: true)
        case .scatter: lines(chart, connect: false)
        case .groupedBar: groupedBars(chart)
        case .interval: intervals(chart)
        }
    }

    /// The extent of `values`, or (0, 1) when there are none.
    static func extent(_ values: [Double]) -> (Double, Double) {
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else { return (0, 1) }
        return (lo, hi)
    }

    /// A line chart (each series a polyline with a dot at every point, in x order) or a
    /// scatter chart (dots only).
    static func lines(_ chart: ChartData, connect: Bool) -> String {
        let points = chart.series.flatMap(\.points)
        let frame = ChartFrame(chart, xs: extent(points.map(\.x)), ys: extent(points.map(\.y)))
        let c = SVG.coordinate
        var body = ""
        for (k, series) in chart.series.enumerated() {
            let color = frame.color(k)
            let shown = series.points.filter { $0.x.isFinite && $0.y.isFinite }
            body += "<g class=\"series\" data-name=\"\(SVG.escape(series.name))\">\n"
            if connect && shown.count > 1 {
                let path = shown.sorted { $0.x < $1.x }.map { "\(c(frame.x($0.x))),\(c(frame.y($0.y)))" }
                let dash = series.dashed ? " stroke-dasharray=\"5 3\"" : ""
                body += "<polyline points=\"\(path.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" "
                    + "stroke-width=\"2\"\(dash)/>\n"
            }
            for p in shown {
                body += "<circle cx=\"\(c(frame.x(p.x)))\" cy=\"\(c(frame.y(p.y)))\" r=\"\(connect ? 3 : 4)\" "
                    + "fill=\"\(color)\"/>\n"
            }
            body += "</g>\n"
        }
        return frame.document(body: body)
    }

    /// A grouped bar chart: one group per category along x, one bar per series in each group,
    /// rising from 0 (the y domain always holds 0).
    static func groupedBars(_ chart: ChartData) -> String {
        let n = max(chart.categories.count, 1)
        let ys = chart.series.flatMap(\.points).map(\.y) + [0]
        // Categories sit at 0 ... n - 1, the domain is [-0.5, n - 0.5]: a ticks-free x axis.
        var frame = ChartFrame(chart, xs: (-0.5, Double(n) - 0.5), ys: extent(ys))
        frame = frame.withXDomain(-0.5, Double(n) - 0.5)
        let c = SVG.coordinate
        let groupWidth = frame.x(1) - frame.x(0)
        let barWidth = groupWidth * 0.8 / Double(max(chart.series.count, 1))
        var body = ""
        for (k, series) in chart.series.enumerated() {
            body += "<g class=\"series\" data-name=\"\(SVG.escape(series.name))\">\n"
            for p in series.points where p.y.isFinite && (0 ..< n).contains(Int(p.x)) {
                let left = frame.x(p.x) - groupWidth * 0.4 + Double(k) * barWidth
                let top = min(frame.y(p.y), frame.y(0)), height = abs(frame.y(p.y) - frame.y(0))
                body += "<rect x=\"\(c(left))\" y=\"\(c(top))\" width=\"\(c(barWidth))\" height=\"\(c(height))\" "
                    + "fill=\"\(frame.color(k))\"/>\n"
            }
            body += "</g>\n"
        }
        let labels = chart.categories.enumerated().map { (Double($0.offset), $0.element) }
        return frame.document(body: body, xLabels: labels)
    }

    /// An interval chart: one row per interval, a band from lower to upper along x (green where
    /// the properties hold, red where they fail, the failing band drawn under the holding one),
    /// with its bounds written at its ends, and the `marker` as a vertical line.
    static func intervals(_ chart: ChartData) -> String {
        let rows = chart.intervals
        let xs = extent(rows.flatMap { [$0.lower, $0.upper] } + (chart.marker.map { [$0] } ?? []))
        var frame = ChartFrame(chart, xs: xs, ys: (0, 1))
        frame = frame.withYDomain(-0.5, Double(max(rows.count, 1)) - 0.5)
        let c = SVG.coordinate
        var body = ""
        for (k, row) in rows.enumerated() {
            let center = frame.y(Double(k)), half = 10.0
            let (x0, x1) = (frame.x(min(row.lower, row.upper)), frame.x(max(row.lower, row.upper)))
            let fill = row.holds ? "#009E73" : "#D55E00"
            body += "<g class=\"interval\" data-holds=\"\(row.holds)\">\n"
            body += "<rect x=\"\(c(x0))\" y=\"\(c(center - half))\" width=\"\(c(max(x1 - x0, 1)))\" "
                + "height=\"\(c(2 * half))\" fill=\"\(fill)\" fill-opacity=\"0.75\"/>\n"
            let digits = frame.xTicks.decimals + 1
            body += "<text x=\"\(c(x0))\" y=\"\(c(center - half - 3))\" text-anchor=\"middle\">"
                + "\(SVG.number(row.lower, decimals: digits, trim: true))</text>\n"
            body += "<text x=\"\(c(x1))\" y=\"\(c(center - half - 3))\" text-anchor=\"middle\">"
                + "\(SVG.number(row.upper, decimals: digits, trim: true))</text>\n"
            body += "</g>\n"
        }
        if let marker = chart.marker {
            let px = c(frame.x(marker))
            body += "<line class=\"marker\" x1=\"\(px)\" y1=\"\(c(frame.top))\" x2=\"\(px)\" "
                + "y2=\"\(c(ChartFrame.height - ChartFrame.bottom))\" stroke=\"#000000\" stroke-dasharray=\"4 3\"/>\n"
        }
        let labels = rows.enumerated().map { (Double($0.offset), $0.element.label) }
        return frame.document(body: body, yLabels: labels)
    }
}
