import Ledger
internal import TOMLKit
import Mechanisms
import Messages

extension Spec {
    /// Reads and validates the spec at `path`.
    /// - Throws: `SpecError` naming `path` when the file cannot be read, is not UTF-8 (with the
    ///   line, column and byte offset of the first bad byte), has a
    ///   TOML syntax error (with line and column), or a key is unknown, mistyped or out of range.
    public static func load(path: String) throws(SpecError) -> Spec {
        let bytes = try FileBytes.read(path: path)
        if let bad = InvalidUTF8.find(in: bytes) {
            throw SpecError(file: path, location: .file, reason: "is not UTF-8 text: \(bad)")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return try parse(toml: text, file: path)
    }

    /// Parses and validates a spec from TOML text.
    /// - Parameters:
    ///   - toml: the document.
    ///   - file: the name used in error messages.
    /// - Throws: `SpecError`, as for `load(path:)`.
    public static func parse(toml: String, file: String) throws(SpecError) -> Spec {
        let table = try parseTable(toml, file: file)
        var root = TOMLReader(file: file, path: "", table: table)
        guard let name = try root.string("name") else {
            throw root.error("name", "missing required key")
        }
        let description = try root.string("description") ?? ""
        guard var mechanismTable = try root.subtable("mechanism") else {
            throw root.error("mechanism", "missing required table [mechanism]")
        }
        guard var federationTable = try root.subtable("federation") else {
            throw root.error("federation", "missing required table [federation]")
        }
        var knobs = Knobs.hardened
        let mechanism = try decodeMechanism(&mechanismTable, knobs: &knobs)
        let federation = try decodeFederation(&federationTable, kind: mechanism.kind)
        if var knobsTable = try root.subtable("knobs") { try decodeKnobs(&knobsTable, into: &knobs) }
        var contract = Contract(lambdaSchedule: [mechanism.lambda])
        if var contractTable = try root.subtable("contract") {
            contract = try decodeContract(&contractTable, lambda: mechanism.lambda)
        }
        var checks: [String: ExpectedVerdict] = [:]
        if let checksTable = try root.subtable("checks") { checks = try decodeChecks(checksTable) }
        var beliefs: Beliefs? = nil
        if var beliefsTable = try root.subtable("beliefs") {
            beliefs = try decodeBeliefs(&beliefsTable)
        }
        var costs = Costs.none
        if var costsTable = try root.subtable("costs") { costs = try decodeCosts(&costsTable) }
        let simulation = try decodeSimulation(&root, federation: federation, kind: mechanism.kind)
        var consensusStrategies: ConsensusStrategies? = nil
        if mechanism.kind == .consensus, var t = try root.subtable("strategies") {
            consensusStrategies = try decodeConsensusStrategies(&t)
        }
        var sweeps: Sweeps? = nil
        if var t = try root.subtable("sweeps") { sweeps = try decodeSweeps(&t) }
        try root.finish()

        let spec = Spec(
            name: name, description: description, federation: federation, mechanism: mechanism,
            knobs: knobs, contract: contract, checks: checks, beliefs: beliefs,
            simulation: simulation, consensusStrategies: consensusStrategies, costs: costs,
            sweeps: sweeps)
        try spec.validate(file: file)
        return spec
    }

    /// The TOML document, or its first syntax error with line and column.
    private static func parseTable(_ toml: String, file: String) throws(SpecError) -> TOMLTable {
        // toml++ reads a C string: a NUL byte would silently end the document.
        var line = 1, column = 1
        for byte in toml.utf8 {
            if byte == 0 {
                throw SpecError(
                    file: file, location: .position(line: line, column: column),
                    reason: "NUL byte in the document")
            }
            if byte == UInt8(ascii: "\n") { (line, column) = (line + 1, 1) } else { column += 1 }
        }
        if let bad = TOMLHeaderCheck.firstBadHeader(toml) {
            throw SpecError(
                file: file, location: .position(line: bad.line, column: bad.column),
                reason: "TOML syntax error: " + bad.reason)
        }
        do {
            return try TOMLTable(string: toml)
        } catch let error as TOMLParseError {
            let at = error.source.begin
            throw SpecError(
                file: file, location: .position(line: at.line, column: at.column),
                reason: "TOML syntax error: \(Echo.safeMessage(error.description))")
        } catch {
            throw SpecError(file: file, location: .file, reason: "TOML syntax error: \(error)")
        }
    }

    private static func decodeFederation(_ t: inout TOMLReader, kind: Mechanism.Kind)
        throws(SpecError) -> Federation
    {
        // classes and accuracy are required for PTSFD; a consensus spec may leave them out.
        let isPTSFD = kind == .ptsfd
        guard let workers = try t.int("workers") else {
            throw t.error("workers", "missing required key")
        }
        let classes: Int
        if let c = try t.int("classes") {
            classes = c
        } else if isPTSFD {
            throw t.error("classes", "missing required key")
        } else {
            classes = 2
        }
        var prior = Prior.uniform
        if let v = t.value("prior") {
            if let s = v.string {
                guard s == "uniform" else {
                    throw t.error(
                        "prior", "unknown prior \(Echo.quoted(s)) (expected \"uniform\" or a list of "
                            + "federation.classes probabilities)")
                }
            } else if let items = v.array {
                var p: [Double] = []
                for (i, item) in items.enumerated() {
                    p.append(try TOMLReader.asDouble(item, file: t.file, key: t.keyPath("prior[\(i)]")))
                }
                prior = .distribution(p)
            } else {
                throw TOMLReader.typeError(
                    v, expected: "\"uniform\" or an array of probabilities", file: t.file,
                    key: t.keyPath("prior"))
            }
        }
        for key in ["confusion", "report_fraction"] where !isPTSFD && t.value(key) != nil {
            throw t.error(key, "applies to ptsfd specs only (the consensus mechanism has no classes and no partial reports)")
        }
        var accuracy: Accuracy
        let confusion = try t.value("confusion").map { v throws(SpecError) in try decodeConfusion(v, t) }
        if confusion != nil, t.value("accuracy") != nil {
            throw t.error("accuracy", "give either federation.accuracy or federation.confusion, not both (a confusion matrix fixes the accuracy)")
        }
        if confusion != nil {
            accuracy = .all(.value(1))  // replaced below by the confusion's own accuracy
        } else if let v = t.value("accuracy") {
            if let items = v.array {
                var a: [Double] = []
                for (i, item) in items.enumerated() {
                    a.append(
                        try TOMLReader.asDouble(item, file: t.file, key: t.keyPath("accuracy[\(i)]")))
                }
                accuracy = .perWorker(a)
            } else {
                accuracy = .all(try TOMLReader.asParameter(v, file: t.file, key: t.keyPath("accuracy")))
            }
        } else if isPTSFD {
            throw t.error("accuracy", "missing required key")
        } else {
            accuracy = .all(.value(1))
        }
        let coalition = try t.parameter("coalition") ?? Federation.defaultCoalition
        let reportFraction = try t.value("report_fraction").map { v throws(SpecError) in try decodeReportFraction(v, t) }
        try t.finish()
        if let confusion, confusion.matrices(workers: workers).count == workers,
            confusion.matrices(workers: workers).allSatisfy({ $0.count == classes && $0.allSatisfy { $0.count == classes } }) {
            accuracy = .perWorker(confusion.accuracies(workers: workers, prior: prior.probabilities(classes: classes)))
        }
        return Federation(
            workers: workers, classes: classes, prior: prior, accuracy: accuracy,
            coalition: coalition, confusion: confusion, reportFraction: reportFraction ?? .everySample)
    }

    private static func decodeMechanism(_ t: inout TOMLReader, knobs: inout Knobs)
        throws(SpecError) -> Mechanism
    {
        guard let kindName = try t.string("kind") else {
            throw t.error("kind", "missing required key")
        }
        guard let kind = Mechanism.Kind(rawValue: kindName) else {
            throw t.error("kind", "unknown kind \(Echo.quoted(kindName)) (expected \"ptsfd\" or \"consensus\")")
        }
        guard let deposit = try t.integerRange("deposit") else {
            throw t.error("deposit", "missing required key")
        }
        var mechanism = Mechanism(kind: kind, deposit: deposit.lowerBound)
        mechanism.depositRange = deposit
        mechanism.beta = try t.parameter("beta") ?? .value(1)
        mechanism.lambda = try t.parameter("lambda") ?? .value(1)
        mechanism.rewardRange = try t.integerRange("reward") ?? 0 ... 0
        if let seed = try t.int("seed") {
            guard seed >= 0 else {
                throw t.error("seed", "\(seed) is out of range (0 ... \(Int64.max))")
            }
            mechanism.seed = UInt64(seed)
        }
        if let v = t.value("peers_per_sample") {
            if let k = v.int {
                knobs.peersPerSample = .k(k)
            } else if v.string == "all" {
                knobs.peersPerSample = .all
            } else {
                throw TOMLReader.typeError(
                    v, expected: "\"all\" or an integer k (2 <= k <= federation.workers)",
                    file: t.file, key: t.keyPath("peers_per_sample"))
            }
        }
        let bits = try t.double("min_entropy_bits") ?? 2.0
        guard (0 ... 8).contains(bits) else {
            throw t.error("min_entropy_bits", "\(formatNumber(bits)) is out of range (0 ... 8)")
        }
        if let items = try t.array("common_knowledge") {
            var rules: [CommonKnowledgeSet.Rule] = []
            var seen: Set<String> = []
            for (i, item) in items.enumerated() {
                let key = t.keyPath("common_knowledge[\(i)]")
                let name = try TOMLReader.asString(item, file: t.file, key: key)
                guard seen.insert(name).inserted else {
                    throw SpecError(file: t.file, key: key, reason: "\(Echo.quoted(name)) is listed twice")
                }
                guard let rule = commonKnowledgeRule(name, bits: bits) else {
                    throw SpecError(
                        file: t.file, key: key,
                        reason: "unknown rule \(Echo.quoted(name)) (expected \"all_zero\", \"all_one\", "
                            + "\"equal_input\" or \"min_entropy\")")
                }
                rules.append(rule)
            }
            mechanism.commonKnowledge = CommonKnowledgeSet(rules: rules)
        }
        if let hex = try t.string("input") {
            switch Hex.decode(hex.utf8) {
            case .success(let bytes): mechanism.input = bytes
            case .failure(let problem): throw t.error("input", "\(Echo.quoted(hex)) \(problem.reason)")
            }
        }
        try t.finish()
        return mechanism
    }

    /// The rule named `name` in `mechanism.common_knowledge`.
    static func commonKnowledgeRule(_ name: String, bits: Double) -> CommonKnowledgeSet.Rule? {
        switch name {
        case "all_zero": .allZero
        case "all_one": .allOne
        case "equal_input": .equalToInput
        case "min_entropy": .minimumEntropy(bitsPerByte: bits)
        default: nil
        }
    }

    private static func decodeKnobs(_ t: inout TOMLReader, into knobs: inout Knobs)
        throws(SpecError)
    {
        func knob<K: RawRepresentable & CaseIterable>(_ key: String, _ t: inout TOMLReader)
            throws(SpecError) -> K? where K.RawValue == String
        {
            guard let name = try t.string(key) else { return nil }
            guard let value = K(rawValue: name) else {
                let expected = K.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
                throw t.error(key, "unknown value \(Echo.quoted(name)) (expected \(expected))")
            }
            return value
        }
        if let v: Normalization = try knob("normalization", &t) { knobs.normalization = v }
        if let v: Aggregation = try knob("aggregation", &t) { knobs.aggregation = v }
        if let v: LabelCountPolicy = try knob("label_count", &t) { knobs.labelCount = v }
        if let v: CommitmentScheme = try knob("commitment", &t) { knobs.commitment = v }
        if let v: PayoutRule = try knob("payout", &t) { knobs.payout = v }
        try t.finish()
    }

    private static func decodeContract(_ t: inout TOMLReader, lambda: Parameter)
        throws(SpecError) -> Contract
    {
        var contract = Contract()
        contract.commitWindow = try t.int("commit_window") ?? 100
        contract.revealWindow = try t.int("reveal_window") ?? 100
        contract.rounds = try t.int("rounds") ?? 1
        contract.unitsPerReward = try t.int("units_per_reward") ?? 1
        if let items = try t.array("lambda_schedule") {
            var schedule: [Parameter] = []
            for (i, item) in items.enumerated() {
                schedule.append(
                    try TOMLReader.asParameter(
                        item, file: t.file, key: t.keyPath("lambda_schedule[\(i)]")))
            }
            contract.lambdaSchedule = schedule
        } else {
            // [lambda] * rounds; an out-of-range `rounds` is reported by validation.
            let count = (1 ... 1000).contains(contract.rounds) ? contract.rounds : 1
            contract.lambdaSchedule = [Parameter](repeating: lambda, count: count)
        }
        try t.finish()
        return contract
    }

    private static func decodeChecks(_ t: TOMLReader) throws(SpecError)
        -> [String: ExpectedVerdict]
    {
        var checks: [String: ExpectedVerdict] = [:]
        for id in t.table.keys {
            let key = t.keyPath(id)
            let name = try TOMLReader.asString(t.table[id]!, file: t.file, key: key)
            guard let verdict = ExpectedVerdict(word: name) else {
                throw SpecError(
                    file: t.file, key: key,
                    reason: "unknown verdict \(Echo.quoted(name)) (expected \"proved\" or \"holds\", "
                        + "\"refuted\" or \"violated\", or \"unknown\")")
            }
            checks[id] = verdict
        }
        return checks
    }
}
