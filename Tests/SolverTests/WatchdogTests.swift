import Foundation
import Testing

@testable import Solver

@Suite("Watchdog: timeouts by Z3_interrupt")
struct WatchdogTests {
    /// An interrupt that lands after the guarded call returned leaves Z3's context cancelled
    /// (model evaluation and simplification fail) unless the watchdog clears it.
    @Test func lateInterruptIsCleared() throws {
        let context = Context()
        let x = context.real("x")
        let solver = Solver(context: context, timeoutMilliseconds: 0)
        solver.add(2 * x .== 3)
        guard case .sat(let model) = try solver.check() else {
            Issue.record("expected sat")
            return
        }
        let (_, fired) = _withWatchdog(context, 1) { Thread.sleep(forTimeInterval: 0.05) }
        #expect(fired)
        #expect(try model.rational(x) == Rational(3, 2))
        #expect((context.int(1) + 2).simplified().description == "3")
        #expect(context.lastError == nil)
    }

    @Test func unfiredWatchdogReportsNoTimeout() {
        let context = Context()
        let (value, fired) = _withWatchdog(context, 10_000) { 42 }
        #expect(value == 42 && !fired)
        let (_, unlimited) = _withWatchdog(context, 0) { Thread.sleep(forTimeInterval: 0.01) }
        #expect(!unlimited)
    }
}
