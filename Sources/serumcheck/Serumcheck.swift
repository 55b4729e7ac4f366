// serumcheck: the thin command-line front end. Each subcommand lives in Commands/; what a
// command prints is rendered by the Reporting module; Output/ writes files whole or not at all
// and shows progress. Exit codes are defined once in ExitCodes.swift.
import ArgumentParser

struct Serumcheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serumcheck",
        abstract: "Check and settle reward mechanisms for decentralised federated learning.",
        discussion: """
            serumcheck runs the two mechanisms it checks exactly as their smart contract \
            would: PTSFD (Witt et al., Reward-Based 1-bit Compressed Federated Distillation \
            on Blockchain) and the commit-reveal consensus mechanism of Lu, Tang and Wang. A \
            mechanism is described by a TOML spec (see specs/README.md); every choice the \
            papers make is a knob with a `paper` and a hardened value.

            check is the front door: it runs verify, fuzz and (where the spec has data) the \
            simulation and writes one report set (HTML, Markdown, JSON, JUnit, SARIF), and \
            with --baseline fails on a regressed guarantee. verify proves or refutes the incentive properties with Z3, settle settles one \
            round offline, simulate runs whole rounds with real models trained on real data, \
            fuzz attacks the contract and the mechanism with random federations and shrinks \
            every violation to a counterexample that replay runs again, and merge joins the \
            results of fuzz shards.

            Every command writes its output files whole or not at all, checks every output \
            path before it starts, and prints a human summary unless --quiet is given.

            Exit codes: \(ExitCodes.success) success, \(ExitCodes.checkFailed) a check failed, \
            \(ExitCodes.badInput) bad input or usage (also serumcheck without a command).
            """,
        version: "0.1.0",
        subcommands: [CheckCommand.self, Settle.self, Verify.self, Simulate.self, FuzzCommand.self, ReplayCommand.self, MergeCommand.self]
    )

    /// `serumcheck` without a command is a usage error: the overview on standard error, exit 2.
    func run() throws {
        printError(Serumcheck.helpMessage())
        throw ExitCode(ExitCodes.badInput)
    }
}

@main
enum Entry {
    /// Parses and runs a command, mapping every failure onto the documented exit codes: help and
    /// version exit 0, a failed check 1, any usage or input error 2 (never ArgumentParser's 64).
    /// Every message passes ``CommandLineMessage`` on its way to the terminal.
    static func main() {
        do {
            var command = try Serumcheck.parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Serumcheck.exit(withError: code)
        } catch let failure as CommandFailure {
            printError("error: \(CommandLineMessage.safe(failure.message))")
            Serumcheck.exit(withError: ExitCode(failure.exitCode))
        } catch {
            if Serumcheck.exitCode(for: error) == .success { Serumcheck.exit(withError: error) }
            printError(CommandLineMessage.parser(Serumcheck.fullMessage(for: error)))
            Serumcheck.exit(withError: ExitCode(ExitCodes.badInput))
        }
    }
}
