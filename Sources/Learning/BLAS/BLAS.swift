// Process-wide OpenBLAS settings.
internal import COpenBLAS
import Synchronization

/// Process-wide settings of the OpenBLAS library behind ``gemm(_:transposeA:_:transposeB:alpha:beta:into:)``.
///
/// The thread count is also the number of shards the layers of a ``Sequential`` network split
/// each batch into (see ``Parallel``): training results are bit-identical for the same seed
/// and the same count, and may differ between counts.
public enum BLAS {
    /// The configured count, or 0 until it is first set or read.
    private static let configured = Atomic<Int>(0)
    /// The number of ``_withSingleThreadedCalls(_:)`` bodies running, on any thread.
    private static let singleThreadedBodies = Mutex<Int>(0)

    /// Sets the number of threads OpenBLAS uses for each call and the number of shards a
    /// network's batch is split into (at least 1).
    ///
    /// - Parameter count: The thread count; 1 makes results independent of scheduling.
    public static func setThreads(_ count: Int) {
        precondition(count >= 1, "BLAS thread count must be at least 1, got \(count)")
        singleThreadedBodies.withLock { bodies in
            configured.store(count, ordering: .sequentiallyConsistent)
            // While sharded passes run, OpenBLAS stays single-threaded until the last one ends.
            if bodies == 0 { openblas_set_num_threads(Int32(clamping: count)) }
        }
    }

    /// The configured number of threads: the last ``setThreads(_:)``, or OpenBLAS's own
    /// default (`OPENBLAS_NUM_THREADS` or the processor count) until then.
    ///
    /// It stays the configured count while a sharded pass temporarily runs OpenBLAS
    /// single-threaded (see ``_withSingleThreadedCalls(_:)``).
    public static var threads: Int {
        let count = configured.load(ordering: .sequentiallyConsistent)
        if count > 0 { return count }
        let library = max(1, Int(openblas_get_num_threads()))
        let (_, current) = configured.compareExchange(expected: 0, desired: library, ordering: .sequentiallyConsistent)
        return current == 0 ? library : current
    }

    /// The kernel OpenBLAS uses (see ``BLASCoreType``).
    public static var coreType: String? { BLASCoreType.active }

    /// Runs `body` with every OpenBLAS call single-threaded, then restores the configured
    /// count once no such body runs any more (on any thread): the shards of a pass already
    /// occupy the threads, concurrent multi-threaded OpenBLAS calls would contend for its one
    /// thread pool, and OpenBLAS's results depend on its thread count, so the products of a
    /// sharded pass must not change with what other threads do meanwhile.
    ///
    /// The setting is process-wide: other calls during `body` also run single-threaded.
    ///
    /// - Complexity: O(1) besides `body`: an uncontended lock on entry and exit.
    static func _withSingleThreadedCalls<Result>(_ body: () throws -> Result) rethrows -> Result {
        _ = threads  // fix the configured count before changing OpenBLAS's
        singleThreadedBodies.withLock { bodies in
            if bodies == 0 { openblas_set_num_threads(1) }
            bodies += 1
        }
        defer {
            singleThreadedBodies.withLock { bodies in
                bodies -= 1
                if bodies == 0 { openblas_set_num_threads(Int32(clamping: threads)) }
            }
        }
        return try body()
    }
}
