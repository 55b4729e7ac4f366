import Mechanisms
import Messages

extension Spec {
    /// Largest `mechanism.deposit` and `mechanism.reward`, in integer units.
    public static let maximumAmount = 1_000_000_000_000_000
    /// Largest pool of one round, `workers * deposit + reward`, in integer units.
    public static let maximumPool = 1_000_000_000_000_000_000
    /// Tolerance on the sum of a prior's probabilities.
    public static let priorTolerance = 1e-9

    /// Checks every value against its documented range and the fields against each other.
    ///
    /// Errors name the TOML key path and the offending value, for example
    /// `x.toml: federation.workers: 1 is out of range (2 ... 10000)`.
    /// - Parameter file: the name used in error messages.
    /// - Throws: `SpecError` for the first problem found.
    public func validate(file: String) throws(SpecError) {
        func fail(_ key: String, _ reason: String) -> SpecError {
            SpecError(file: file, key: key, reason: reason)
        }
        func check(_ value: Int, _ range: ClosedRange<Int>, _ key: String) throws(SpecError) {
            guard range.contains(value) else {
                throw fail(key, "\(value) is out of range (\(range.lowerBound) ... \(range.upperBound))")
            }
        }
        func check(_ value: Double, _ range: ClosedRange<Double>, _ key: String) throws(SpecError) {
            guard value.isFinite else { throw fail(key, "\(value) is not a finite number") }
            guard range.contains(value) else {
                throw fail(key, "\(formatNumber(value)) is out of range (\(show(range)))")
            }
        }
        func check(_ p: Parameter, _ range: ClosedRange<Double>, _ key: String) throws(SpecError) {
            switch p {
            case .value(let v):
                try check(v, range, key)
            case .range(let min, let max):
                try check(min, range, key + ".min")
                try check(max, range, key + ".max")
                guard min <= max else { throw fail(key, "range \(p) has min > max") }
            }
        }

        guard !name.isEmpty else { throw fail("name", "must not be empty") }
        // The name becomes a file name (fuzz's `--out DIR/<name>/`, verify's `<name>.<id>.smt2`).
        guard Self.isSafeName(name) else {
            throw fail(
                "name",
                "\(Echo.quoted(name)) is not a file name: use letters, digits, '.', '_' and '-' "
                    + "(at most \(Self.maximumNameLength) characters, not \".\" or \"..\")")
        }

        // [federation]
        let n = federation.workers, classes = federation.classes
        try check(n, 2 ... 10_000, "federation.workers")
        try check(classes, 2 ... VoteMatrix.maximumClasses, "federation.classes")
        if case .distribution(let p) = federation.prior {
            guard p.count == classes else {
                throw fail(
                    "federation.prior",
                    "has \(p.count) probabilities, but federation.classes is \(classes)")
            }
            for (c, x) in p.enumerated() { try check(x, 0 ... 1, "federation.prior[\(c)]") }
            let sum = p.reduce(0, +)
            guard abs(sum - 1) <= Self.priorTolerance else {
                throw fail(
                    "federation.prior",
                    "probabilities sum to \(sum), not 1 (tolerance \(Self.priorTolerance))")
            }
        }
        // Before the accuracy, which a confusion matrix fixes (Spec+Workers.swift).
        try validateWorkers(file: file)
        switch federation.accuracy {
        case .all(let p):
            try check(p, 0 ... 1, "federation.accuracy")
        case .perWorker(let a):
            guard a.count == n else {
                throw fail(
                    "federation.accuracy", "has \(a.count) entries, but federation.workers is \(n)")
            }
            for (i, x) in a.enumerated() { try check(x, 0 ... 1, "federation.accuracy[\(i)]") }
        }

        try check(federation.coalition, 0 ... 1, "federation.coalition")
        guard federation.coalition.lowerBound > 0 else {
            throw fail("federation.coalition", "a coalition fraction must be above 0")
        }
        try validateBeliefs(file: file)
        try validateCosts(file: file)

        // [mechanism]
        // The ranges of beta, lambda and units_per_reward: Spec+RewardScale.swift.
        try check(mechanism.beta, 0 ... Self.maximumBeta, "mechanism.beta")
        try check(mechanism.lambda, 0 ... Self.maximumLambda, "mechanism.lambda")
        for end in [mechanism.depositRange.lowerBound, mechanism.depositRange.upperBound] {
            try check(end, 1 ... Self.maximumAmount, "mechanism.deposit")
        }
        for end in [mechanism.rewardRange.lowerBound, mechanism.rewardRange.upperBound] {
            try check(end, 0 ... Self.maximumAmount, "mechanism.reward")
        }
        // The pool a contract holds in one round must stay far from Int overflow.
        let deposit = mechanism.depositRange.upperBound, reward = mechanism.rewardRange.upperBound
        let (pool, overflow) = deposit.multipliedReportingOverflow(by: n)
        guard !overflow, pool <= Self.maximumPool - reward else {
            throw fail(
                "mechanism.deposit",
                "\(deposit) x \(n) workers (+ reward \(reward)) exceeds the "
                    + "largest pool a round may hold (\(Self.maximumPool) units)")
        }
        guard mechanism.seed <= UInt64(Int64.max) else {
            throw fail("mechanism.seed", "\(mechanism.seed) is out of range (0 ... \(Int64.max))")
        }
        if case .k(let k) = knobs.peersPerSample {
            guard (2 ... n).contains(k) else {
                throw fail(
                    "mechanism.peers_per_sample",
                    "\(k) is out of range (2 ... federation.workers = \(n))")
            }
        }
        for rule in mechanism.commonKnowledge.rules {
            if case .minimumEntropy(let bits) = rule {
                try check(bits, 0 ... 8, "mechanism.min_entropy_bits")
            }
        }

        // [contract]
        try check(contract.commitWindow, 1 ... 1_000_000_000, "contract.commit_window")
        try check(contract.revealWindow, 1 ... 1_000_000_000, "contract.reveal_window")
        try check(contract.rounds, 1 ... 1000, "contract.rounds")
        guard contract.lambdaSchedule.count == contract.rounds else {
            throw fail(
                "contract.lambda_schedule",
                "has \(contract.lambdaSchedule.count) entries, but contract.rounds is "
                    + "\(contract.rounds)")
        }
        for (r, p) in contract.lambdaSchedule.enumerated() {
            try check(p, 0 ... Self.maximumLambda, "contract.lambda_schedule[\(r)]")
        }
        try check(contract.unitsPerReward, 1 ... Self.maximumUnitsPerReward, "contract.units_per_reward")

        // [checks]
        for id in checks.keys.sorted() {
            guard Self.isCheckID(id) else {
                throw fail(
                    "checks.\(id)",
                    "\(Echo.quoted(id)) is not a property id (lowercase letters, digits and '-')")
            }
        }

        // [data], [training], [strategies]
        try validateSimulation(file: file)
        try validateConsensusStrategies(file: file)
        try validateSweeps(file: file)

        // The reward scale the ranges above leave to the spec (Spec+RewardScale.swift): one
        // sample, and a simulated round of data.public_size samples.
        if mechanism.kind == .ptsfd {
            try checkRewardScale(samples: 1, file: file)
            if let data = simulation?.data {
                try checkRewardScale(samples: data.publicSize, file: file, source: "data.public_size")
            }
        }
    }

    /// The longest spec name.
    public static let maximumNameLength = 64

    /// Whether `name` is safe as a file name on its own: ASCII letters, digits, '.', '_' and '-',
    /// 1 ... 64 characters, not "." or "..".
    public static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= maximumNameLength && name != "." && name != ".."
            && name.utf8.allSatisfy { c in
                (UInt8(ascii: "a") ... UInt8(ascii: "z")).contains(c) || (UInt8(ascii: "A") ... UInt8(ascii: "Z")).contains(c)
                    || (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(c)
                    || c == UInt8(ascii: ".") || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
            }
    }

    /// Whether `id` is a valid `[checks]` key: non-empty, lowercase ASCII letters, digits, '-'.
    public static func isCheckID(_ id: String) -> Bool {
        !id.isEmpty
            && id.utf8.allSatisfy { c in
                (UInt8(ascii: "a") ... UInt8(ascii: "z")).contains(c)
                    || (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(c) || c == UInt8(ascii: "-")
            }
    }
}

/// `0 ... 1`.
private func show(_ range: ClosedRange<Double>) -> String {
    "\(formatNumber(range.lowerBound)) ... \(formatNumber(range.upperBound))"
}
