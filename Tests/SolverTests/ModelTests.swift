import Solver
import Testing

@Suite("Model: reading values")
struct ModelTests {
    @Test func squareRootOfTwoIsAlgebraic() throws {
        let context = Context()
        let x = context.real("x")
        let solver = Solver(context: context, timeoutMilliseconds: 10_000)
        solver.add(x * x .== 2 && x .> 0)
        guard case .sat(let model) = try solver.check() else {
            Issue.record("expected sat")
            return
        }
        guard case .algebraic(let lower, let upper, let text) = try model.value(x) else {
            Issue.record("expected an algebraic value")
            return
        }
        #expect(lower < upper)
        #expect(lower.doubleValue <= 1.41421356 + 1e-8 && upper.doubleValue >= 1.41421356)
        #expect(lower * lower < 2 && upper * upper > 2)
        #expect(upper - lower < Rational(1, 1_000_000_000_000_000))
        #expect(text.hasPrefix("1.41421356237309504880"))
        #expect(throws: SolverError.notANumeral(text)) { try model.rational(x) }
    }

    @Test func integerBooleanAndNegativeValues() throws {
        let context = Context()
        let n = context.int("n")
        let p = context.bool("p")
        let x = context.real("x")
        let solver = Solver(context: context, timeoutMilliseconds: 5_000)
        solver.add(n * 4 .== -1_000_000_000_000 && !p && 2 * x .== -7)
        guard case .sat(let model) = try solver.check() else {
            Issue.record("expected sat")
            return
        }
        #expect(try model.value(n).description == "-250000000000")
        #expect(try model.value(p) == false)
        #expect(try model.value(x) == .exact(Rational(-7, 2)))
        #expect(try model.value(x).description == "-7/2")
        #expect(try model.rational(x * x + n.toReal()) == Rational(49, 4) - 250_000_000_000)
        #expect(model.description.contains("n"))
    }

    @Test func unconstrainedConstantsAreCompleted() throws {
        let context = Context()
        let free = context.real("free")
        let solver = Solver(context: context, timeoutMilliseconds: 5_000)
        solver.add(context.real("x") .> 0)
        guard case .sat(let model) = try solver.check() else {
            Issue.record("expected sat")
            return
        }
        #expect(try model.rational(free) == 0)
    }

    @Test func termsOfAnotherContextAreRefused() throws {
        let context = Context()
        let solver = Solver(context: context, timeoutMilliseconds: 5_000)
        solver.add(context.real("x") .> 0)
        guard case .sat(let model) = try solver.check() else {
            Issue.record("expected sat")
            return
        }
        let other = Context()
        #expect(throws: SolverError.contextMismatch) { try model.rational(other.real("x")) }
    }
}
