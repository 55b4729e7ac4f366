import Solver
import Testing

#if os(Linux)
    import Glibc
#else
    import Darwin
#endif

/// `LiveObjects.count` is process-wide and other tests run in parallel, so the workload runs
/// in a child process (an exit test) where nothing else allocates wrappers.
@Suite("Leaks: every wrapper is released")
struct LeakTests {
    @Test func thousandsOfQueriesLeaveNothingBehind() async {
        await #expect(processExitsWith: .success) {
            let before = LiveObjects.count
            var peak = 0
            do {
                var context = Context()
                var solver = Solver(context: context, timeoutMilliseconds: 5_000)
                for round in 0..<5_000 {
                    // A fresh context every 1000 queries and a fresh solver every 50; the
                    // queries in between reuse the solver with push and pop.
                    if round % 1_000 == 0 { context = Context() }
                    if round % 50 == 0 { solver = Solver(context: context, timeoutMilliseconds: 5_000) }
                    let x = context.real("x\(round % 7)")
                    let n = context.int("n")
                    solver.push()
                    solver.add(3 * x .== Rational(round, 7) && n.toReal() .<= x && n .>= -1)
                    guard case .sat(let model) = try solver.check(), try model.rational(x) == Rational(round, 21),
                        try model.value(n) >= -1
                    else { exit(2) }
                    _ = solver.smtlib2()
                    solver.pop()
                    peak = max(peak, LiveObjects.count)
                    if round % 1_000 == 999 {
                        let optimizer = Optimizer(context: context, timeoutMilliseconds: 5_000)
                        optimizer.add(x .< 3)
                        optimizer.maximize(x)
                        guard case .optimal(_, let values) = try optimizer.check(),
                            values == [.infinitesimal(3, below: true)]
                        else { exit(3) }
                        let quantified = Solver(context: context, timeoutMilliseconds: 5_000)
                        quantified.add(!forall([x.erased], x * x .>= 0))
                        guard case .unsat = try quantified.check() else { exit(6) }
                    }
                }
                // A context mismatch must not leak either.
                _ = context.real("a") + Context().real("b")
            } catch {
                exit(4)
            }
            guard peak > before else { exit(5) }  // the counter does count
            guard LiveObjects.count == before else { exit(1) }
        }
    }
}
