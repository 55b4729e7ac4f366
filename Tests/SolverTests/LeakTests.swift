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
                let shared = Context()
                for round in 0..<5_000 {
                    // Every 100th query gets a context of its own; the rest share one.
                    let context = round % 100 == 0 ? Context() : shared
                    let x = context.real("x\(round % 7)")
                    let n = context.int("n")
                    let solver = Solver(context: context, timeoutMilliseconds: 5_000)
                    solver.add(3 * x .== Rational(round, 7) && n.toReal() .<= x && forall([n.erased], n * n .>= 0))
                    guard case .sat(let model) = try solver.check(), try model.rational(x) == Rational(round, 21)
                    else { exit(2) }
                    _ = solver.smtlib2()
                    peak = max(peak, LiveObjects.count)
                    if round % 500 == 0 {
                        let optimizer = Optimizer(context: context, timeoutMilliseconds: 5_000)
                        optimizer.add(x .< 3)
                        optimizer.maximize(x)
                        guard case .optimal(_, let values) = try optimizer.check(),
                            values == [.infinitesimal(3, below: true)]
                        else { exit(3) }
                    }
                }
                // A context mismatch must not leak either.
                let other = Context()
                _ = shared.real("a") + other.real("b")
            } catch {
                exit(4)
            }
            guard peak > before else { exit(5) }  // the counter does count
            guard LiveObjects.count == before else { exit(1) }
        }
    }
}
