import Reporting
import ArgumentParser
import Foundation
import Fuzz
import Messages
import Specs

/// `serumcheck fuzz`: adversarial campaigns against a spec's mechanism and contract.
struct FuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz",
        abstract: "Attack a mechanism with random federations and strategies; shrink every violation.",
        discussion: """
            Layer 1, the contract: each case plays 60 random transactions from members and \
            outsiders (honest, random and out-of-protocol ones) through the Ledger's \
            contract and checks every contract invariant after every step; a violation \
            shrinks to a shortest sequence.

            Layer 2, the economics (PTSFD): each case k draws a federation within the spec's \
            ranges from (seed, k) alone: n, |C|, the prior and the knobs from the spec, each \
            worker's accuracy, beta and lambda from their ranges, m in 50 ... 300 public \
            samples, a background mix of catalogue strategies (or the spec's [strategies]) \
            and the attack parameters. Every round runs through the contract. Each property \
            is a paired comparison over R = 32 replications with the same noise (the \
            attacker against the same seat playing honestly), judged by a one-sided t-test \
            at 99%. A rejection is confirmed with fresh noise and 2R replications, then \
            shrunk (fewer workers, samples, classes, replications, an honest background) \
            while it still fails with the same seeds, and written to \
            --out DIR/<spec name>/<property>.json for `serumcheck replay`. Case k also \
            examines one equilibrium profile of the catalogue.

            On a consensus spec, case k draws a synthetic task (a random true result outside \
            E_ck, a lazy worker's guess), d and r, and a background from the consensus \
            catalogue (or the spec's [strategies]); every round runs through the consensus \
            contract, and \(FuzzPropertyID.allCases.filter { $0.judgedOnConsensus && $0.layer == .economic }.map(\.rawValue).joined(separator: ", ")) \
            are judged exactly (the payoffs are deterministic), confirmed and shrunk the \
            same way.

            Economic properties: \(FuzzPropertyID.allCases.filter { $0.layer == .economic }.map(\.rawValue).joined(separator: ", ")).

            Contract properties: \(FuzzPropertyID.allCases.filter { $0.layer == .contract }.map(\.rawValue).joined(separator: ", ")).

            Also \(FuzzPropertyID.honestUniqueEquilibrium.rawValue), and \(FuzzPropertyID.distillationHelpsHonest.rawValue) with --workers pipeline.

            The spec's [checks] gives each property's expected outcome ("holds" by default, \
            or "violated"; "proved" and "refuted" mean the same). Exit 0 when every outcome \
            meets its expectation, 1 when one does not, 2 on bad input or usage. The table \
            goes to standard output (to standard error when --json writes to standard \
            output), progress to standard error; --quiet prints neither.

            Results depend only on --seed and --budget: the same values give byte-identical \
            JSON with any --threads and any --shard split (join shards with `serumcheck \
            merge`). --time stops after a wall-clock limit instead and prints the --budget \
            that reproduces the run.

            --evm runs layer 1 differentially instead: every case on the Ledger's contract \
            and on the Vyper contract of the spec's mechanism (contracts/ptsfd.vy or \
            contracts/consensus.vy on py-evm, through the project's .venv), step by step; \
            the first difference (deployment, acceptance, refusal reason, a state field, an \
            event) is a divergence, shrunk and written to --out DIR/<spec name>/\
            evm-divergence-case-<k>.json for `serumcheck replay --evm`. --contract FILE.vy \
            points it at your own contract that follows contracts/README.md (its mechanism() \
            view must name the spec's mechanism). Exit 1 on a divergence.

            Examples:
              serumcheck fuzz specs/paper-literal.toml --budget 20
              serumcheck fuzz specs/paper.toml --seed 7 --budget 200 \\
                --shard 0/4 --json shard0.json
              serumcheck fuzz specs/paper.toml --property sybil-unprofitable
              serumcheck fuzz specs/paper-fashion.toml --workers bank
              serumcheck fuzz --evm specs/consensus-2.toml --budget 100
              serumcheck fuzz --evm specs/paper.toml --contract ours.vy
            """
    )

    @Argument(help: ArgumentHelp("Mechanism specs (TOML) to fuzz.", valueName: "spec"))
    var specs: [String]

    /// `--seed` without the option.
    static let defaultSeed: UInt64 = 0

    // A transform hides the default from ArgumentParser, so the help names it.
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("The campaign seed; every case's randomness derives from (seed, case index) (default: \(Self.defaultSeed)).", valueName: "s"), transform: UnsignedArgument.unsigned)
    var seed: UInt64 = Self.defaultSeed

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Cases to run (federations drawn), over all shards.", valueName: "n"))
    var budget: Int?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Run cases until this many seconds have passed (not reproducible; prints the --budget that is).", valueName: "seconds"))
    var time: Double?

    @Option(name: .long, help: ArgumentHelp(
        "Where workers' predictions come from: synthetic (a seeded confusion-matrix model), bank (real models of the spec's [data], trained once with one BLAS thread and kept in the prediction bank) or pipeline (bank, plus distillation-helps-honest). Default: bank when the spec has simulation tables, synthetic otherwise.",
        valueName: "source"))
    var workers: WorkerSource?

    @OptionGroup var bankOptions: BankOptions

    @Option(name: .customLong("property"), help: ArgumentHelp("Judge only this property (repeatable). Default: every property of the spec's mechanism.", valueName: "id"))
    var properties: [String] = []

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Run shard I of N (0 <= I < N): cases k with k % N == I. I may be `env` to read JOB_COMPLETION_INDEX.", valueName: "I/N"))
    var shard: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Threads running cases (default: the processor count); results do not depend on it.", valueName: "n"))
    var threads: Int?

    @Option(name: .customLong("shrink-limit"), parsing: .unconditional, help: ArgumentHelp("Evaluations spent shrinking each counterexample.", valueName: "n"))
    var shrinkLimit: Int = FuzzSession.defaultShrinkLimit

    @Flag(name: .customLong("no-shrink"), help: "Keep counterexamples as found.")
    var noShrink = false

    @Option(name: .long, help: ArgumentHelp("Keep interesting cases (near-misses, one case per refusal reason) in <dir>/<spec name>/ and judge the ones already there first.", valueName: "dir"))
    var corpus: String?

    @Option(name: .long, help: ArgumentHelp("Directory for counterexample files (<dir>/<spec name>/<property>.json).", valueName: "dir"))
    var out: String = "serumcheck-fuzz"

    @Option(name: .long, help: ArgumentHelp("Write the results as JSON (schema 1) to this file (written whole or not at all; - for standard output).", valueName: "file"))
    var json: String?

    @Flag(name: .long, help: "Run the contract campaign differentially: the Ledger against the Vyper contract on py-evm (needs scripts/setup's .venv).")
    var evm = false

    @Option(name: .long, help: ArgumentHelp("With --evm: fuzz this Vyper contract (following contracts/README.md) instead of ours.", valueName: "file.vy"))
    var contract: String?

    @OptionGroup var report: ReportOptions

    func validate() throws {
        try validateEVM()
        if budget != nil && time != nil { throw ValidationError("Give --budget N or --time SECONDS, not both.") }
        if let budget, !(1 ... 10_000_000).contains(budget) { throw ValidationError("--budget \(budget) is outside 1 ... 10000000.") }
        if let time, !(time > 0 && time <= 86_400) { throw ValidationError("--time \(time) is outside (0, 86400] seconds.") }
        if let threads, !(1 ... 256).contains(threads) { throw ValidationError("--threads \(threads) is outside 1 ... 256.") }
        if !(0 ... 1_000_000).contains(shrinkLimit) { throw ValidationError("--shrink-limit \(shrinkLimit) is outside 0 ... 1000000.") }
        for id in properties where FuzzPropertyID(rawValue: id) == nil {
            throw ValidationError("--property \(Echo.path(id, limit: Echo.valueLimit)): no fuzz property has that id (known: \(FuzzPropertyID.allCases.map(\.rawValue).joined(separator: ", "))).")
        }
        _ = try parsedShard()
        if corpus != nil && shard != nil {
            throw ValidationError("--corpus and --shard do not go together: a corpus changes which cases run, so shards would no longer merge into one run.")
        }
    }

    /// `--shard I/N` as (I, N); (0, 1) without it.
    func parsedShard() throws -> (index: Int, count: Int) {
        guard let shard else { return (0, 1) }
        let parts = shard.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var indexText = parts.first ?? ""
        if indexText == "env" {
            guard let value = ProcessInfo.processInfo.environment["JOB_COMPLETION_INDEX"] else {
                throw ValidationError("--shard env/N: JOB_COMPLETION_INDEX is not set.")
            }
            indexText = value
        }
        guard parts.count == 2, let i = Int(indexText), let n = Int(parts[1]), n >= 1, n <= 100_000, (0 ..< n).contains(i) else {
            throw ValidationError("--shard \(Echo.path(shard, limit: Echo.valueLimit)): expected I/N with 0 <= I < N <= 100000, for example 0/4.")
        }
        return (i, n)
    }

    func run() throws {
        if evm { return try runEVM() }
        try checkOutputPaths()
        let loaded = try specs.map { path -> (String, Spec, String) in
            let spec = try loadSpec(path)
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            return (path, spec, text)
        }
        try checkOutputPaths(of: loaded.map(\.1))
        for id in properties where !loaded.contains(where: { spec in selected(for: spec.1, source: source(for: spec.1)).map(\.rawValue).contains(id) }) {
            throw CommandFailure(message: "--property \(id) is not judged on any of the given specs (a PTSFD-only property on a consensus spec, or distillation-helps-honest without --workers pipeline)")
        }
        for (path, spec, _) in loaded where spec.federation.workers > EconomicCampaign.maximumWorkers
            && selected(for: spec, source: source(for: spec)).contains(where: { $0.layer != .contract })
        {
            throw CommandFailure(message: "\(Echo.path(path)): federation.workers: fuzz plays economic cases of at most "
                + "\(EconomicCampaign.maximumWorkers) workers, not \(spec.federation.workers) (every world of every "
                + "replication runs through the contract); give --property with contract properties only to fuzz the "
                + "contract at this size")
        }
        let (shardIndex, shardCount) = try parsedShard()
        let threadCount = threads ?? ProcessInfo.processInfo.activeProcessorCount
        var reports: [FuzzReport] = []
        var files: [(String, Counterexample)] = []
        var corpusFiles: [(String, CorpusEntry)] = []
        for (path, spec, text) in loaded {
            let source = source(for: spec)
            let models = try bankOptions.campaignModels(of: spec, path: path, source: source, quiet: !report.progress)
            var runner = FuzzSession(
                spec: spec, path: path, text: text, seed: seed, properties: selected(for: spec, source: source),
                restricted: !properties.isEmpty, source: source, models: models,
                threads: threadCount, shrinkLimit: noShrink ? 0 : shrinkLimit, out: out,
                shard: shardCount > 1 ? (shardIndex, shardCount) : nil,
                bank: bankOptions.predictionBank)
            if let corpus {
                do { runner.corpus = try CorpusEntry.load(directory: corpus, specName: spec.name) } catch {
                    throw CommandFailure(message: "\(error)")
                }
            }
            let (result, found): (FuzzReport, [CorpusEntry])
            do {
                (result, found) = try runner.run(budget: budget, time: time, progress: FuzzProgress(enabled: report.progress))
            } catch {
                throw CommandFailure(message: error.description, exitCode: error.isDefect ? ExitCodes.checkFailed : ExitCodes.badInput)
            }
            if let corpus {
                for entry in found {
                    let file = "\(corpus)/\(spec.name)/\(entry.fileName)"
                    if !FileManager.default.fileExists(atPath: file) { corpusFiles.append((file, entry)) }
                }
            }
            reports.append(result)
            files += result.counterexampleFiles(
                out: out, specName: spec.name, specText: text, command: runner.command(budget: result.budget))
            report.show(FuzzReportTable(report: result).rendered, json: json)
        }
        for (path, counterexample) in files { try OutputFile.writeJSON(counterexample, to: path, createDirectories: true) }
        for (path, entry) in corpusFiles { try OutputFile.writeJSON(entry, to: path, createDirectories: true) }
        if let json {
            if reports.count == 1 { try OutputFile.writeJSON(reports[0], to: json) } else { try OutputFile.writeJSON(reports, to: json) }
        }
        if !reports.allSatisfy(\.allMet) { throw ExitCode(ExitCodes.checkFailed) }
    }

    /// Refuses, before any work, an output path that could not be written: `--json`, `--out`,
    /// `--corpus` and `--bank`.
    func checkOutputPaths() throws {
        try OutputFile.checkFile(json, option: "--json")
        try OutputFile.checkDirectory(out, option: "--out")
        try OutputFile.checkDirectory(corpus, option: "--corpus")
        try bankOptions.checkDirectory()
    }

    /// Refuses, once the specs are read and before any case runs, a spec's counterexample
    /// file (`--out DIR/<spec name>/<property>.json`, for every property judged) or corpus
    /// directory that could not be written.
    func checkOutputPaths(of specs: [Spec]) throws {
        for spec in specs {
            for id in selected(for: spec, source: source(for: spec)) {
                let file = FuzzReport.counterexamplePath(out: out, spec: spec.name, property: id.rawValue)
                try OutputFile.checkFile(file, option: "--out", creatingDirectories: true)
            }
            if let corpus { try OutputFile.checkDirectory("\(corpus)/\(spec.name)", option: "--corpus") }
        }
    }

    /// Where the workers' predictions come from for `spec`: `--workers`, else the default.
    func source(for spec: Spec) -> WorkerSource {
        workers ?? .default(for: spec)
    }

    /// The properties judged on `spec`: `--property`, or every one the spec and source can judge.
    func selected(for spec: Spec, source: WorkerSource) -> [FuzzPropertyID] {
        FuzzPropertyID.judged(on: spec, source: source, only: properties)
    }
}

extension WorkerSource: ExpressibleByArgument {}
