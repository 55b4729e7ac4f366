import Solver
import Testing

@Suite("Rational: exact fractions")
struct RationalTests {
    @Test func parsing() {
        #expect(Rational("3") == Rational(3))
        #expect(Rational("-3") == Rational(-3))
        #expect(Rational("+3") == Rational(3))
        #expect(Rational("1/3") == Rational(1, 3))
        #expect(Rational("-7/2") == Rational(-7, 2))
        #expect(Rational("1.25") == Rational(5, 4))
        #expect(Rational("-0.5") == Rational(-1, 2))
        #expect(Rational("6/4") == Rational(3, 2))
        #expect(Rational("0.1") == Rational(1, 10))
        #expect(Rational(" 2 ") == Rational(2))
        #expect(Rational("123456789012345678901234567890/3")?.description == "41152263004115226300411522630")
        for bad in ["", "-", "1/0", "abc", "1.", ".5", "1/-2", "--1", "1e3", "1/2/3", "1..2", "½"] {
            #expect(Rational(bad) == nil, "\(bad)")
        }
    }

    @Test func reductionAndSign() {
        let r = Rational(6, -4)
        #expect(r.numerator == -3 && r.denominator == 2)
        let zero = Rational(0, -5)
        #expect(zero.numerator == 0 && zero.denominator == 1)
        #expect(Rational(10, 5).isInteger && !Rational(1, 2).isInteger)
        #expect(Rational(-14, 4).description == "-7/2")
        #expect(Rational(1, 3).description == "1/3")
        #expect(Rational(5).description == "5")
        let literal: Rational = 7
        #expect(literal == Rational(7, 1))
    }

    @Test func arithmetic() {
        #expect(Rational(1, 3) + Rational(1, 6) == Rational(1, 2))
        #expect(Rational(1, 2) - Rational(3, 4) == Rational(-1, 4))
        #expect(Rational(2, 3) * Rational(9, 4) == Rational(3, 2))
        #expect(Rational(1, 2) / Rational(-1, 4) == Rational(-2))
        #expect(-Rational(5, 7) == Rational(-5, 7))
        #expect(Rational(1, 3) + Rational(2, 3) == 1)
        // 1/1 + 1/2 + ... + 1/10 = 7381/2520
        var harmonic: Rational = 0
        for k in 1...10 { harmonic = harmonic + Rational(1) / Rational(k) }
        #expect(harmonic == Rational(7381, 2520))
    }

    @Test func comparisons() {
        #expect(Rational(1, 3) < Rational(1, 2))
        #expect(Rational(-1, 2) < Rational(-1, 3))
        #expect(Rational(2, 4) == Rational(1, 2))
        #expect(Rational(2, 4).hashValue == Rational(1, 2).hashValue)
        #expect([Rational(3), Rational(-1, 2), Rational(1, 3)].sorted() == [Rational(-1, 2), Rational(1, 3), Rational(3)])
    }

    @Test func exactDoubles() {
        #expect(Rational(exactly: 0.1) == Rational(3602879701896397, 36028797018963968))
        #expect(Rational(exactly: 0.5) == Rational(1, 2))
        #expect(Rational(exactly: -3.0) == Rational(-3))
        #expect(Rational(exactly: 0.0) == Rational(0))
        #expect(Rational(exactly: 0x1p60)?.description == "1152921504606846976")
        #expect(Rational(exactly: Double.leastNonzeroMagnitude)?.denominator.description == Self.twoToThe1074)
        #expect(Rational(exactly: .infinity) == nil && Rational(exactly: -.infinity) == nil)
        #expect(Rational(exactly: .nan) == nil)
    }

    @Test func doubleValueRoundTrips() {
        #expect(Rational(1, 3).doubleValue == 1.0 / 3.0)
        #expect(Rational(-7, 2).doubleValue == -3.5)
        #expect(Rational(0).doubleValue == 0)
        var generator = SplitMix(seed: 0x5EED)
        for _ in 0..<2_000 {
            let bits = generator.next()
            let value = Double(bitPattern: bits)
            guard value.isFinite else { continue }
            #expect(Rational(exactly: value)?.doubleValue == value, "seed 0x5EED, bits \(bits)")
        }
    }

    @Test func doubleValueRoundsLargeFractions() throws {
        // (10^400 + 1) / 10^399 is just above 10, and rounds to 10.
        let big = try #require(Rational("1" + String(repeating: "0", count: 399) + "1/1" + String(repeating: "0", count: 399)))
        #expect(big.doubleValue == 10)
        // 1/3 with a 300-digit denominator scale still gives the double nearest 1/3.
        let third = try #require(Rational(String(repeating: "3", count: 300) + "/1" + String(repeating: "0", count: 300)))
        #expect(third.doubleValue == 1.0 / 3.0)
        // (2^53 + 1) / 1 is a tie between 2^53 and 2^53 + 2: ties to even.
        #expect(Rational(9007199254740993).doubleValue == 9007199254740992)
        // 1/(2^53 + 1) = 2^-53 - 2^-106 + 2^-159 - ...: the nearest double is 2^-53 - 2^-106.
        #expect(Rational(1, 9007199254740993).doubleValue == (0x1p-53).nextDown)
    }

    static let twoToThe1074 = "202402253307310618352495346718917307049556649764142118356901358027430339567995346891960383701437124495187077864316811911389808737385793476867013399940738509921517424276566361364466907742093216341239767678472745068562007483424692698618103355649159556340810056512358769552333414615230502532186327508646006263307707741093494784"
}

/// SplitMix64, for reproducible random doubles.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
