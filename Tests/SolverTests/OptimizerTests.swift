import Solver
import Testing

@Suite("Optimizer: confirmed optima")
struct OptimizerTests {
    /// Maximizes or minimizes `x` subject to the assertions built by `constraints`.
    private func optimum(
        maximize: Bool = true, _ constraints: (Context, Term<RealSort>) -> [Term<BoolSort>]
    ) throws -> OptimizeResult {
        let context = Context()
        let x = context.real("x")
        let optimizer = Optimizer(context: context, timeoutMilliseconds: 10_000)
        for constraint in constraints(context, x) { optimizer.add(constraint) }
        if maximize { optimizer.maximize(x) } else { optimizer.minimize(x) }
        return try optimizer.check()
    }

    @Test func closedBoundIsAttained() throws {
        let context = Context()
        let x = context.real("x")
        let optimizer = Optimizer(context: context, timeoutMilliseconds: 10_000)
        optimizer.add(x .<= 3)
        #expect(optimizer.maximize(x) == 0)
        guard case .optimal(let model, let values) = try optimizer.check() else {
            Issue.record("expected optimal")
            return
        }
        #expect(values == [.finite(3)])
        #expect(try model.rational(x) == 3)
    }

    /// Z3 4.8.12 itself reports 2 here (Z3 issue #5720); the wrapper must not.
    @Test func strictBoundIsASupremum() throws {
        #expect(try optimum { _, x in [x .< 3] }.values == [.infinitesimal(3, below: true)])
        #expect(try optimum { _, x in [x .< 3, x .> 0] }.values == [.infinitesimal(3, below: true)])
        #expect(try optimum(maximize: false) { _, x in [x .> Rational(1, 2)] }.values
            == [.infinitesimal(Rational(1, 2), below: false)])
        #expect(try optimum { c, x in [x + c.real("y") .< 3, c.real("y") .== 1] }.values
            == [.infinitesimal(2, below: true)])
    }

    @Test func unboundedObjectives() throws {
        #expect(try optimum { _, x in [x .> 0] }.values == [.infinite(positive: true)])
        #expect(try optimum(maximize: false) { _, x in [x .< 5] }.values == [.infinite(positive: false)])
    }

    @Test func infeasible() throws {
        guard case .infeasible = try optimum({ _, x in [x .< 3, x .> 4] }) else {
            Issue.record("expected infeasible")
            return
        }
    }

    /// The relaxation of `(x < 3 and x > 3) or x <= 1` is `x = 3 or x <= 1`, whose maximum 3
    /// must be rejected in favour of the true maximum 1.
    @Test func emptyCellsDoNotInflateTheOptimum() throws {
        #expect(try optimum { _, x in [(x .< 3 && x .> 3) || x .<= 1] }.values == [.finite(1)])
        #expect(try optimum { c, x in [x .< 3 || (c.real("y") .> 5 && x .<= 7)] }.values == [.finite(7)])
        #expect(try optimum { _, x in [!(x .>= 2)] }.values == [.infinitesimal(2, below: true)])
        #expect(try optimum { _, x in [x .<= 4, x .!= 4] }.values == [.infinitesimal(4, below: true)])
    }

    @Test func objectivesAreIndependent() throws {
        let context = Context()
        let x = context.real("x")
        let y = context.real("y")
        let optimizer = Optimizer(context: context, timeoutMilliseconds: 10_000)
        optimizer.add(x + y .<= 10 && y .>= 2 && x .>= 0)
        let first = optimizer.maximize(x)
        let second = optimizer.minimize(y)
        let third = optimizer.maximize(x + 2 * y)
        guard case .optimal(let model, let values) = try optimizer.check() else {
            Issue.record("expected optimal")
            return
        }
        #expect([first, second, third] == [0, 1, 2])
        #expect(values == [.finite(8), .finite(2), .finite(20)])
        #expect(try model.rational(x) == 8)
    }

    @Test func integerObjective() throws {
        let context = Context()
        let n = context.int("n")
        let optimizer = Optimizer(context: context, timeoutMilliseconds: 10_000)
        optimizer.add(n .< 3)
        optimizer.maximize(n.toReal())
        #expect(try optimizer.check().values == [.finite(2)])
    }

    /// The supremum √2 is irrational, so no `Bound` can state it: the answer must be unknown,
    /// never a wrong rational.
    @Test func irrationalSupremumIsUnknown() throws {
        let result = try optimum { _, x in [x * x .<= 2] }
        guard case .unknown = result else {
            Issue.record("expected unknown, got \(result.values)")
            return
        }
    }

    @Test func noObjectives() throws {
        let context = Context()
        let optimizer = Optimizer(context: context, timeoutMilliseconds: 10_000)
        optimizer.add(context.real("x") .> 0)
        #expect(try optimizer.check().values == [])
    }

    @Test func contextMismatchIsThrown() {
        let context = Context()
        let optimizer = Optimizer(context: context, timeoutMilliseconds: 10_000)
        optimizer.maximize(Context().real("x"))
        #expect(throws: SolverError.contextMismatch) { try optimizer.check() }
    }
}

extension OptimizeResult {
    /// The optima, or `nil` unless `.optimal`.
    var values: [Bound]? {
        if case .optimal(_, let values) = self { values } else { nil }
    }
}
