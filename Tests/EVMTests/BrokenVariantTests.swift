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
            replacing: "    assert revealed == self.seats[r][i].commitment, \"revealMismatch\"\n", with: "")
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
