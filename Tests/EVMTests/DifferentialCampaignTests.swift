import EVM
import Fuzz
import Ledger
import Testing

/// Differential campaigns on our contracts: the Ledger and the Vyper contract agree on every
/// step of every drawn case.
@Suite(.serialized) struct DifferentialCampaignTests {
    @Test func consensusAgreesWithTheLedger() throws {
        let result = try EVMSupport.campaign("consensus-2", budget: 60).run()
        print("consensus-2: \(result)")
        #expect(result.cases == 60)
        #expect(result.notDeployable == 0)
        #expect(result.evmTransactions > 1_000)
        for d in result.divergences { Issue.record("case \(d.caseIndex): \(d.divergence)") }
        #expect(result.divergences.isEmpty)
    }
}
