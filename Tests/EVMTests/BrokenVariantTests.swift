import EVM
import Foundation
import Fuzz
import Ledger
import Testing

/// A contract with one rule removed is caught by the differential campaign, and the divergence
/// shrinks to the few transactions that show the missing rule.
@Suite(.serialized) struct BrokenVariantTests {
    /// consensus.vy whose reveal skips the hash check: a reveal that does not open the
    /// commitment is accepted where the Ledger refuses it with `revealMismatch`.
    @Test func aRevealWithoutItsHashCheckIsCaughtAndShrunk() throws {
        let broken = try EVMSupport.brokenVariant(
            of: "consensus.vy",
            replacing: "    assert revealed == core.seats[r][i].commitment, \"revealMismatch\"\n", with: "")
        let result = try EVMSupport.campaign("consensus-2", budget: 30, contracts: [broken]).run()
        let found = try #require(result.divergences.first, "the broken reveal was not caught in 30 cases")
        // Showing a forged reveal takes three transactions: register, commit, and a reveal
        // that does not open the commitment (the Ledger refuses it, the broken contract accepts).
        #expect(found.contractCase.steps.count == 3)
        #expect(found.contractCase.steps.map(\.transaction.kind) == ["register", "commit", "reveal"])
        #expect(found.divergence.kind == .acceptance && found.divergence.step == 2)
        #expect(found.divergence.ledger.hasPrefix("refused (revealMismatch"))
        #expect(found.divergence.evm == "accepted")
        #expect(found.originalSteps > found.contractCase.steps.count)
        // The shrunk case replays to the same divergence on the broken contract, and to none on ours.
        let host = try EVMHost(root: EVMSupport.root)
        let again = try DifferentialReplay.loading([broken], into: host).run(found.contractCase)
        #expect(again.divergence == found.divergence)
        let ours = try DifferentialReplay.loading([], into: host).run(found.contractCase)
        #expect(ours.divergence == nil)
    }

    /// ptsfd.vy whose settle forgets to slash a registered member without a reveal: its deposit
    /// stays counted in no account, where the Ledger moves it to the slashed account.
    @Test func aSettleThatForgetsToSlashIsCaughtAndShrunk() throws {
        let broken = try EVMSupport.brokenVariant(
            of: "ptsfd.vy", editing: "lib/ptsfd_settlement.vy",
            replacing: "        if not s.revealed or (terms.label_count_verified and not s.valid):\n",
            with: "        if False:\n")
        let result = try EVMSupport.campaign("paper", budget: 30, contracts: [broken]).run()
        let found = try #require(result.divergences.first, "the forgotten slash was not caught in 30 cases")
        // The shortest sequence: a member registers and never reveals, then anyone settles.
        #expect(found.contractCase.steps.map(\.transaction.kind) == ["register", "settle"])
        #expect(found.divergence.kind == .state && found.divergence.step == 1)
        // The first field compared that differs: the round's record lists the registered member
        // as slashed on the Ledger and nobody on the broken contract.
        let member = found.contractCase.steps[0].transaction.sender
        #expect(found.divergence.field == "records[0].slashed")
        #expect(found.divergence.ledger == "[\(member)]" && found.divergence.evm == "[]")
        let host = try EVMHost(root: EVMSupport.root)
        #expect(try DifferentialReplay.loading([broken], into: host).run(found.contractCase).divergence == found.divergence)
        #expect(try DifferentialReplay.loading([], into: host).run(found.contractCase).divergence == nil)
    }

    /// ptsfd.vy whose reward forgets beta's penalty (`matched_i - 0 * E_i` for
    /// `matched_i - beta_wad * E_i`): the integer reward units differ as soon as a worker with a peer settles.
    @Test func aRewardWithoutBetaIsCaughtAndShrunk() throws {
        let broken = try EVMSupport.brokenVariant(
            of: "ptsfd.vy", editing: "lib/ptsfd_settlement.vy",
            replacing: "inner: int256 = matched - beta * ", with: "inner: int256 = matched - 0 * ")
        let result = try EVMSupport.campaign("paper", budget: 30, contracts: [broken]).run()
        let found = try #require(result.divergences.first, "the missing penalty was not caught in 30 cases")
        // The shortest sequence: two members register, commit and reveal (a peer each, so
        // E_i > 0), then a settle: at most 7 steps, ending in the settle.
        #expect(found.contractCase.steps.count <= 7)
        #expect(found.contractCase.steps.last?.transaction.kind == "settle")
        #expect(found.divergence.kind == .state)
        #expect(found.divergence.field.hasPrefix("records[0].rewards["))
        let host = try EVMHost(root: EVMSupport.root)
        #expect(try DifferentialReplay.loading([broken], into: host).run(found.contractCase).divergence == found.divergence)
        #expect(try DifferentialReplay.loading([], into: host).run(found.contractCase).divergence == nil)
    }
}

extension Transaction {
    /// `register`, `commit`, `reveal`, `settle` or `withdraw`.
    var kind: String {
        switch self {
        case .register: "register"
        case .commit: "commit"
        case .reveal: "reveal"
        case .settle: "settle"
        case .withdraw: "withdraw"
        }
    }
}
