// sgemm on raw storage, for the layers' kernels.
internal import COpenBLAS

/// `C ← alpha · op(A) · op(B) + beta · C` on row-major storage with explicit leading
/// dimensions: the internal form of ``gemm(_:transposeA:_:transposeB:alpha:beta:into:)`` that
/// the layers use on their scratch buffers and on sub-blocks of larger arrays.
///
/// Goals, in priority order: correctness (the caller guarantees the shapes, checked here
/// only as `precondition`s on the dimensions; with `beta == 0` C's prior contents, even NaN,
/// are ignored), determinism (one `cblas_sgemm` call, so results depend on the inputs, the
/// kernel and the OpenBLAS thread count), speed (no copies, no `Matrix` wrappers, C cleared
/// by the C library's fill rather than OpenBLAS's slower scaling pass).
///
/// - Parameters:
///   - transposeA, transposeB: Whether to use `Aᵀ`, `Bᵀ`.
///   - m, n, k: op(A) is m×k, op(B) is k×n, C is m×n.
///   - a, lda: `A` and the distance between its rows (its stored column count).
///   - b, ldb: `B` and the distance between its rows.
///   - c, ldc: `C` and the distance between its rows.
/// - Complexity: O(m·n·k).
@inline(__always)
func _sgemm(
    transposeA: Bool = false, transposeB: Bool = false, m: Int, n: Int, k: Int,
    alpha: Float = 1, _ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int,
    beta: Float = 0, _ c: UnsafeMutablePointer<Float>, ldc: Int
) {
    precondition(m >= 0 && n >= 0 && k >= 0 && max(m, n, k, lda, ldb, ldc) <= Int(Int32.max),
                 "_sgemm: bad dimensions \(m)x\(n)x\(k)")
    if m == 0 || n == 0 { return }
    if k == 0 {
        for row in 0..<m {
            let line = c + row * ldc
            for column in 0..<n { line[column] = beta == 0 ? 0 : beta * line[column] }
        }
        return
    }
    var beta = beta
    if beta == 0 {
        // OpenBLAS would clear C in a scalar pass of its own; the C library's vectorised
        // fill is several times faster, and C = 0 + A·B is the same product.
        for row in 0..<m { (c + row * ldc).update(repeating: 0, count: n) }
        beta = 1
    }
    cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                Int32(m), Int32(n), Int32(k), alpha, a, Int32(max(1, lda)), b, Int32(max(1, ldb)),
                beta, c, Int32(max(1, ldc)))
}
