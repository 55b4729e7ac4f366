// Splitting a batch into shards that run on separate threads.
import Dispatch

/// Data parallelism for the layers: a batch's rows are split into contiguous shards, and
/// each shard runs through the whole network on its own thread, with its own caches and its
/// own partial parameter gradients, which are then added in shard order.
///
/// Goals, in priority order:
/// 1. Correctness: each shard only writes its own rows and its own scratch storage.
/// 2. Determinism: the split depends only on the row count and the shard count, never on
///    scheduling, and partial gradients are reduced in a fixed order; so results are
///    bit-identical for the same ``workers`` count.
/// 3. Speed: one parallel region per forward and per backward pass of a network (not one per
///    layer), OpenBLAS single-threaded inside it so that its calls do not contend.
enum Parallel {
    /// Overrides ``workers`` for the current task (tests use it to exercise several shards
    /// without touching the process-wide BLAS setting).
    @TaskLocal static var workersOverride: Int?

    /// The number of shards a batch is split into: ``BLAS/threads`` unless overridden.
    static var workers: Int { max(1, workersOverride ?? BLAS.threads) }

    /// The rows of shard `shard` when `rows` rows are split into `shards` near-equal
    /// contiguous ranges (the first ones one row shorter when they do not divide evenly).
    ///
    /// - Complexity: O(1).
    static func range(of shard: Int, rows: Int, shards: Int) -> Range<Int> {
        (shard * rows / shards) ..< ((shard + 1) * rows / shards)
    }

    /// The number of shards for a batch of `rows` rows: ``workers``, but never more than the rows.
    static func shards(rows: Int) -> Int { max(1, min(workers, rows)) }

    /// Calls `body(shard)` for every shard in `0 ..< count`, concurrently when `count > 1`,
    /// with OpenBLAS single-threaded meanwhile (so that a pass's products do not depend on
    /// its shard count), and returns when all are done.
    ///
    /// - Complexity: the slowest shard plus a thread hand-off.
    static func run(_ count: Int, _ body: (Int) -> Void) {
        BLAS._withSingleThreadedCalls {
            if count <= 1 {
                if count == 1 { body(0) }
                return
            }
            withoutActuallyEscaping(body) { body in
                // Each shard touches only its own state (the contract of the callers), which
                // is what makes handing the closure to other threads sound.
                let shared = UncheckedSendable(body)
                DispatchQueue.concurrentPerform(iterations: count) { shared.value($0) }
            }
        }
    }
}

/// A value handed to other threads on the caller's guarantee that they use it safely.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
