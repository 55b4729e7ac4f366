import Fuzz
import Ledger
import Mechanisms
import Testing

/// Shrinking a broken variant's counterexample: strictly shorter, still failing the same
/// property, deterministic, and down to the hand-derived minimal sequences.
@Suite struct ShrinkContractCaseTests {
    /// The first violating case of `C` under seed 7, unshrunk.
    static func firstViolation<C: ContractUnderTest>(
        _: C.Type
    ) -> (ContractCase, ContractViolation) {
        let campaign = ContractCampaign(seed: 7, budget: 40, steps: 80, shrinkLimit: 0)
        for index in 0 ..< 40 {
            let (contractCase, violations, _, _) = campaign.runCase(index, on: C.self)
            if let v = violations.first { return (contractCase, v) }
        }
        fatalError("no violation of \(C.self) in 40 cases")
    }

    func kinds(_ c: ContractCase) -> [String] {
        c.steps.map { step in
            switch step.transaction {
            case .register: "register"
            case .commit: "commit"
            case .reveal: "reveal"
            case .settle: "settle"
            case .withdraw: "withdraw"
            }
        }
    }

    @Test func aForgedRevealShrinksToRegisterCommitReveal() throws {
        let (original, violation) = Self.firstViolation(AcceptsAnyReveal.self)
        let shrinker = ContractShrinker<AcceptsAnyReveal>(property: .revealBinding, limit: 2_000)
        let shrunk = shrinker.shrink(original)
        #expect(shrunk.contractCase.steps.count < original.steps.count)
        #expect(violation.step + 1 == original.steps.count)
        // The shortest forged reveal: register, commit, reveal something else.
        #expect(kinds(shrunk.contractCase) == ["register", "commit", "reveal"])
        let again = try replay(shrunk.contractCase, on: AcceptsAnyReveal.self)
        #expect(again.map(\.property) == [.revealBinding] && again.first?.step == 2)
        #expect(try replay(shrunk.contractCase, on: Contract.self).isEmpty)
        // Deterministic.
        let twice = shrinker.shrink(original)
        #expect(twice.contractCase == shrunk.contractCase && twice.replays == shrunk.replays)
        #expect(shrunk.replays <= 2_000)
    }

    @Test func aForgottenWithholderShrinksToRegisterSettle() throws {
        let (original, _) = Self.firstViolation(ForgetsWithholders.self)
        let shrunk = ContractShrinker<ForgetsWithholders>(property: .withholdingSlashed, limit: 2_000)
            .shrink(original)
        #expect(shrunk.contractCase.steps.count < original.steps.count)
        #expect(kinds(shrunk.contractCase) == ["register", "settle"])
        let again = try replay(shrunk.contractCase, on: ForgetsWithholders.self)
        #expect(again.map(\.property) == [.withholdingSlashed])
    }

    @Test func aRefusalThatMovesShrinksToOneStep() throws {
        let (original, _) = Self.firstViolation(MovesOnRefusal.self)
        let shrunk = ContractShrinker<MovesOnRefusal>(property: .refusalNoEffect, limit: 2_000)
            .shrink(original)
        #expect(shrunk.contractCase.steps.count == 1)
        #expect(try replay(shrunk.contractCase, on: MovesOnRefusal.self).map(\.property) == [.refusalNoEffect])
    }

    @Test func aLimitOfZeroDoesNotShrink() {
        let (original, _) = Self.firstViolation(AcceptsAnyReveal.self)
        let shrunk = ContractShrinker<AcceptsAnyReveal>(property: .revealBinding, limit: 0).shrink(original)
        #expect(shrunk.contractCase == original && shrunk.replays == 0 && shrunk.violation == nil)
    }

    @Test func aLimitBoundsTheReplays() {
        let (original, _) = Self.firstViolation(AcceptsAnyReveal.self)
        let shrunk = ContractShrinker<AcceptsAnyReveal>(property: .revealBinding, limit: 5).shrink(original)
        #expect(shrunk.replays == 5)
        #expect(shrunk.contractCase.steps.count <= original.steps.count)
    }
}
