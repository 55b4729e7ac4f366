import Solver
import Specs
import Testing
@testable import Verification

/// The reward curves drawn for a report, against hand values of `specs/paper.toml`.
@Suite struct RewardCurvesTests {
    static let paper = repositoryRoot.appending("/specs/paper.toml")

    /// Ten classes, uniform prior, accuracy 9/10 (an error lands on each other class with
    /// 1/90), proper normalization. Worker and peer both observe x with probability
    /// joint(x, x) = 1/10 * 81/100 + 9 * 1/10 * (1/90)^2 = 81/1000 + 1/9000 = 73/900, paid
    /// 1 / R(x) = 10 on a match, so an honest worker earns 10 * 10 * 73/900 - beta = 73/9 - beta.
    /// A report independent of the sample matches with probability R(y) and earns 1 - beta
    /// (Eq. 8). A member of a coalition of every worker on the halves map reports one of two
    /// classes, each R = 1/2, and its peer lands in the same half with probability 145/324 per
    /// half: 2 * 145/324 / (1/2) - beta = 145/81 - beta.
    @Test func paperSpecAgainstHandValues() throws {
        let curves = try #require(RewardCurves.againstBeta(try Spec.load(path: Self.paper), points: 5))
        #expect(curves.beta == [0, Rational(1, 2), 1, Rational(3, 2), 2])
        #expect(curves.specBeta == 1)
        #expect(curves.coalition == 1)
        #expect(curves.series.map(\.name) == [
            "honest (Eq. 6)", "report independent of the sample (Eq. 8)", "coalition member, halves map (Eq. 11)",
        ])
        #expect(curves.series[0].values == curves.beta.map { Rational(73, 9) - $0 })
        #expect(curves.series[1].values == curves.beta.map { 1 - $0 })
        #expect(curves.series[2].values == curves.beta.map { Rational(145, 81) - $0 })
    }

    /// An accuracy range is not one curve: nothing is drawn rather than one point of it.
    @Test func aRangedBeliefDrawsNoCurve() throws {
        var spec = try Spec.load(path: Self.paper)
        spec.federation.accuracy = .all(.range(min: 0.6, max: 0.9))
        #expect(RewardCurves.againstBeta(spec) == nil)
    }
}
