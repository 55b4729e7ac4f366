// General matrix multiply over OpenBLAS cblas_sgemm.
internal import COpenBLAS

/// Single-precision general matrix multiply: `C ← alpha · op(A) · op(B) + beta · C`, where
/// `op(X)` is `X` or its transpose.
///
/// Goals, in priority order:
/// 1. Correctness: shapes are checked before any call into C (a mismatch is a programming
///    error and stops the process with the offending shapes); `C` never aliases `A` or `B`
///    (value semantics); with `beta == 0`, `C`'s prior contents (even NaN) are ignored, as
///    the BLAS standard specifies; empty inner dimension yields `beta · C`.
/// 2. Reproducibility: results depend only on the inputs, the OpenBLAS kernel and the thread
///    count (see ``BLAS/setThreads(_:)``; use 1 thread for bit-identical reruns).
/// 3. Speed: one `cblas_sgemm` call on the arrays' own storage, no copies or transposes in
///    Swift; the kernel is chosen by ``BLASCoreType/selectAndReexecIfNeeded()``.
///
/// - Parameters:
///   - a: `A`, of shape m×k (or k×m when `transposeA`).
///   - transposeA: Whether to use `Aᵀ`.
///   - b: `B`, of shape k×n (or n×k when `transposeB`).
///   - transposeB: Whether to use `Bᵀ`.
///   - alpha: The scale of the product.
///   - beta: The scale of `C`'s prior contents.
///   - c: `C`, of shape m×n; overwritten with the result.
/// - Complexity: O(m·n·k).
public func gemm(
    _ a: Matrix, transposeA: Bool = false,
    _ b: Matrix, transposeB: Bool = false,
    alpha: Float = 1, beta: Float = 0,
    into c: inout Matrix
) {
    a._checkInvariants()
    b._checkInvariants()
    c._checkInvariants()
    let (m, k) = transposeA ? (a.columns, a.rows) : (a.rows, a.columns)
    let (kB, n) = transposeB ? (b.columns, b.rows) : (b.rows, b.columns)
    precondition(k == kB,
                 "gemm: inner dimensions differ: op(A) is \(m)x\(k), op(B) is \(kB)x\(n)")
    precondition(c.rows == m && c.columns == n,
                 "gemm: C is \(c.rows)x\(c.columns), op(A)·op(B) is \(m)x\(n)")
    let limit = Int(Int32.max)
    precondition([a.rows, a.columns, b.rows, b.columns].allSatisfy { $0 <= limit },
                 "gemm: dimensions exceed the 32-bit BLAS interface")
    if m == 0 || n == 0 { return }
    if k == 0 {
        // BLAS is not required to handle k == 0 uniformly; do it here.
        for index in c.storage.indices { c.storage[index] = beta == 0 ? 0 : beta * c.storage[index] }
        return
    }
    a.storage.withUnsafeBufferPointer { aBuffer in
        b.storage.withUnsafeBufferPointer { bBuffer in
            c.storage.withUnsafeMutableBufferPointer { cBuffer in
                cblas_sgemm(
                    CblasRowMajor,
                    transposeA ? CblasTrans : CblasNoTrans,
                    transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k),
                    alpha,
                    aBuffer.baseAddress, Int32(max(1, a.columns)),
                    bBuffer.baseAddress, Int32(max(1, b.columns)),
                    beta,
                    cBuffer.baseAddress, Int32(max(1, n)))
            }
        }
    }
}
