/// The affine map of a data interval onto a drawing interval (pixels), as in the chart
/// libraries' `scaleLinear`:
/// ```
/// scale(x) = r0 + (x - d0) / (d1 - d0) * (r1 - r0)
/// ```
/// The range may run backwards (an SVG y axis grows downwards: r0 the bottom, r1 the top). A
/// degenerate domain (`d0 == d1`) maps everything to the middle of the range.
public struct LinearScale: Sendable {
    public let domain: (lower: Double, upper: Double)
    public let range: (lower: Double, upper: Double)

    public init(domain: (Double, Double), range: (Double, Double)) {
        self.domain = domain
        self.range = range
    }

    /// The drawing coordinate of `x`.
    public func callAsFunction(_ x: Double) -> Double {
        let width = domain.upper - domain.lower
        guard width != 0 else { return (range.lower + range.upper) / 2 }
        return range.lower + (x - domain.lower) / width * (range.upper - range.lower)
    }
}
