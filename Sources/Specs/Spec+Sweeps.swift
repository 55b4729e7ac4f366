internal import TOMLKit

extension Spec {
    /// The `[sweeps]` table: the values of beta, the certainty threshold and the strategy mix
    /// at which a simulation's trained models are settled again, for the figures of Witt et
    /// al., section 5 (Fig. 6: reward against beta and the certainty threshold; Figs. 7 and 8:
    /// honest against colluding and heuristic workers, each for several beta).
    ///
    /// A sweep trains nothing: it re-settles the same bank predictions with another beta or
    /// strategy mix. It needs the simulation tables (`[data]`, `[training]`, `[strategies]`).
    public struct Sweeps: Hashable, Sendable {
        /// beta of every sweep; `nil` for the spec's single `mechanism.beta`.
        public var beta: [Double]?
        /// The certainty thresholds of the beta x threshold grid (Fig. 6); `nil` for the
        /// spec's `training.certainty_threshold` alone.
        public var certaintyThreshold: [Double]?
        /// Fractions of heuristic workers (the rest honest) of the heuristic sweep (Fig. 8);
        /// `nil`: no heuristic sweep.
        public var heuristicFraction: [Double]?
        /// Fractions of colluding workers (the rest honest) of the collusion sweep (Fig. 7);
        /// `nil`: no collusion sweep.
        public var colludingFraction: [Double]?
        /// The seed of the heuristic workers' labels; `nil` for `training.seed`.
        public var seed: UInt64?

        /// A `[sweeps]` table; every list absent by default.
        public init(
            beta: [Double]? = nil, certaintyThreshold: [Double]? = nil, heuristicFraction: [Double]? = nil,
            colludingFraction: [Double]? = nil, seed: UInt64? = nil
        ) {
            self.beta = beta
            self.certaintyThreshold = certaintyThreshold
            self.heuristicFraction = heuristicFraction
            self.colludingFraction = colludingFraction
            self.seed = seed
        }

        /// Most entries of one list (the sweeps multiply: beta x threshold points and beta x
        /// fraction points each settle a round).
        public static let maximumEntries = 50
    }

    static func decodeSweeps(_ t: inout TOMLReader) throws(SpecError) -> Sweeps {
        var sweeps = Sweeps()
        sweeps.beta = try t.numbers("beta")
        sweeps.certaintyThreshold = try t.numbers("certainty_threshold")
        sweeps.heuristicFraction = try t.numbers("heuristic_fraction")
        sweeps.colludingFraction = try t.numbers("colluding_fraction")
        sweeps.seed = try t.seed("seed")
        try t.finish()
        return sweeps
    }

    /// Checks `[sweeps]`: a PTSFD spec with simulation tables; every list 1 ...
    /// ``Sweeps/maximumEntries`` entries; beta in the range of `mechanism.beta` (and a single
    /// `mechanism.beta` when `beta` is not given); thresholds and fractions in [0, 1]; the
    /// reward scale of the largest beta over `data.public_size` samples.
    func validateSweeps(file: String) throws(SpecError) {
        guard let sweeps else { return }
        guard mechanism.kind == .ptsfd else {
            throw SpecError(
                file: file, key: "sweeps",
                reason: "[sweeps] needs mechanism.kind = \"ptsfd\", not \"\(mechanism.kind.rawValue)\"")
        }
        guard let simulation else {
            throw SpecError(
                file: file, key: "sweeps",
                reason: "[sweeps] re-settles a simulation's trained models: the spec needs "
                    + "[data], [training] or [strategies]")
        }
        let lists: [(String, [Double]?, ClosedRange<Double>)] = [
            ("beta", sweeps.beta, 0 ... Self.maximumBeta),
            ("certainty_threshold", sweeps.certaintyThreshold, 0 ... 1),
            ("heuristic_fraction", sweeps.heuristicFraction, 0 ... 1),
            ("colluding_fraction", sweeps.colludingFraction, 0 ... 1),
        ]
        for (name, values, range) in lists {
            guard let values else { continue }
            guard (1 ... Sweeps.maximumEntries).contains(values.count) else {
                throw SpecError(
                    file: file, key: "sweeps.\(name)",
                    reason: "has \(values.count) entries (expected 1 ... \(Sweeps.maximumEntries))")
            }
            for (i, x) in values.enumerated() {
                try Self.checkRange(x, range, file: file, key: "sweeps.\(name)[\(i)]")
            }
        }
        if sweeps.beta == nil, case .range = mechanism.beta {
            throw SpecError(
                file: file, key: "sweeps.beta",
                reason: "is needed: mechanism.beta is a range \(mechanism.beta), and a sweep settles single values")
        }
        if let seed = sweeps.seed { try Self.checkSeed(seed, file: file, key: "sweeps.seed") }
        if let top = sweeps.beta?.max() {
            var widest = self
            widest.mechanism.beta = .value(top)
            try widest.checkRewardScale(
                samples: simulation.data.publicSize, file: file, source: "data.public_size and sweeps.beta")
        }
    }
}

extension TOMLReader {
    /// An array of numbers (integers accepted), each typed under `key[i]`; `nil` when absent.
    mutating func numbers(_ key: String) throws(SpecError) -> [Double]? {
        guard let items = try array(key) else { return nil }
        var values: [Double] = []
        for (i, item) in items.enumerated() {
            values.append(try Self.asDouble(item, file: file, key: keyPath("\(key)[\(i)]")))
        }
        return values
    }
}
