import EVM
import Fuzz
import Ledger
import Testing

/// Differential campaigns on our contracts: the Ledger and the Vyper contracts agree on every
/// step of every drawn case (acceptance, revert reason, state, events).
@Suite(.serialized) struct DifferentialCampaignTests {
    /// Fails with every divergence found.
    func expectAgreement(_ result: DifferentialCampaignResult, cases: Int) {
        #expect(result.cases == cases)
        #expect(result.notDeployable == 0)
        // Most transactions reach the EVM, and a good share are accepted (rounds do settle).
        #expect(result.evmTransactions > cases * 50)
        #expect(result.accepted > cases * 5)
        for d in result.divergences { Issue.record("case \(d.caseIndex): \(d.divergence)") }
        #expect(result.divergentCases == 0)
    }

    @Test func consensusAgreesWithTheLedger() throws {
        expectAgreement(try EVMSupport.campaign("consensus-2", budget: 60).run(), cases: 60)
    }

    @Test func ptsfdAgreesWithTheLedger() throws {
        expectAgreement(try EVMSupport.campaign("paper-literal", budget: 60).run(), cases: 60)
    }

    /// Both mechanisms, every knob drawn (normalization, aggregation, labelCount policy,
    /// commitment, k peers per sample, payout), lambdas of both signs.
    @Test func everyKnobAgreesWithTheLedger() throws {
        let cases = ContractCampaign(seed: 5, budget: 60, steps: ContractCampaign.stepsPerCase, properties: [])
        expectAgreement(try DifferentialCampaign(cases: cases, root: EVMSupport.root).run(), cases: 60)
    }
}
