import Adversary
internal import TOMLKit
import Messages

extension Spec {
    /// Decodes `[strategies]` for `workers` workers and `classes` classes.
    ///
    /// Strategy names, in `workers` and as fraction keys, are those of
    /// `StrategyCatalog.standard`; fractions are range-checked and turned into an assignment
    /// here (in catalogue order), because the assignment does not keep them. The attack
    /// parameters are type-checked here and range-checked by `validate(file:)`, except the
    /// strings naming a lie or a move, which are resolved here.
    /// - Throws: `SpecError` for a mistyped, unknown or out-of-range key.
    static func decodeStrategies(_ t: inout TOMLReader, workers: Int, classes: Int)
        throws(SpecError) -> Simulation.Strategies
    {
        typealias Strategies = Simulation.Strategies
        let names = StrategyCatalog.standard.names
        var strategies = Strategies(workers: workers, classes: classes)
        var explicit: [String]? = nil
        if let items = try t.array("workers") {
            var chosen: [String] = []
            for (i, item) in items.enumerated() {
                chosen.append(
                    try TOMLReader.asString(item, file: t.file, key: t.keyPath("workers[\(i)]")))
            }
            explicit = chosen
        }
        var fractions: [Double] = []
        var given: [String] = []
        for name in names {
            let f = try t.double(name)
            if let f {
                try checkRange(f, 0 ... 1, file: t.file, key: t.keyPath(name))
                given.append(name)
            }
            fractions.append(f ?? 0)
        }
        if let explicit {
            guard given.isEmpty else {
                let keys = given.map { t.keyPath($0) }.joined(separator: ", ")
                throw t.error(
                    "workers",
                    "give either strategies.workers (one strategy per worker) or the fractions "
                        + "\(keys), not both")
            }
            strategies.assignment = explicit
        } else if !given.isEmpty {
            let sum = fractions.reduce(0, +)
            guard abs(sum - 1) <= Strategies.fractionTolerance else {
                let terms = zip(names, fractions).filter { given.contains($0.0) }
                    .map { "\($0) \(formatNumber($1))" }
                throw SpecError(
                    file: t.file, key: t.path,
                    reason: "the fractions (\(terms.joined(separator: ", "))) sum to "
                        + "\(formatNumber(sum)), not 1 (tolerance \(Strategies.fractionTolerance))")
            }
            strategies.assignment = Strategies.assignment(fractions: fractions, workers: workers, names: names)
        }
        if let v = t.value("heuristic_labels") {
            strategies.parameters.heuristicLabels = try TOMLReader.asPrior(
                v, file: t.file, key: t.keyPath("heuristic_labels")).probabilities(classes: classes)
        }
        if let map = try t.classMap("collusion_map") { strategies.parameters.collusionMap = map }
        if let map = try t.classMap("misreport_map") { strategies.parameters.misreportMap = map }
        if let x = try t.double("certainty_threshold") { strategies.parameters.certaintyThreshold = x }
        if let x = try t.double("padding_rate") { strategies.parameters.paddingRate = x }
        if let b = try t.bool("padding_random") { strategies.parameters.paddingRandom = b }
        if let k = try t.int("sybil_identities") { strategies.parameters.sybilIdentities = k }
        if let w = try t.int("copy_target") { strategies.parameters.copyTarget = w }
        if let lie = try t.choice("label_count_lie", of: LabelCountLie.self, what: "lie") {
            strategies.parameters.labelCountLie = lie
        }
        if let move = try t.choice("out_of_protocol_move", of: OutOfProtocolMove.self, what: "move") {
            strategies.parameters.outOfProtocolMove = move
        }
        try t.finish()
        return strategies
    }
}

extension TOMLReader {
    /// An array of integers, one class per class (not yet checked against |C|); `nil` when the
    /// key is absent.
    mutating func classMap(_ key: String) throws(SpecError) -> [Int]? {
        guard let items = try array(key) else { return nil }
        var map: [Int] = []
        for (i, item) in items.enumerated() {
            map.append(try TOMLReader.asInt(item, file: file, key: keyPath("\(key)[\(i)]")))
        }
        return map
    }

    /// A string naming a case of `Choice`: `unknown lie "x" (expected "raise-own" or
    /// "lower-others")`; `nil` when the key is absent.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(
        _ key: String, of: Choice.Type, what: String
    ) throws(SpecError) -> Choice? where Choice.RawValue == String {
        guard let name = try string(key) else { return nil }
        guard let choice = Choice(rawValue: name) else {
            throw error(
                key, "unknown \(what) \(Echo.quoted(name)) (expected \(listing(Choice.allCases.map(\.rawValue))))")
        }
        return choice
    }
}
