import Foundation
import Specs

/// Whether each spec's beliefs were found inconsistent, decided once and shared by every
/// property that rests on them (`Verifier.caveats`), also across the threads of a
/// `ParallelVerification`. Thread-safe.
public final class BeliefsConsistencyMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var inconsistent: [Spec: Bool] = [:]

    public init() {}

    /// The memorised answer for `spec`, or `decide()`'s, memorised when it is one (`nil`, an
    /// undecided check, is asked again next time).
    func inconsistent(_ spec: Spec, decide: () -> Bool?) -> Bool {
        if let known = lock.withLock({ inconsistent[spec] }) { return known }
        guard let answer = decide() else { return false }
        lock.withLock { inconsistent[spec] = answer }
        return answer
    }
}
