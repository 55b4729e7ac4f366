// Process-wide OpenBLAS settings.
internal import COpenBLAS

/// Process-wide settings of the OpenBLAS library behind ``gemm(_:transposeA:_:transposeB:alpha:beta:into:)``.
public enum BLAS {
    /// Sets the number of threads OpenBLAS uses for each call (at least 1).
    ///
    /// - Parameter count: The thread count; 1 makes results independent of scheduling.
    public static func setThreads(_ count: Int) {
        precondition(count >= 1, "BLAS thread count must be at least 1, got \(count)")
        openblas_set_num_threads(Int32(clamping: count))
    }

    /// The number of threads OpenBLAS currently uses.
    public static var threads: Int { Int(openblas_get_num_threads()) }

    /// The kernel OpenBLAS uses (see ``BLASCoreType``).
    public static var coreType: String? { BLASCoreType.active }
}
