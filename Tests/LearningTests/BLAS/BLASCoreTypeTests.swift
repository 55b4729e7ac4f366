import Testing
@testable import Learning

/// Core-type choice from CPU flags, and the re-exec plan.
@Suite("BLAS core type")
struct BLASCoreTypeTests {
    static let avx512: Set<String> = ["sse", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl"]

    @Test("best(cpuFlags:) picks the fastest supported kernel")
    func best() {
        #expect(BLASCoreType.best(cpuFlags: Self.avx512) == "SkylakeX")
        #expect(BLASCoreType.best(cpuFlags: ["sse", "avx", "avx2", "fma"]) == "Haswell")
        #expect(BLASCoreType.best(cpuFlags: ["sse", "sse2"]) == nil)
        #expect(BLASCoreType.best(cpuFlags: []) == nil)
        #expect(BLASCoreType.best(cpuFlags: ["avx2"]) == nil)
        #expect(BLASCoreType.best(cpuFlags: ["avx512f", "avx2", "fma"]) == "Haswell")
        #expect(BLASCoreType.best(cpuFlags: Self.avx512.subtracting(["avx512bw"])) == "Haswell")
        #expect(BLASCoreType.best(cpuFlags: ["avx512f", "avx512bw", "avx512dq", "avx512vl"]) == "SkylakeX")
    }

    @Test("plan respects the user's choice and re-executes at most once")
    func plan() {
        let flags: Set<String> = ["avx2", "fma"]
        #expect(BLASCoreType.plan(environment: [:], cpuFlags: flags) == "Haswell")
        #expect(BLASCoreType.plan(environment: ["OPENBLAS_CORETYPE": "Prescott"], cpuFlags: flags) == nil)
        #expect(BLASCoreType.plan(environment: ["SERUMCHECK_BLAS_REEXEC": "1"], cpuFlags: flags) == nil)
        #expect(BLASCoreType.plan(environment: [:], cpuFlags: ["sse"]) == nil)
        #expect(BLASCoreType.plan(environment: [:], cpuFlags: flags, detected: "Prescott") == "Haswell")
        #expect(BLASCoreType.plan(environment: [:], cpuFlags: flags, detected: "Zen") == nil)
        #expect(BLASCoreType.plan(environment: [:], cpuFlags: flags, detected: "Haswell") == nil)
        #expect(BLASCoreType.plan(environment: [:], cpuFlags: Self.avx512, detected: "Zen") == "SkylakeX")
        #expect(BLASCoreType.plan(environment: [:], cpuFlags: Self.avx512, detected: "SkylakeX") == nil)
    }

    #if os(Linux) && arch(x86_64)
    @Test("cpuFlags() reads this machine's flags")
    func cpuFlags() {
        let flags = BLASCoreType.cpuFlags()
        #expect(flags.contains("avx2"))
        #expect(BLASCoreType.best(cpuFlags: flags) != nil)
    }
    #endif

    @Test("OpenBLAS reports a core name")
    func active() {
        #expect(BLASCoreType.active?.isEmpty == false)
    }
}
