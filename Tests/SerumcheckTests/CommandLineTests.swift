import Foundation
import Testing

/// The command line itself: negative numbers, help text, `serumcheck` alone (issue 10,
/// section 4).
@Suite struct CommandLineTests {
    static let commands = ["settle", "verify", "simulate", "fuzz", "replay", "merge"]

    /// A negative number given to a numeric option says what is wrong, never "Missing value".
    @Test(arguments: [
        (["verify", "s.toml", "--jobs", "-1"], "Error: --jobs -1 is outside 1 ... 256."),
        (["verify", "s.toml", "--timeout-ms", "-5"],
         "Error: The value '-5' is invalid for '--timeout-ms <n>': expected an integer in 0 ... 4294967295"),
        (["fuzz", "s.toml", "--seed", "-1"],
         "Error: The value '-1' is invalid for '--seed <s>': expected an integer in 0 ... 18446744073709551615"),
        (["fuzz", "s.toml", "--budget", "-3"], "Error: --budget -3 is outside 1 ... 10000000."),
        (["fuzz", "s.toml", "--time", "-2"], "Error: --time -2.0 is outside (0, 86400] seconds."),
        (["fuzz", "s.toml", "--threads", "-1"], "Error: --threads -1 is outside 1 ... 256."),
        (["fuzz", "s.toml", "--shrink-limit", "-1"], "Error: --shrink-limit -1 is outside 0 ... 1000000."),
        (["fuzz", "s.toml", "--shard", "-1/4"], "Error: --shard -1/4: expected I/N with 0 <= I < N <= 100000, for example 0/4."),
        (["simulate", "s.toml", "--seed", "-7"],
         "Error: The value '-7' is invalid for '--seed <s>': expected an integer in 0 ... 18446744073709551615"),
        (["simulate", "s.toml", "--rounds", "-1"], "Error: --rounds -1 is outside 1 ... 1000."),
        (["simulate", "s.toml", "--threads", "-2"], "Error: --threads -2 is outside 1 ... 256."),
    ])
    func negativeNumbersSayWhatIsWrong(arguments: [String], message: String) throws {
        let result = try Serumcheck.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").first.map(String.init) == message, "\(result.stderr)")
    }

    /// ArgumentParser wraps help text itself (at 80 columns without a terminal): a paragraph
    /// written with its own line breaks came out with stray short lines. In every help text,
    /// a line of a paragraph is only broken where the next word would not have fit (the
    /// parser breaks at the last space of the next 80 characters, so a line and the next word
    /// fill at least 80 columns), and an indented line (a list or an example) fits whole.
    @Test func helpTextIsWrappedOnce() throws {
        for command in [[]] + Self.commands.map({ [$0] }) {
            let result = try Serumcheck.run(command + ["--help"])
            #expect(result.status == 0)
            let text = result.stdout.components(separatedBy: "\nUSAGE:")[0]
            let lines = text.components(separatedBy: "\n")
            for (k, line) in lines.enumerated() {
                #expect(line.count <= 80, "\(command): \(line)")
                guard k + 1 < lines.count, !line.isEmpty, !line.hasPrefix(" "), !line.hasSuffix(":") else { continue }
                let next = lines[k + 1]
                guard !next.isEmpty, !next.hasPrefix(" ") else { continue }
                let word = next.prefix { $0 != " " }
                #expect(line.count + 1 + word.count >= 80, "\(command): stray line break after \"\(line)\"")
            }
        }
    }

    @Test func everyOptionHasHelpAndNoDefaultIsPrintedTwice() throws {
        for command in Self.commands {
            let help = try Serumcheck.run([command, "--help"]).stdout
            let options = help.components(separatedBy: "\nOPTIONS:\n")[1]
            // Each option's entry: its first line starts with two spaces and a dash or <.
            var entries: [String] = []
            for line in options.components(separatedBy: "\n") where !line.isEmpty {
                if line.hasPrefix("  -") || line.hasPrefix("  <") { entries.append(line) } else if !entries.isEmpty { entries[entries.count - 1] += " " + line }
            }
            for entry in entries {
                let words = entry.split(separator: " ")
                #expect(words.count > 2, "\(command): \(entry)")
                let defaults = entry.components(separatedBy: "(default").count - 1
                #expect(defaults <= 1, "\(command): \(entry)")
            }
        }
        let jobs = try Serumcheck.run(["verify", "--help"]).stdout
        #expect(jobs.contains("  --jobs <n>              Properties checked in parallel, each with its own Z3\n                          context (default: the number of cores).\n"))
    }

    @Test func serumcheckAloneIsAUsageError() throws {
        let result = try Serumcheck.run([])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("OVERVIEW: Check and settle reward mechanisms for decentralised federated\nlearning.\n"))
        #expect(result.stderr.contains("\nExit codes: 0 success, 1 a check failed, 2 bad input or usage (also serumcheck\nwithout a command).\n"))
        #expect(result.stderr.contains("\nSUBCOMMANDS:\n  check "))
        let help = try Serumcheck.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout == result.stderr)
    }
}
