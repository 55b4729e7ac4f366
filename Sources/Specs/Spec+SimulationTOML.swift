internal import TOMLKit
import Messages

extension Spec {
    /// Decodes `[data]`, `[training]` and `[strategies]` from the document `root`; `nil` when
    /// none of the three tables is present, and absent tables take their defaults.
    ///
    /// Single values of per-worker keys are range-checked here, under their own key, and then
    /// broadcast to `federation.workers` entries; arrays are checked by `validate(file:)` under
    /// indexed keys (`data.private_size[3]`). Fractions in `[strategies]` are checked and turned
    /// into an assignment here, because the assignment does not keep them.
    ///
    /// `federation` is not validated yet: counts are clamped to 0 ... 10 000 so that a bad
    /// `workers` or `classes` cannot make a huge array, and validation then refuses it.
    /// - Throws: `SpecError` for a mistyped, unknown or out-of-range key, or when the mechanism
    ///   is not PTSFD.
    static func decodeSimulation(
        _ root: inout TOMLReader, federation: Federation, kind: Mechanism.Kind
    ) throws(SpecError) -> Simulation? {
        let dataTable = try root.subtable("data")
        let trainingTable = try root.subtable("training")
        // A consensus spec's [strategies] is its own table (`decodeConsensusStrategies`).
        let strategiesTable = kind == .ptsfd ? try root.subtable("strategies") : nil
        let present = [("data", dataTable), ("training", trainingTable), ("strategies", strategiesTable)]
            .filter { $0.1 != nil }.map(\.0)
        guard let first = present.first else { return nil }
        guard kind == .ptsfd else {
            throw root.error(first, Simulation.ptsfdOnlyReason(table: first, kind: kind))
        }
        let workers = min(max(federation.workers, 0), 10_000)
        let classes = min(max(federation.classes, 0), 10_000)
        var simulation = Simulation(workers: workers, classes: classes)
        if var t = dataTable { simulation.data = try decodeData(&t, workers: workers) }
        if var t = trainingTable { simulation.training = try decodeTraining(&t, workers: workers) }
        if var t = strategiesTable {
            simulation.strategies = try decodeStrategies(&t, workers: workers, classes: classes)
        }
        return simulation
    }

    private static func decodeData(_ t: inout TOMLReader, workers: Int) throws(SpecError)
        -> Simulation.Data
    {
        var data = Simulation.Data(workers: workers)
        if let s = try t.string("train_images") { data.trainImages = s }
        if let s = try t.string("train_labels") { data.trainLabels = s }
        if let s = try t.string("test_images") { data.testImages = s }
        if let s = try t.string("test_labels") { data.testLabels = s }
        if let a = try t.double("alpha") { data.alpha = a }
        let sizes = try t.perWorker(
            "private_size", count: workers, accepts: [.int], expected: "an integer",
            element: TOMLReader.asInt
        ) { (x, file, key) throws(SpecError) in
            try Spec.checkRange(x, Simulation.Data.sizeRange, file: file, key: key)
        }
        if let sizes { data.privateSizes = sizes }
        if let p = try t.int("public_size") { data.publicSize = p }
        data.testSize = try t.int("test_size")
        if let seed = try t.seed("seed") { data.seed = seed }
        try t.finish()
        return data
    }

    private static func decodeTraining(_ t: inout TOMLReader, workers: Int) throws(SpecError)
        -> Simulation.Training
    {
        var training = Simulation.Training(workers: workers)
        let architectures = try t.perWorker(
            "architecture", count: workers, accepts: [.string], expected: "an architecture name"
        ) { (v, file, key) throws(SpecError) in
            let name = try TOMLReader.asString(v, file: file, key: key)
            guard let architecture = Simulation.Architecture(rawValue: name) else {
                let names = Simulation.Architecture.allCases.map(\.rawValue)
                throw SpecError(
                    file: file, key: key,
                    reason: "unknown architecture \(Echo.quoted(name)) (expected \(listing(names)))")
            }
            return architecture
        }
        if let architectures { training.architectures = architectures }
        let epochs = try t.perWorker(
            "epochs", count: workers, accepts: [.int], expected: "an integer",
            element: TOMLReader.asInt
        ) { (x, file, key) throws(SpecError) in
            try Spec.checkRange(x, Simulation.Training.epochRange, file: file, key: key)
        }
        if let epochs { training.epochs = epochs }
        let targets = try t.perWorker(
            "target_accuracy", count: workers, accepts: [.int, .double], expected: "a number",
            element: TOMLReader.asDouble
        ) { (x, file, key) throws(SpecError) in
            try Spec.checkRange(x, 0 ... 1, file: file, key: key)
        }
        if let targets { training.targetAccuracy = targets }
        if let b = try t.int("batch_size") { training.batchSize = b }
        if let c = try t.double("certainty_threshold") { training.certaintyThreshold = c }
        if let e = try t.int("distillation_epochs") { training.distillationEpochs = e }
        if let seed = try t.seed("seed") { training.seed = seed }
        try t.finish()
        return training
    }
}

/// `"a", "b" or "c"`.
func listing(_ names: [String]) -> String {
    let quoted = names.map { "\"\($0)\"" }
    guard quoted.count > 1 else { return quoted.joined() }
    return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
}

extension TOMLReader {
    /// A per-worker key: an array of values (each converted by `element` under the key
    /// `key[i]`), or one value, converted and checked by `check` under `key`, repeated `count`
    /// times. `nil` when the key is absent.
    /// - Parameters:
    ///   - accepts: the TOML types a single value may have; other types get a message naming
    ///     `expected` and the array form.
    ///   - expected: what a single value is, for messages (`"an integer"`).
    mutating func perWorker<T>(
        _ key: String, count: Int, accepts: Set<TOMLType>, expected: String,
        element: (TOMLValueConvertible, String, String) throws(SpecError) -> T,
        check: (T, String, String) throws(SpecError) -> Void = { _, _, _ in }
    ) throws(SpecError) -> [T]? {
        guard let v = value(key) else { return nil }
        let path = keyPath(key)
        if let items = v.array {
            var values: [T] = []
            for (i, item) in items.enumerated() {
                values.append(try element(item, file, "\(path)[\(i)]"))
            }
            return values
        }
        guard accepts.contains(v.type) else {
            throw Self.typeError(
                v, expected: "\(expected) or an array of them (one per worker)", file: file,
                key: path)
        }
        let x = try element(v, file, path)
        try check(x, file, path)
        return [T](repeating: x, count: count)
    }

    /// A seed: an integer 0 ... 2^63 - 1.
    mutating func seed(_ key: String) throws(SpecError) -> UInt64? {
        guard let seed = try int(key) else { return nil }
        guard seed >= 0 else { throw error(key, "\(seed) is out of range (0 ... \(Int64.max))") }
        return UInt64(seed)
    }

    /// `"uniform"`, or an array of numbers (not yet checked to be a distribution).
    static func asPrior(_ v: TOMLValueConvertible, file: String, key: String) throws(SpecError)
        -> Spec.Prior
    {
        if let s = v.string {
            guard s == "uniform" else {
                throw SpecError(
                    file: file, key: key,
                    reason: "unknown distribution \(Echo.quoted(s)) (expected \"uniform\" or a list of "
                        + "federation.classes probabilities)")
            }
            return .uniform
        }
        guard let items = v.array else {
            throw typeError(
                v, expected: "\"uniform\" or an array of probabilities", file: file, key: key)
        }
        var p: [Double] = []
        for (i, item) in items.enumerated() {
            p.append(try asDouble(item, file: file, key: "\(key)[\(i)]"))
        }
        return .distribution(p)
    }
}
