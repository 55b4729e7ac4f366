import Reporting
import ArgumentParser
import Foundation
import Ledger
import Mechanisms
import Messages
import Specs

/// `serumcheck settle`: settles one round offline, as the contract would.
struct Settle: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Settle one round offline with a spec's knobs.",
        discussion: """
            PTSFD specs (mechanism.kind = "ptsfd") take a votes file: CSV, one row per \
            worker, one comma-separated integer class label per public sample, -1 for no \
            report. The round is settled with the spec's beta, the first entry of its lambda \
            schedule and its knobs (under peers_per_sample = k, with the contract's round-0 \
            allocation seed derived from mechanism.seed); the output gives the aggregated \
            labels and, per worker, the samples reported, the reward (lambda * sum_j tau_ij), \
            the mean reward per reported sample and the integer payout out of the pool of \
            deposits under the spec's payout rule.

            Consensus specs (mechanism.kind = "consensus") take a results file instead: one \
            line per worker, the revealed result in hex, or - for no submission.

            Both files may start with a UTF-8 byte-order mark and end their lines in LF, \
            CRLF or CR, as spreadsheet programs write them; - reads the file from standard \
            input. The table goes to standard output (to standard error when --json writes \
            to standard output); --quiet prints none.

            Examples:
              serumcheck settle --spec specs/paper.toml \\
                --votes specs/examples/votes-10x20.csv
              serumcheck settle --spec specs/paper-literal.toml --votes v.csv \\
                --json out.json
              serumcheck settle --spec specs/consensus-2.toml \\
                --results specs/examples/results-2-agree.txt
              cat votes.csv | serumcheck settle --spec specs/paper.toml --votes -
            """
    )

    @Option(name: .long, help: ArgumentHelp("The mechanism spec (TOML).", valueName: "file"))
    var spec: String

    @Option(name: .long, help: ArgumentHelp(
        "PTSFD votes: CSV, one row per worker, -1 for no report (- for standard input).", valueName: "file"))
    var votes: String?

    @Option(name: .long, help: ArgumentHelp(
        "Consensus results: one hex string per line, - for no submission (- for standard input).", valueName: "file"))
    var results: String?

    @Option(name: .long, help: ArgumentHelp(
        "Write the settlement as JSON to this file (written whole or not at all; - for standard output).",
        valueName: "file"))
    var json: String?

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if votes != nil && results != nil {
            throw ValidationError("Give --votes (PTSFD) or --results (consensus), not both.")
        }
        if votes == nil && results == nil {
            throw ValidationError("Missing --votes FILE (PTSFD spec) or --results FILE (consensus spec).")
        }
    }

    func run() throws {
        try OutputFile.checkFile(json, option: "--json")
        let loaded: Spec
        loaded = try loadSpec(spec)
        for (key, range) in [("deposit", loaded.mechanism.depositRange), ("reward", loaded.mechanism.rewardRange)]
        where range.count > 1 {
            throw CommandFailure(message: "\(Echo.path(spec)): mechanism.\(key): is a range {min = \(range.lowerBound), max = \(range.upperBound)}; settle needs a single value")
        }
        switch loaded.mechanism.kind {
        case .ptsfd:
            guard let votes else {
                throw CommandFailure(message: "\(Echo.path(spec)) is a PTSFD spec: settle it with --votes FILE, not --results")
            }
            let report = try settlePTSFD(loaded, votesPath: votes)
            try emit(json: report, table: report.table)
        case .consensus:
            guard let results else {
                throw CommandFailure(message: "\(Echo.path(spec)) is a consensus spec: settle it with --results FILE, not --votes")
            }
            let report = try settleConsensus(loaded, resultsPath: results)
            try emit(json: report, table: report.table)
        }
    }

    func settlePTSFD(_ spec: Spec, votesPath: String) throws -> PTSFDSettleReport {
        let parameters: PTSFD.Parameters
        let matrix: VoteMatrix
        do {
            parameters = try spec.ptsfdParameters(round: 0, file: self.spec)
            matrix = try VotesFile.read(path: votesPath, classes: spec.federation.classes)
            // The spec was checked for one sample; the round has the file's m.
            try spec.checkRewardScale(samples: matrix.samples, file: self.spec, source: votesPath)
        } catch { throw CommandFailure.badInput(error) }
        guard matrix.workers == spec.federation.workers else {
            throw CommandFailure(message: "\(Echo.path(FileBytes.displayName(votesPath))): has \(matrix.workers) rows (workers), but "
                + "\(Echo.path(self.spec)) sets federation.workers = \(spec.federation.workers)")
        }
        let limit = FixedPoint.maximumParameter
        for (key, value) in [("mechanism.beta", parameters.beta), ("contract.lambda_schedule[0]", parameters.lambda)]
        where abs(value) > limit {
            throw CommandFailure(message: "\(Echo.path(self.spec)): \(key) = \(value): the contract's integer settlement "
                + "takes values in [-\(limit), \(limit)] (parameterOutOfRange)")
        }
        // The contract's own settle-and-pay sequence, with round 0's allocation seed derived
        // from the spec's seed exactly as the contract derives it.
        let settlement = RoundSettlement.ptsfd(
            votes: matrix, settling: Array(0 ..< matrix.workers), reportedLabelCounts: nil,
            beta: parameters.beta, lambda: parameters.lambda, knobs: spec.knobs,
            unitsPerReward: spec.contract.unitsPerReward, deposit: spec.mechanism.deposit,
            allocationSeed: Contract.allocationSeed(spec.mechanism.seed, round: 0))
        return PTSFDSettleReport(
            spec: spec, specPath: self.spec, votesPath: votesPath, samples: matrix.samples,
            parameters: parameters, settlement: settlement)
    }

    func settleConsensus(_ spec: Spec, resultsPath: String) throws -> ConsensusSettleReport {
        let submissions: [Consensus.Submission]
        do { submissions = try ResultsFile.read(path: resultsPath) } catch {
            throw CommandFailure.badInput(error)
        }
        guard submissions.count == spec.federation.workers else {
            throw CommandFailure(message: "\(Echo.path(FileBytes.displayName(resultsPath))): has \(submissions.count) results, but "
                + "\(Echo.path(self.spec)) sets federation.workers = \(spec.federation.workers)")
        }
        let m = spec.mechanism
        let outcome = submissions.count == 2
            ? Consensus.settleTwoWorkers(submissions, deposit: m.deposit, reward: m.reward, junk: m.commonKnowledge, input: m.input)
            : Consensus.settle(submissions, deposit: m.deposit, reward: m.reward, junk: m.commonKnowledge, input: m.input)
        return ConsensusSettleReport(
            spec: spec, specPath: self.spec, resultsPath: resultsPath,
            submissions: submissions, outcome: outcome)
    }

    /// Writes the settlement as JSON to `--json` (whole or not at all), then shows the table.
    func emit<Settlement: Encodable>(json settlement: Settlement, table: String) throws {
        if let json {
            try OutputFile.writeJSON(settlement, to: json)
            if !OutputFile.isStandardOutput(json) { report.note("settled; JSON written to \(Echo.path(json))") }
        }
        report.show(table, json: json)
    }
}
