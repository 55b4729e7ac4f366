// OpenBLAS kernel selection from the processor's actual features.
#if canImport(Glibc)
import Glibc
#endif
internal import COpenBLAS

/// Chooses the OpenBLAS kernel ("core type") from the processor's features.
///
/// OpenBLAS 0.3.21 does not recognise every processor and then falls back to its generic
/// Prescott kernel (16-25 GFLOP/s sgemm on one core, against about 90 with the AVX2 Haswell
/// kernel on AMD EPYC). It reads `OPENBLAS_CORETYPE` once, when the shared library is loaded,
/// i.e. before `main` runs; so the choice is made by setting the variable and re-executing
/// the process once (``selectAndReexecIfNeeded()``).
///
/// The core type is only ever derived from the feature flags the kernel reports in
/// `/proc/cpuinfo`, never chosen by hand: those flags already take the operating system's
/// support into account (Linux clears the AVX-512 flags when XSAVE does not enable their
/// state), so a kernel chosen from them cannot raise an illegal-instruction fault.
public enum BLASCoreType {
    /// The environment variable OpenBLAS reads at load time.
    public static let environmentKey = "OPENBLAS_CORETYPE"
    /// Set before re-executing, so that the process re-executes at most once.
    public static let reexecMarkerKey = "SERUMCHECK_BLAS_REEXEC"

    /// The flags that each supported core type needs, best first.
    static let requirements: [(coreType: String, flags: Set<String>)] = [
        ("SkylakeX", ["avx512f", "avx512bw", "avx512dq", "avx512vl"]),
        ("Haswell", ["avx2", "fma"]),
    ]

    /// The fastest core type whose required features are all in `cpuFlags`, or `nil` when
    /// none is (OpenBLAS's own detection is then left alone).
    ///
    /// SkylakeX needs `avx512f`, `avx512bw`, `avx512dq` and `avx512vl`; Haswell needs `avx2`
    /// and `fma`.
    public static func best(cpuFlags: Set<String>) -> String? {
        requirements.first { $0.flags.isSubset(of: cpuFlags) }?.coreType
    }

    /// The instruction-set tier of a core type as OpenBLAS names it: 2 for the AVX-512
    /// kernels, 1 for the AVX2+FMA kernels (OpenBLAS's Zen kernels are its Haswell ones),
    /// 0 for anything older or unknown (e.g. the generic "Prescott" fallback).
    static func tier(_ coreType: String?) -> Int {
        switch coreType?.lowercased() {
        case "skylakex", "cooperlake", "sapphirerapids": 2
        case "haswell", "zen": 1
        default: 0
        }
    }

    /// The core type to set before re-executing, or `nil` to run on as is: when the user set
    /// `OPENBLAS_CORETYPE` (respected), when this process is already the re-executed one, when
    /// no supported core type fits `cpuFlags`, or when OpenBLAS's own choice (`detected`) is
    /// already of the same tier (re-executing would gain nothing; e.g. it reports "Zen" on
    /// AMD EPYC Zen 3, whose kernels are the Haswell ones).
    public static func plan(environment: [String: String], cpuFlags: Set<String>,
                            detected: String? = nil) -> String? {
        if environment[environmentKey] != nil || environment[reexecMarkerKey] != nil { return nil }
        guard let best = best(cpuFlags: cpuFlags), tier(best) > tier(detected) else { return nil }
        return best
    }

    /// The feature flags of the first processor in `/proc/cpuinfo` (empty where that file
    /// does not exist, e.g. on macOS).
    public static func cpuFlags() -> Set<String> {
        guard let text = readFile("/proc/cpuinfo") else { return [] }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let key = parts[0].trimmingSpaces
            if key == "flags" || key == "Features" {
                return Set(parts[1].split(separator: " ").map(String.init))
            }
        }
        return []
    }

    /// Sets `OPENBLAS_CORETYPE` to the best supported core type and re-executes the process
    /// once through `/proc/self/exe`; call it first thing in `main`.
    ///
    /// Does nothing when the user already set `OPENBLAS_CORETYPE`, when the process was
    /// already re-executed (marker variable), when no supported core type fits, or when the
    /// kernel OpenBLAS detected by itself (``active``) is already as good. Returns
    /// normally if `execv` fails, with the variables removed again so that they do not claim a
    /// kernel that was never loaded.
    public static func selectAndReexecIfNeeded() {
        #if os(Linux)
        var environment: [String: String] = [:]
        for key in [environmentKey, reexecMarkerKey] {
            if let value = getenv(key) { environment[key] = String(cString: value) }
        }
        guard let coreType = plan(environment: environment, cpuFlags: cpuFlags(), detected: active) else { return }
        setenv(environmentKey, coreType, 1)
        setenv(reexecMarkerKey, "1", 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        unsetenv(environmentKey)
        unsetenv(reexecMarkerKey)
        #endif
    }

    /// The kernel OpenBLAS actually uses, as it reports it (e.g. "Haswell", "Prescott").
    public static var active: String? {
        guard let name = openblas_get_corename() else { return nil }
        return String(cString: name)
    }

    /// Reads a whole (possibly size-less, like `/proc` files) text file, or `nil`.
    private static func readFile(_ path: String) -> String? {
        #if canImport(Glibc)
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
        #else
        return nil
        #endif
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
