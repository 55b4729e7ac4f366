import Testing
@testable import Reporting

/// The chart kernels against values worked out by hand.
@Suite struct ChartKernelTests {
    struct Ticks: Sendable, CustomTestStringConvertible {
        var lower: Double, upper: Double, count: Int
        var step: Double, values: [Double], decimals: Int
        var testDescription: String { "[\(lower), \(upper)] / \(count)" }
    }

    static let ticks: [Ticks] = [
        // raw step 0.87 / 5 = 0.174 -> 0.2; 0.87 / 0.2 = 4.35 rounds out to 5 steps.
        Ticks(lower: 0, upper: 0.87, count: 5, step: 0.2, values: [0, 0.2, 0.4, 0.6, 0.8, 1], decimals: 1),
        // 100 / 5 = 20 -> 2 x 10.
        Ticks(lower: 0, upper: 100, count: 5, step: 20, values: [0, 20, 40, 60, 80, 100], decimals: 0),
        // 10 / 5 = 2; -3 rounds out to -4, 7 to 8.
        Ticks(lower: -3, upper: 7, count: 5, step: 2, values: [-4, -2, 0, 2, 4, 6, 8], decimals: 0),
        // 1800 / 5 = 360 -> 5 x 100; 600 rounds down to 500, 2400 up to 2500.
        Ticks(lower: 600, upper: 2400, count: 5, step: 500, values: [500, 1000, 1500, 2000, 2500], decimals: 0),
        // 0.3 / 3 = 0.1 exactly a step: ticks are decimals, 0.3 not 0.30000000000000004.
        Ticks(lower: 0, upper: 0.3, count: 3, step: 0.1, values: [0, 0.1, 0.2, 0.3], decimals: 1),
        // A single value 2 is widened by 2/10 each side: [1.8, 2.2], raw 0.08 -> 0.1.
        Ticks(lower: 2, upper: 2, count: 5, step: 0.1, values: [1.8, 1.9, 2, 2.1, 2.2], decimals: 1),
        // 0 alone widens to [-1, 1]: raw 0.4 -> 0.5.
        Ticks(lower: 0, upper: 0, count: 5, step: 0.5, values: [-1, -0.5, 0, 0.5, 1], decimals: 1),
        // Reversed bounds are the same domain; raw 0.006 -> 0.01.
        Ticks(lower: 0.03, upper: 0, count: 5, step: 0.01, values: [0, 0.01, 0.02, 0.03], decimals: 2),
        // -6 ... 3: raw 1.8 -> 2.
        Ticks(lower: -6, upper: 3, count: 5, step: 2, values: [-6, -4, -2, 0, 2, 4], decimals: 0),
    ]

    @Test(arguments: ticks) func niceTicks(_ t: Ticks) {
        let nice = NiceTicks(t.lower, t.upper, count: t.count)
        #expect(nice.step == t.step)
        #expect(nice.values == t.values)
        #expect(nice.lower == t.values.first && nice.upper == t.values.last)
        #expect(nice.decimals == t.decimals)
    }

    @Test func linearScale() {
        // 0 ... 10 onto 64 ... 624: 2.5 is a quarter of the way, 64 + 560 / 4 = 204.
        let x = LinearScale(domain: (0, 10), range: (64, 624))
        #expect(x(0) == 64 && x(10) == 624 && x(2.5) == 204)
        // Outside the domain it extrapolates: -1 -> 64 - 56 = 8.
        #expect(x(-1) == 8)
        // A y axis runs backwards: 0 ... 1 onto 316 ... 64; 0.25 -> 316 - 252 / 4 = 253.
        let y = LinearScale(domain: (0, 1), range: (316, 64))
        #expect(y(0) == 316 && y(1) == 64 && y(0.25) == 253)
        // A degenerate domain maps to the middle of the range.
        #expect(LinearScale(domain: (3, 3), range: (0, 100))(7) == 50)
    }

    @Test func svgTextIsEscapedAndNumbersAreFixed() {
        #expect(SVG.escape(#"a<b & "c" 'd'>"#) == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;")
        #expect(SVG.coordinate(12.5) == "12.5")
        #expect(SVG.coordinate(3) == "3")
        #expect(SVG.coordinate(-0.001) == "0")
        #expect(SVG.coordinate(1.005e3) == "1005")
        #expect(SVG.coordinate(.nan) == "0")
        #expect(SVG.number(0.30000000000000004, decimals: 1) == "0.3")
        #expect(SVG.number(-2, decimals: 2) == "-2.00")
    }
}
