extension Spec.Simulation {
    /// Why a non-PTSFD spec may not have the simulation table `table`.
    static func ptsfdOnlyReason(table: String, kind: Spec.Mechanism.Kind) -> String {
        "[\(table)] needs mechanism.kind = \"ptsfd\", not \"\(kind.rawValue)\": "
            + "simulate runs PTSFD specs only"
    }
}

extension Spec.Simulation.Data {
    /// `private_size`, `public_size` and `test_size`: at least one sample.
    static let sizeRange = 1 ... Int.max
}

extension Spec.Simulation.Training {
    /// `epochs` and `distillation_epochs`.
    static let epochRange = 0 ... 1000
    /// `batch_size`.
    static let batchSizeRange = 1 ... 65536
}

extension Spec {
    /// Checks `simulation` against its documented ranges and against the federation: every
    /// per-worker list has `federation.workers` entries, the heuristic label distribution and
    /// the collusion map have `federation.classes`, and the mechanism is PTSFD.
    ///
    /// Keys of list entries are indexed (`data.private_size[3]`); a spec read from TOML has
    /// had its single values checked under their own key (`data.private_size`) already.
    /// Does nothing when the spec has no simulation.
    /// - Throws: `SpecError` for the first problem found.
    func validateSimulation(file: String) throws(SpecError) {
        guard let simulation else { return }
        guard mechanism.kind == .ptsfd else {
            throw SpecError(
                file: file, key: "data",
                reason: Simulation.ptsfdOnlyReason(table: "data", kind: mechanism.kind))
        }
        let n = federation.workers, classes = federation.classes
        try simulation.data.validate(workers: n, file: file)
        try simulation.training.validate(workers: n, file: file)
        try simulation.strategies.validate(workers: n, classes: classes, file: file)
    }

    /// Refuses `value` outside `range`: `0 is out of range (1 ... 65536)`, or `(>= 1)` when the
    /// range has no upper end.
    static func checkRange(_ value: Int, _ range: ClosedRange<Int>, file: String, key: String)
        throws(SpecError)
    {
        guard range.contains(value) else {
            let shown =
                range.upperBound == .max
                ? ">= \(range.lowerBound)" : "\(range.lowerBound) ... \(range.upperBound)"
            throw SpecError(file: file, key: key, reason: "\(value) is out of range (\(shown))")
        }
    }

    /// Refuses a non-finite `value` or one outside `range`: `1.5 is out of range (0 ... 1)`.
    static func checkRange(_ value: Double, _ range: ClosedRange<Double>, file: String, key: String)
        throws(SpecError)
    {
        guard value.isFinite else {
            throw SpecError(file: file, key: key, reason: "\(value) is not a finite number")
        }
        guard range.contains(value) else {
            throw SpecError(
                file: file, key: key,
                reason: "\(formatNumber(value)) is out of range "
                    + "(\(formatNumber(range.lowerBound)) ... \(formatNumber(range.upperBound)))")
        }
    }

    /// Refuses a list whose length is not `expected`.
    static func checkCount(
        _ count: Int, _ expected: Int, of field: String, file: String, key: String
    ) throws(SpecError) {
        guard count == expected else {
            throw SpecError(
                file: file, key: key, reason: "has \(count) entries, but \(field) is \(expected)")
        }
    }

    /// Refuses a seed a TOML integer cannot hold.
    static func checkSeed(_ seed: UInt64, file: String, key: String) throws(SpecError) {
        guard seed <= UInt64(Int64.max) else {
            throw SpecError(file: file, key: key, reason: "\(seed) is out of range (0 ... \(Int64.max))")
        }
    }
}

extension Spec.Simulation.Data {
    /// Checks `[data]` for `workers` workers.
    func validate(workers n: Int, file: String) throws(SpecError) {
        for (key, path) in [
            ("train_images", trainImages), ("train_labels", trainLabels),
            ("test_images", testImages), ("test_labels", testLabels),
        ] where path.isEmpty {
            throw SpecError(file: file, key: "data.\(key)", reason: "must not be empty (a file path)")
        }
        guard alpha.isFinite else {
            throw SpecError(file: file, key: "data.alpha", reason: "\(alpha) is not a finite number")
        }
        guard alpha > 0 else {
            throw SpecError(
                file: file, key: "data.alpha",
                reason: "\(formatNumber(alpha)) is out of range (> 0): the Dirichlet "
                    + "concentration must be positive")
        }
        try Spec.checkCount(
            privateSizes.count, n, of: "federation.workers", file: file, key: "data.private_size")
        for (i, size) in privateSizes.enumerated() {
            try Spec.checkRange(size, Self.sizeRange, file: file, key: "data.private_size[\(i)]")
        }
        try Spec.checkRange(publicSize, Self.sizeRange, file: file, key: "data.public_size")
        if let testSize {
            try Spec.checkRange(testSize, Self.sizeRange, file: file, key: "data.test_size")
        }
        try Spec.checkSeed(seed, file: file, key: "data.seed")
    }
}

extension Spec.Simulation.Training {
    /// Checks `[training]` for `workers` workers.
    func validate(workers n: Int, file: String) throws(SpecError) {
        let field = "federation.workers"
        try Spec.checkCount(
            architectures.count, n, of: field, file: file, key: "training.architecture")
        try Spec.checkCount(epochs.count, n, of: field, file: file, key: "training.epochs")
        for (i, e) in epochs.enumerated() {
            try Spec.checkRange(e, Self.epochRange, file: file, key: "training.epochs[\(i)]")
        }
        try Spec.checkCount(
            targetAccuracy.count, n, of: field, file: file, key: "training.target_accuracy")
        for (i, a) in targetAccuracy.enumerated() {
            try Spec.checkRange(a, 0 ... 1, file: file, key: "training.target_accuracy[\(i)]")
        }
        try Spec.checkRange(batchSize, Self.batchSizeRange, file: file, key: "training.batch_size")
        try Spec.checkRange(
            certaintyThreshold, 0 ... 1, file: file, key: "training.certainty_threshold")
        try Spec.checkRange(
            distillationEpochs, Self.epochRange, file: file, key: "training.distillation_epochs")
        try Spec.checkSeed(seed, file: file, key: "training.seed")
    }
}
