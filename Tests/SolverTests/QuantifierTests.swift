import Solver
import Testing

@Suite("Quantifiers")
struct QuantifierTests {
    @Test func squaresAreNonNegative() throws {
        let context = Context()
        let x = context.real("x")
        let valid = forall([x.erased], x * x .>= 0)
        let solver = Solver(context: context, timeoutMilliseconds: 10_000)
        solver.add(!valid)
        #expect(try solver.check().isUnsat)
        #expect(valid.description.hasPrefix("(forall ((x Real)) (! (>= (* x x) 0.0)"))
    }

    @Test func everyRealHasALargerOne() throws {
        let context = Context()
        let x = context.real("x")
        let y = context.real("y")
        let claim = forall([x.erased], exists([y.erased], y .> x))
        let refute = Solver(context: context, timeoutMilliseconds: 10_000)
        refute.add(!claim)
        #expect(try refute.check().isUnsat)
        let assertIt = Solver(context: context, timeoutMilliseconds: 10_000)
        assertIt.add(claim)
        #expect(try assertIt.check().isSat)
    }

    @Test func falseClaimsAreRefuted() throws {
        let context = Context()
        let x = context.real("x")
        let n = context.int("n")
        // Not every real is below 10: the negation is satisfiable.
        let solver = Solver(context: context, timeoutMilliseconds: 10_000)
        solver.add(!forall([x.erased], x .< 10))
        #expect(try solver.check().isSat)
        // A negative real has no real square root.
        let roots = Solver(context: context, timeoutMilliseconds: 10_000)
        roots.add(x .< 0 && exists([context.real("r").erased], context.real("r") * context.real("r") .== x))
        #expect(try roots.check().isUnsat)
        // Mixed sorts: every integer n has a real strictly between n and n + 1.
        let between = Solver(context: context, timeoutMilliseconds: 10_000)
        let r = context.real("r")
        between.add(!forall([n.erased], exists([r.erased], n.toReal() .< r && r .< n.toReal() + 1)))
        #expect(try between.check().isUnsat)
    }

    @Test func noVariablesLeavesTheBody() {
        let context = Context()
        let body = context.real("x") .> 0
        #expect(forall([], body).description == body.description)
    }

    @Test func nonConstantVariablesAreAnError() {
        let context = Context()
        let x = context.real("x")
        _ = forall([(x + 1).erased], x .> 0)
        #expect(context.lastError != nil)
        let solver = Solver(context: context, timeoutMilliseconds: 1_000)
        #expect(throws: SolverError.self) { try solver.check() }
    }
}
