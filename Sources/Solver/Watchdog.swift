internal import CZ3
import Dispatch
import Synchronization

/// Enforces a timeout on one Z3 call by calling `Z3_interrupt` from a timer thread.
///
/// Z3 4.8.12's own `timeout` parameter can deadlock: its pooled timer threads hang the
/// calling thread forever (Z3 pull request #5371; reproduced here with a cubic integer
/// equation and timeouts from 2 ms up). So the wrapper never sets that parameter and
/// interrupts the context itself. `disarm()` must be called as soon as the guarded call
/// returns: after it, the watchdog never touches the context again, so an interrupt can
/// only land during the guarded call or between its return and `disarm()`, where Z3
/// ignores it (the next check starts afresh).
final class _Watchdog: @unchecked Sendable {
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
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(Int(milliseconds)), execute: item)
    }

    private func fire() {
        state.withLock { state in
            guard state.armed else { return }
            state.fired = true
            Z3_interrupt(raw)
        }
    }

    /// Stops the timer; returns whether it interrupted the call.
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
    return (result, watchdog.disarm())
}
