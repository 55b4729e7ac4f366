import Synchronization

/// Counts of live wrapper objects: contexts, term handles, solvers, optimizers and models.
///
/// Every wrapper that owns a Z3 object increments the count in its initializer and
/// decrements it in `deinit`, so a test can build many queries inside a scope and assert that
/// the count returns to its earlier value (no leaked Z3 references).
public enum LiveObjects {
    private static let counter = Atomic<Int>(0)

    /// The number of wrapper objects alive right now, across all threads.
    public static var count: Int { counter.load(ordering: .relaxed) }

    static func _retain() { counter.add(1, ordering: .relaxed) }
    static func _release() { counter.subtract(1, ordering: .relaxed) }
}
