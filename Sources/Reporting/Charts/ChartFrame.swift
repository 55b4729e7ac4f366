/// The parts every chart shares: the canvas, the title, the plot area, labelled axes with
/// ticks and grid lines, and a legend when there is more than one series.
///
/// Layout of the 640 x 380 canvas: the title on top, the legend rows under it, the plot area
/// between 64 px (y tick labels, the rotated y axis title) on the left and 16 px on the right,
/// then the x tick labels and the x axis title, and the caption at the bottom.
struct ChartFrame {
    static let width = 640.0, height = 380.0
    static let left = 64.0, right = 16.0, bottom = 64.0
    /// The series colours, in order (colour-blind-safe, Okabe and Ito).
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]

    let chart: ChartData
    let xTicks: NiceTicks
    let yTicks: NiceTicks
    var x: LinearScale
    var y: LinearScale
    /// The top of the plot area: under the title and the legend's rows.
    let top: Double

    /// A frame over the data domain [`xs`] x [`ys`] (widened to whole ticks).
    init(_ chart: ChartData, xs: (Double, Double), ys: (Double, Double)) {
        self.chart = chart
        top = 44 + 14 * Double(Self.legendLayout(chart).rows)
        xTicks = NiceTicks(xs.0, xs.1)
        yTicks = NiceTicks(ys.0, ys.1)
        x = LinearScale(domain: (xTicks.lower, xTicks.upper), range: (Self.left, Self.width - Self.right))
        y = LinearScale(domain: (yTicks.lower, yTicks.upper), range: (Self.height - Self.bottom, top))
    }

    /// The frame with x drawn over exactly [`lower`, `upper`] (category axes), not whole ticks.
    func withXDomain(_ lower: Double, _ upper: Double) -> ChartFrame {
        var copy = self
        copy.x = LinearScale(domain: (lower, upper), range: (Self.left, Self.width - Self.right))
        return copy
    }

    /// The frame with y drawn over exactly [`lower`, `upper`] (rows of intervals).
    func withYDomain(_ lower: Double, _ upper: Double) -> ChartFrame {
        var copy = self
        copy.y = LinearScale(domain: (lower, upper), range: (Self.height - Self.bottom, top))
        return copy
    }

    /// The colour of series `k`: its slot of the palette, else its position.
    func color(_ k: Int) -> String {
        let slot = chart.series.indices.contains(k) ? chart.series[k].colorSlot ?? k : k
        return Self.palette[slot % Self.palette.count]
    }

    /// The whole SVG document around `body` (the plot's marks).
    func document(body: String, xLabels: [(Double, String)]? = nil, yLabels: [(Double, String)]? = nil) -> String {
        let c = SVG.coordinate, e = SVG.escape
        let (w, h) = (Self.width, Self.height)
        let plotLeft = Self.left, plotRight = w - Self.right, plotTop = top, plotBottom = h - Self.bottom
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(c(w))\" height=\"\(c(h))\" "
            + "viewBox=\"0 0 \(c(w)) \(c(h))\" role=\"img\" aria-labelledby=\"\(e(chart.id))-title\" "
            + "font-family=\"sans-serif\" font-size=\"11\">\n"
        s += "<title id=\"\(e(chart.id))-title\">\(e(chart.title))</title>\n"
        s += "<rect width=\"\(c(w))\" height=\"\(c(h))\" fill=\"#ffffff\"/>\n"
        s += "<text x=\"\(c(w / 2))\" y=\"20\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">\(e(chart.title))</text>\n"
        s += legend()
        // Grid and ticks.
        for (value, label) in xLabels ?? xTicks.values.map({ ($0, SVG.tick($0, xTicks)) }) {
            let px = c(x(value))
            s += "<line x1=\"\(px)\" y1=\"\(c(plotTop))\" x2=\"\(px)\" y2=\"\(c(plotBottom))\" stroke=\"#e5e5e5\"/>\n"
            s += "<text x=\"\(px)\" y=\"\(c(plotBottom + 16))\" text-anchor=\"middle\">\(e(label))</text>\n"
        }
        for (value, label) in yLabels ?? yTicks.values.map({ ($0, SVG.tick($0, yTicks)) }) {
            let py = c(y(value))
            s += "<line x1=\"\(c(plotLeft))\" y1=\"\(py)\" x2=\"\(c(plotRight))\" y2=\"\(py)\" stroke=\"#e5e5e5\"/>\n"
            s += "<text x=\"\(c(plotLeft - 6))\" y=\"\(py)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(e(label))</text>\n"
        }
        // Axes and their titles.
        s += "<line x1=\"\(c(plotLeft))\" y1=\"\(c(plotBottom))\" x2=\"\(c(plotRight))\" y2=\"\(c(plotBottom))\" stroke=\"#333333\"/>\n"
        s += "<line x1=\"\(c(plotLeft))\" y1=\"\(c(plotTop))\" x2=\"\(c(plotLeft))\" y2=\"\(c(plotBottom))\" stroke=\"#333333\"/>\n"
        s += "<text x=\"\(c((plotLeft + plotRight) / 2))\" y=\"\(c(plotBottom + 36))\" text-anchor=\"middle\">\(e(chart.x.title))</text>\n"
        s += "<text x=\"16\" y=\"\(c((plotTop + plotBottom) / 2))\" text-anchor=\"middle\" "
            + "transform=\"rotate(-90 16 \(c((plotTop + plotBottom) / 2)))\">\(e(chart.y.title))</text>\n"
        s += body
        s += "<text x=\"\(c(plotLeft))\" y=\"\(c(h - 10))\" fill=\"#555555\" font-size=\"10\">\(e(chart.caption))</text>\n"
        s += "</svg>\n"
        return s
    }

    /// Where each legend entry goes (x and row), and how many rows: entries in a row under the
    /// title, wrapped before the right edge (about 6 px a character at 11 px); no legend, and
    /// no rows, for a single series.
    static func legendLayout(_ chart: ChartData) -> (rows: Int, places: [(x: Double, row: Int)]) {
        guard chart.series.count > 1 else { return (0, []) }
        var places: [(x: Double, row: Int)] = [], cursor = left, row = 0
        for series in chart.series {
            let width = 28 + 6 * Double(series.name.count)
            if cursor + width > Self.width - right && cursor > left { (cursor, row) = (left, row + 1) }
            places.append((cursor, row))
            cursor += width + 12
        }
        return (row + 1, places)
    }

    /// One swatch and name per series, as `legendLayout` places them.
    func legend() -> String {
        let layout = Self.legendLayout(chart)
        guard layout.rows > 0 else { return "" }
        let c = SVG.coordinate
        var s = "<g class=\"legend\">\n"
        for (k, series) in chart.series.enumerated() {
            let (cursor, row) = (layout.places[k].x, 36 + 14 * Double(layout.places[k].row))
            let dash = series.dashed ? " stroke-dasharray=\"5 3\"" : ""
            s += "<line x1=\"\(c(cursor))\" y1=\"\(c(row))\" x2=\"\(c(cursor + 18))\" y2=\"\(c(row))\" "
                + "stroke=\"\(color(k))\" stroke-width=\"3\"\(dash)/>\n"
            s += "<text x=\"\(c(cursor + 22))\" y=\"\(c(row))\" dominant-baseline=\"middle\">\(SVG.escape(series.name))</text>\n"
        }
        return s + "</g>\n"
    }
}
