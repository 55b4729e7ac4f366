import Solver
import Testing

@Suite("Term: building and printing")
struct TermTests {
    @Test func printsSMTLIB() {
        let context = Context()
        let x = context.real("x")
        let n = context.int("n")
        #expect((x + 1).description == "(+ x 1.0)")
        #expect((3 * x .== 1).description == "(= (* 3.0 x) 1.0)")
        #expect((n - 2 .>= 0).description == "(>= (- n 2) 0)")
        #expect((x / 2).description == "(/ x 2.0)")
        #expect((-x).description == "(- x)")
        #expect(n.toReal().description == "(to_real n)")
        #expect(context.real(Rational(-7, 2)).description == "(- (/ 7.0 2.0))")
        #expect(context.bool(true).description == "true")
        #expect((x .!= 0).description == "(not (= x 0.0))")
        #expect(implies(x .> 0, x .>= 0).description == "(=> (> x 0.0) (>= x 0.0))")
        #expect(ite(context.bool("b"), x, x + 1).description == "(ite b x (+ x 1.0))")
    }

    @Test func literalsAreExact() {
        let context = Context()
        #expect((context.int(1) + 2).simplified().description == "3")
        #expect((context.real(0.5) + Rational(1, 4)).simplified().description == "(/ 3.0 4.0)")
        // 0.1 is the binary double, not 1/10.
        #expect(context.real(0.1).simplified().description == "(/ 3602879701896397.0 36028797018963968.0)")
        #expect(context.real(Rational(1, 10)).simplified().description == "(/ 1.0 10.0)")
    }

    @Test func emptyAggregates() {
        let context = Context()
        #expect(sum([Term<RealSort>](), in: context).description == "0.0")
        #expect(sum([Term<IntSort>](), in: context).description == "0")
        #expect(and([], in: context).description == "true")
        #expect(or([], in: context).description == "false")
        let xs = (0..<3).map { context.real("x\($0)") }
        #expect(sum(xs, in: context).description == "(+ x0 x1 x2)")
        #expect(sum([xs[0]], in: context).description == "x0")
        #expect(and(xs.map { $0 .> 0 }, in: context).description == "(and (> x0 0.0) (> x1 0.0) (> x2 0.0))")
    }

    @Test func mixedExpressionsTypeCheck() {
        let context = Context()
        let a = context.real("a")
        let b = context.real("b")
        let c = context.int("c")
        let formula = 2 * a + 3 * b - 0.5 * a / 4 .<= c.toReal() * 2 + Rational(1, 3) && !(a .< b) || a .== b
        #expect(formula.description.hasPrefix("(or (and (<= "))
        #expect(context.lastError == nil)
    }

    @Test func nonIntegerNumeralForAnIntTermIsAnError() {
        let context = Context()
        let n = context.int("n")
        _ = n + Rational(1, 2)
        guard case .z3(_, let message) = context.lastError else {
            Issue.record("expected a recorded Z3 error, got \(String(describing: context.lastError))")
            return
        }
        #expect(message.contains("1/2"))
        let solver = Solver(context: context, timeoutMilliseconds: 5_000)
        solver.add(n .> 0)
        #expect(throws: SolverError.self) { try solver.check() }
    }

    @Test func contextMismatchIsRecordedAndThrown() {
        let left = Context()
        let right = Context()
        let x = left.real("x")
        let y = right.real("y")
        let mixed = x + y
        #expect(mixed.context === left)
        #expect(left.lastError == .contextMismatch)
        let solver = Solver(context: left, timeoutMilliseconds: 5_000)
        solver.add(mixed .> 0)
        #expect(throws: SolverError.contextMismatch) { try solver.check() }
        // Adding a term of another context to a fresh context's solver is caught too.
        let third = Context()
        let other = Solver(context: third, timeoutMilliseconds: 5_000)
        other.add(x .> 0)
        #expect(throws: SolverError.contextMismatch) { try other.check() }
        // Comparisons, logic and quantifiers check as well.
        let fourth = Context()
        _ = x .< fourth.real("z")
        _ = left.bool("p") && fourth.bool("q")
        _ = forall([fourth.real("w").erased], x .> 0)
        #expect(fourth.lastError == .contextMismatch)
    }

    @Test func errorsDescribeThemselves() {
        #expect(SolverError.z3(code: 3, message: "Sort mismatch").description == "Z3 error 3: Sort mismatch")
        #expect(SolverError.notANumeral("x").description == "not a rational numeral: x")
        #expect(Bound.infinitesimal(3, below: true).description == "3 - epsilon")
        #expect(Bound.infinite(positive: false).description == "-oo")
    }
}
