internal import CZ3
import Dispatch
import Synchronization

/// Enforces a timeout on one Z3 call by calling `Z3_interrupt` from a timer thread.
///
/// Z3 4.8.12's own `timeout` parameter can deadlock: its pooled timer threads hang the
/// calling thread forever (Z3 pull request #5371; reproduced here with a cubic integer
/// equation and timeouts from 2 ms up). So the wrapper never sets that parameter and
/// interrupts the context itself. `disarm()` must be called as soon as the guarded call
/// returns: after it, the watchdog never touches the context again. An interrupt can still
/// land between the call's return and `disarm()`; it leaves the context cancelled (model
/// and simplifier calls fail with "canceled") until the next solver check, so after a
/// timer has fired `_withWatchdog` runs a trivial check to clear it.
///
/// The timers run on one serial queue of their own: a serial queue gets a thread even when
/// the global pool is saturated (on Linux, Swift concurrency and `DispatchQueue.global()`
/// share a pool of one thread per core, which callers blocked in Z3 can fill up).
final class _Watchdog: @unchecked Sendable {
    private static let queue = DispatchQueue(label: "Solver.watchdog")
    private let raw: OpaquePointer
    /// Armed until disarmed; whether it fired.
    private let state = Mutex<(armed: Bool, fired: Bool)>((true, false))
    private var item: DispatchWorkItem?

    /// Starts the timer; a zero timeout means no limit.
    init(_ context: Context, milliseconds: UInt32) {
        raw = context._raw
        guard milliseconds > 0 else { return }
        let item = DispatchWorkItem { [weak self] in self?.fire() }
        self.item = item
        Self.queue.asyncAfter(deadline: .now() + .milliseconds(Int(milliseconds)), execute: item)
    }

    /// Interrupts Z3, and again every 20 ms until disarmed: an interrupt that lands before Z3
    /// starts its search is cleared when the search begins, so one interrupt is not enough.
    private func fire() {
        let again = state.withLock { state -> Bool in
            guard state.armed else { return false }
            state.fired = true
            Z3_interrupt(raw)
            return true
        }
        guard again else { return }
        let item = DispatchWorkItem { [weak self] in self?.fire() }
        Self.queue.asyncAfter(deadline: .now() + .milliseconds(20), execute: item)
    }

    func disarm() -> Bool {
        item?.cancel()
        return state.withLock { state in
            state.armed = false
            return state.fired
        }
    }
}

/// Runs `call` under a watchdog; returns its result and whether the timeout interrupted it.
func _withWatchdog<T>(_ context: Context, _ milliseconds: UInt32, _ call: () -> T) -> (T, timedOut: Bool) {
    let watchdog = _Watchdog(context, milliseconds: milliseconds)
    let result = call()
    let fired = watchdog.disarm()
    if fired {
        let raw = context._raw
        let reset = Z3_mk_simple_solver(raw)
        Z3_solver_inc_ref(raw, reset)
        _ = Z3_solver_check(raw, reset)
        Z3_solver_dec_ref(raw, reset)
    }
    return (result, fired)
}
