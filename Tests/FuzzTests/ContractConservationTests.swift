import Fuzz
import Ledger
import Mechanisms
import Testing

/// Exact conservation over random transaction sequences (moved from LedgerTests): valid,
/// invalid and out-of-protocol transactions at random heights, on random PTSFD and consensus
/// contracts. After every step every contract property holds, and once everybody has withdrawn
/// what it is owed the contract keeps exactly the slashed, residue and escrow units.
@Suite struct ContractConservationTests {
    static let cases = 300
    static let steps = 60

    @Test func randomSequencesConserveFunds() throws {
        let campaign = ContractCampaign(seed: 0, budget: Self.cases, steps: Self.steps)
        var kinds: Set<String> = []
        for index in 0 ..< Self.cases {
            let (contractCase, violations, _, _) = campaign.runCase(index, on: Contract.self)
            #expect(violations.isEmpty, "seed 0, case \(index): \(violations)")
            #expect(contractCase.steps.count == Self.steps)
            switch contractCase.config.mechanism {
            case .ptsfd: kinds.insert("ptsfd")
            case .consensus: kinds.insert("consensus")
            }
            var run = try ContractRun<Contract>(
                config: contractCase.config, deployer: contractCase.deployer,
                deployHeight: contractCase.deployHeight)
            for step in contractCase.steps { _ = run.apply(step, caseIndex: index) }
            let accounts = contractCase.config.members + [ContractAccounts.stranger, contractCase.deployer]
            for account in accounts where run.contract.claimable(account) > 0 {
                let step = ContractStep(height: run.contract.height, transaction: .withdraw(sender: account))
                let problems = run.apply(step, caseIndex: index)
                #expect(problems.isEmpty, "case \(index): \(problems)")
            }
            let f = run.contract.funds
            #expect(
                f.paidIn == f.withdrawn + f.slashed + f.residue + f.escrow
                    && run.contract.balances.isEmpty,
                "case \(index): after withdrawing everything \(f)")
        }
        #expect(kinds == ["ptsfd", "consensus"])
    }
}
