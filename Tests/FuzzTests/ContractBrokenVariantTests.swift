import Fuzz
import Ledger
import Mechanisms
import Testing

/// Each deliberately broken contract is caught by the property it breaks, and only by it; the
/// correct contract passes the same campaign.
@Suite struct ContractBrokenVariantTests {
    static let campaign = ContractCampaign(seed: 7, budget: 40, steps: 80, shrinkLimit: 0)

    @Test func theLedgerContractPassesTheCampaign() {
        let result = Self.campaign.run(on: Contract.self)
        #expect(result.cases == 40 && result.transactions == 40 * 80)
        #expect(result.violations.isEmpty, "\(result.violations.map(\.violation))")
        #expect(result.accepted > result.transactions / 10)
    }

    @Test func anAcceptedForgedRevealBreaksRevealBinding() {
        let result = Self.campaign.run(on: AcceptsAnyReveal.self)
        #expect(!result.violations.isEmpty)
        #expect(Set(result.violations.map(\.violation.property)) == [.revealBinding])
    }

    @Test func anUnslashedWithholderBreaksWithholdingSlashed() {
        let result = Self.campaign.run(on: ForgetsWithholders.self)
        #expect(!result.violations.isEmpty)
        #expect(Set(result.violations.map(\.violation.property)) == [.withholdingSlashed])
    }

    @Test func aRefusalThatMovesTheHeightBreaksRefusalNoEffect() {
        let result = Self.campaign.run(on: MovesOnRefusal.self)
        #expect(!result.violations.isEmpty)
        #expect(Set(result.violations.map(\.violation.property)) == [.refusalNoEffect])
    }

    @Test func resultsDoNotDependOnThreadsOrShards() {
        var two = Self.campaign
        two.threads = 2
        let one = Self.campaign.run(on: AcceptsAnyReveal.self)
        #expect(two.run(on: AcceptsAnyReveal.self) == one)
        var even = Self.campaign, odd = Self.campaign
        even.shard = Array(stride(from: 0, to: 40, by: 2))
        odd.shard = Array(stride(from: 1, to: 40, by: 2))
        let merged = (even.run(on: AcceptsAnyReveal.self).violations
            + odd.run(on: AcceptsAnyReveal.self).violations).sorted {
                $0.violation.caseIndex < $1.violation.caseIndex
            }
        #expect(merged == one.violations)
    }

    @Test func everyContractPropertyHasAChecker() {
        #expect(
            ContractChecks.properties == [
                .depositConservation, .singleSettlement, .revealBinding, .withholdingSlashed,
                .refusalNoEffect, .membersOnlyPaid, .withdrawBounded,
            ])
    }
}
