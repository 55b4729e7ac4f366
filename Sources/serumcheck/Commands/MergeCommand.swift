import Reporting
import ArgumentParser
import Foundation
import Fuzz
import Specs

/// `serumcheck merge`: joins the JSON of fuzz shards into the result of one unsharded run.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join fuzz shard results (--json files of --shard I/N runs) into one campaign's result.",
        discussion: """
            The shards must come from one campaign (same spec, seed and budget). Case counts \
            add, the violation of lowest case index is kept (with its counterexample, which \
            is written again into --out), so the merged JSON is byte for byte what one \
            unsharded run writes. Exit 0 when every outcome meets the spec's expectation, 1 \
            otherwise, 2 on bad input or usage. The table goes to standard output (to \
            standard error when --json writes to standard output); --quiet prints none.

            Example:
              for i in 0 1 2; do
                serumcheck fuzz specs/paper.toml --budget 30 --shard $i/3 --json s$i.json
              done
              serumcheck merge s0.json s1.json s2.json --json merged.json
            """
    )

    @Argument(help: ArgumentHelp("Shard result files (fuzz --json).", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("Write the merged result as JSON to this file (written whole or not at all; - for standard output).", valueName: "file"))
    var json: String

    @Option(name: .long, help: ArgumentHelp("Directory for the counterexample files.", valueName: "dir"))
    var out: String = "serumcheck-fuzz"

    @OptionGroup var report: ReportOptions

    func run() throws {
        try OutputFile.checkFile(json, option: "--json")
        try OutputFile.checkDirectory(out, option: "--out")
        var reports: [FuzzReport] = []
        for file in files {
            reports.append(try JSONInput.read(FuzzReport.self, from: file, what: "a fuzz result file"))
        }
        guard let first = reports.first else { throw CommandFailure(message: "no files to merge") }
        let spec = try loadSpec(first.spec)
        let command = FuzzReport.reproduceCommand(of: reports)!
        let merged: FuzzReport
        do {
            merged = try FuzzReport.merge(reports, spec: spec, confidence: FuzzSession.confidence, out: out, command: command)
        } catch { throw CommandFailure(message: "\(error)") }
        let text = (try? String(contentsOfFile: first.spec, encoding: .utf8)) ?? ""
        let files = merged.counterexampleFiles(out: out, specName: spec.name, specText: text, command: command)
        for (path, _) in files { try OutputFile.checkFile(path, option: "--out", creatingDirectories: true) }
        for (path, counterexample) in files {
            try OutputFile.writeJSON(counterexample, to: path, createDirectories: true)
        }
        try OutputFile.writeJSON(merged, to: json)
        report.show(FuzzReportTable(report: merged).rendered, json: json)
        if !merged.allMet { throw ExitCode(ExitCodes.checkFailed) }
    }
}
