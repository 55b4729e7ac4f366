import Foundation
import Testing

/// Issue 10, crashes: `settle` trapped (exit 132) once a reward reached 2^63 and wrote
/// non-finite rewards as the string "-Infinity". Each reproducer now exits 2 naming the file,
/// the key and the range; the edge of the new ranges settles with the hand-computed rewards.
@Suite struct SettleRangeTests {
    /// `specs/paper.toml` with `lines` (key = value) replaced and the lambda schedule dropped,
    /// so that `mechanism.lambda` is every round's lambda.
    static func paperSpec(_ lines: [String: String]) throws -> String {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("specs/paper.toml"), encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line in
            let key = line.split(separator: "=").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if key == "lambda_schedule" { return nil }
            return lines[key].map { "\(key) = \($0)" } ?? String(line)
        }.joined(separator: "\n")
    }

    @Test(arguments: [
        (["beta": "1e18"], "mechanism.beta: 1e+18 is out of range (0 ... 1000000)"),
        (["lambda": "1e17"], "mechanism.lambda: 1e+17 is out of range (0 ... 1000000)"),
        (["lambda": "1e17", "units_per_reward": "1000000000000"], "mechanism.lambda: 1e+17 is out of range (0 ... 1000000)"),
        (["beta": "1e308", "lambda": "1e308"], "mechanism.beta: 1e+308 is out of range (0 ... 1000000)"),
    ])
    func theIssueReproducersExitTwoAndWriteNothing(_ lines: [String: String], _ message: String) throws {
        let votes = try String(contentsOf: repositoryRoot.appendingPathComponent("specs/examples/votes-10x20.csv"), encoding: .utf8)
        let dir = try scratchDirectory(files: ["x.toml": try Self.paperSpec(lines), "votes.csv": votes])
        for json in [[], ["--json", "out.json"]] {
            let result = try Serumcheck.run(["settle", "--spec", "x.toml", "--votes", "votes.csv"] + json, in: dir)
            #expect(result.status == 2, "\(lines) \(json): \(result.stderr)")
            #expect(result.stderr == "error: x.toml: \(message)\n", "\(lines) \(json)")
            #expect(result.stdout.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.json").path))
        }
    }

    /// beta = lambda = 10^6, the top of both spec ranges, lies beyond the contract's integer
    /// settlement (|beta|, |lambda| <= 4096, `contracts/README.md`): `settle` refuses it (exit 2,
    /// naming the key) as the contract would refuse to deploy (`parameterOutOfRange`).
    @Test func beyondTheContractRangeIsRefused() throws {
        let spec = SettleCommandTests.tinySpec
            .replacingOccurrences(of: "beta = 1.0", with: "beta = 1000000")
            .replacingOccurrences(of: "lambda = 1.0", with: "lambda = 1000000")
            .replacingOccurrences(of: "units_per_reward = 8", with: "units_per_reward = 1")
        let dir = try scratchDirectory(files: ["edge.toml": spec, "votes.csv": SettleCommandTests.tinyVotes])
        let json = try Serumcheck.run(["settle", "--spec", "edge.toml", "--votes", "votes.csv", "--json", "out.json"], in: dir)
        #expect(json.status == 2)
        #expect(json.stderr == "error: edge.toml: mechanism.beta = 1000000.0: the contract's integer settlement "
            + "takes values in [-4096.0, 4096.0] (parameterOutOfRange)\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.json").path))
    }

    /// beta = lambda = 4096, the top of the contract's range, on the hand-worked votes of
    /// `SettleCommandTests` (proper normalization): the agreement terms are 49/8, 21/4 and 44/15
    /// and the samples with a peer 4, 4 and 3, so `reward_i = 4096 * (agreement_i - 4096 *
    /// E_i)`, about -6.7 * 10^7, -6.7 * 10^7 and -5.0 * 10^7: far beyond the pool of 3 * 1000
    /// units, so t_i is clamped to -pool * WAD (reward -3000) and units_i to -3000; the balanced
    /// payout gives every deposit back.
    @Test func theTopOfTheContractRangeIsClampedToThePool() throws {
        let spec = SettleCommandTests.tinySpec
            .replacingOccurrences(of: "beta = 1.0", with: "beta = 4096")
            .replacingOccurrences(of: "lambda = 1.0", with: "lambda = 4096")
            .replacingOccurrences(of: "units_per_reward = 8", with: "units_per_reward = 1")
        let dir = try scratchDirectory(files: ["edge.toml": spec, "votes.csv": SettleCommandTests.tinyVotes])
        let json = try Serumcheck.run(["settle", "--spec", "edge.toml", "--votes", "votes.csv", "--json", "out.json"], in: dir)
        #expect(json.status == 0, "\(json.stderr)")
        let output = try JSONDecoder().decode(
            SettleCommandTests.Output.self, from: Data(contentsOf: dir.appendingPathComponent("out.json")))
        #expect(output.workers.map(\.reward) == [-3000, -3000, -3000])
        #expect(output.workers.map(\.payout) == [1000, 1000, 1000])
        #expect(output.residue == 0)
    }

    /// A spec within the scale for one sample but not for the votes file's m: 10^6 (lambda) *
    /// 5 * 10^11 (units) * max(beta 1, 2 x 3) = 3 * 10^18 units a sample, 1.2 * 10^19 for the
    /// four samples of the votes, above 2^62. Refused with every factor, exit 2, no output.
    @Test func aVotesFileBeyondTheScaleIsRefused() throws {
        let spec = SettleCommandTests.tinySpec
            .replacingOccurrences(of: "lambda = 1.0", with: "lambda = 1000000")
            .replacingOccurrences(of: "units_per_reward = 8", with: "units_per_reward = 500000000000")
        let dir = try scratchDirectory(files: ["s.toml": spec, "votes.csv": SettleCommandTests.tinyVotes])
        let result = try Serumcheck.run(["settle", "--spec", "s.toml", "--votes", "votes.csv", "--json", "out.json"], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr == "error: s.toml: contract.units_per_reward: units_per_reward 500000000000 x lambda up to "
            + "1000000 x max(beta up to 1, classes x workers = 6) x 4 samples (votes.csv) = 1.2e+19 units: a reward could "
            + "exceed the 4611686018427387904 units (2^62) a round may pay; lower units_per_reward, lambda or beta\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.json").path))
    }
}
