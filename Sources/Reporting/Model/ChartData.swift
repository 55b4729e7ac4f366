/// One chart of a report, as data: what is plotted, not how. Every format renders from it
/// (the HTML report draws it as inline SVG with `ChartRenderer`; JSON keeps the numbers).
///
/// - `line` and `scatter`: each series is a list of (x, y) points.
/// - `groupedBar`: `categories` along x; series s has one point per category, point k being
///   the bar of category k (its `x` is k).
/// - `interval`: `intervals` drawn as bands along the x axis, one row each; `marker` is a value
///   marked on the axis (the spec's own value).
public struct ChartData: Hashable, Sendable, Codable {
    /// How the chart is drawn.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case line
        case scatter
        case groupedBar = "grouped-bar"
        case interval
    }

    /// An axis: what it measures and in which unit (`""` for a pure number).
    public struct Axis: Hashable, Sendable, Codable {
        public var label: String
        public var unit: String

        public init(_ label: String, unit: String = "") {
            self.label = label
            self.unit = unit
        }

        /// `label (unit)`, or the label alone.
        public var title: String { unit.isEmpty ? label : "\(label) (\(unit))" }
    }

    /// A point of a series.
    public struct Point: Hashable, Sendable, Codable {
        public var x: Double
        public var y: Double

        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// A named series; `dashed` draws an adversary's line dashed beside the honest one, and
    /// `colorSlot` picks its colour from the palette (`nil`: the series' position), so that
    /// the two lines of one beta share a colour.
    public struct Series: Hashable, Sendable, Codable {
        public var name: String
        public var points: [Point]
        public var dashed: Bool
        public var colorSlot: Int?

        public init(name: String, points: [Point], dashed: Bool = false, colorSlot: Int? = nil) {
            self.name = name
            self.points = points
            self.dashed = dashed
            self.colorSlot = colorSlot
        }
    }

    /// A closed interval of the x axis; `holds` tells whether the properties hold on it.
    public struct Interval: Hashable, Sendable, Codable {
        public var label: String
        public var lower: Double
        public var upper: Double
        public var holds: Bool

        public init(label: String, lower: Double, upper: Double, holds: Bool) {
            self.label = label
            self.lower = lower
            self.upper = upper
            self.holds = holds
        }
    }

    /// A stable identifier, also the chart's file name without `.svg` (`fig4-accuracy`).
    public var id: String
    public var kind: Kind
    public var title: String
    /// Where the chart comes from (`Witt et al., Fig. 4; seed 5`).
    public var caption: String
    public var x: Axis
    public var y: Axis
    public var series: [Series]
    public var categories: [String]
    public var intervals: [Interval]
    public var marker: Double?

    public init(
        id: String, kind: Kind, title: String, caption: String, x: Axis, y: Axis, series: [Series] = [],
        categories: [String] = [], intervals: [Interval] = [], marker: Double? = nil
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.caption = caption
        self.x = x
        self.y = y
        self.series = series
        self.categories = categories
        self.intervals = intervals
        self.marker = marker
    }
}
