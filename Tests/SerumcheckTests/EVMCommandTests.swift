import Foundation
import Testing

/// `replay --evm` and `fuzz --evm` through the binary. They need the project's .venv (vyper,
/// titanoboa): without it they fail with "... is missing: run scripts/setup".
@Suite(.serialized) struct EVMCommandTests {
    /// A committed divergence: consensus.vy without the reveal's hash check accepts a reveal of
    /// an empty result that does not open member 2's commitment (register, commit, reveal).
    static let file = "Tests/SerumcheckTests/Data/evm-forged-reveal.json"

    /// consensus.vy without `assert revealed == ... "revealMismatch"`, in a temporary directory.
    static func brokenConsensus() throws -> String {
        let source = try String(contentsOf: repositoryRoot.appendingPathComponent("contracts/consensus.vy"), encoding: .utf8)
        let rule = "    assert revealed == core.seats[r][i].commitment, \"revealMismatch\"\n"
        try #require(source.components(separatedBy: rule).count == 2, "the hash check must occur once in consensus.vy")
        let dir = try scratchDirectory(files: ["consensus.vy": source.replacingOccurrences(of: rule, with: "")])
        return dir.appendingPathComponent("consensus.vy").path
    }

    @Test func replayOnOurContractFindsNoDivergence() throws {
        let result = try Serumcheck.run(["replay", "--evm", Self.file], in: repositoryRoot)
        #expect(result.stdout == "\(Self.file): no divergence (3 transactions, 2 accepted)\n", "\(result.stderr)")
        #expect(result.status == 0)
    }

    @Test func replayOnTheBrokenContractDiverges() throws {
        let broken = try Self.brokenConsensus()
        let result = try Serumcheck.run(["replay", "--evm", Self.file, "--contract", broken], in: repositoryRoot)
        let member = "0xc41b3ba8828b3321ca811111fa75cd3aa3bb5ace"
        #expect(result.stdout == """
            \(Self.file): diverges at step 2 (reveal result 0x by \(member) at height 12): accepted: \
            Ledger refused (revealMismatch: the reveal of \(member) hashes to \
            0x466b0ade404866cbbfbcfa79d1bfd9092b3d034185c81a4f2dea4626711d1cec, but the commitment is \
            0x1a0c45bc82f3e03d253dd3776eb9167bac12439459da362390ec0758f756bc4a), EVM accepted

            """, "\(result.stderr)")
        #expect(result.status == 1)
    }

    @Test func badInputExitsTwo() throws {
        let missing = try Serumcheck.run(["replay", "--evm", "no-such-file.json"], in: repositoryRoot)
        #expect(missing.status == 2 && missing.stderr.contains("no-such-file.json: cannot read it"))
        let noEVM = try Serumcheck.run(["fuzz", "specs/consensus-2.toml", "--contract", "contracts/consensus.vy"], in: repositoryRoot)
        #expect(noEVM.status == 2 && noEVM.stderr.contains("--contract needs --evm"))
        let wrongKind = try Serumcheck.run(
            ["fuzz", "--evm", "specs/paper.toml", "--contract", "contracts/consensus.vy", "--budget", "1"], in: repositoryRoot)
        #expect(wrongKind.status == 2)
        #expect(wrongKind.stderr.contains("its mechanism() is \"consensus\", but specs/paper.toml is a ptsfd spec"))
    }
}
