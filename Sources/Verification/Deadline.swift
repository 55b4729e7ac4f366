/// A whole run's time limit (`verify --time-limit`), shared by every Z3 query of the run: a
/// query never waits past it, and once it has passed every remaining query, dominance test and
/// property answers `unknown` with `reason` instead of starting.
public struct Deadline: Sendable {
    /// The limit in seconds, as given.
    public let seconds: Double
    /// When the limit is reached.
    public let instant: ContinuousClock.Instant

    /// A limit `seconds` from now.
    /// - Precondition: `seconds > 0` and finite.
    public init(seconds: Double, from start: ContinuousClock.Instant = .now) {
        precondition(seconds > 0 && seconds.isFinite, "Deadline: \(seconds) s")
        self.seconds = seconds
        instant = start + .nanoseconds(Int64(min(seconds, 1e9) * 1e9))
    }

    /// Whether the limit has been reached.
    public var passed: Bool { ContinuousClock.now >= instant }

    /// Milliseconds left, at least 1; `nil` once the limit has been reached.
    public var remainingMilliseconds: UInt32? {
        let left = instant - ContinuousClock.now
        guard left > .zero else { return nil }
        let ms = Double(left.components.seconds) * 1e3 + Double(left.components.attoseconds) * 1e-15
        return UInt32(min(max(ms.rounded(.up), 1), Double(UInt32.max)))
    }

    /// Why a verdict is unknown because of the limit.
    public var reason: String {
        "the run's time limit (--time-limit \(limitText) s) was reached before this was decided"
    }

    /// The limit as given: `5`, `0.5`.
    public var limitText: String { Self.format(seconds) }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}

extension Optional where Wrapped == Deadline {
    /// The timeout of the next query: `cap`, cut to what is left of the deadline; `nil` when the
    /// deadline has passed.
    func queryTimeout(cap: UInt32) -> UInt32? {
        guard let deadline = self else { return cap }
        return deadline.remainingMilliseconds.map { min($0, cap) }
    }
}
