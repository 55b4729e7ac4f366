import Specs
import Testing
import Verification

/// Table I and Table II of Lu, Tang and Wang through the IEWDS engine with Z3 proofs.
@Suite struct ConsensusVerificationTests {
    @Test(arguments: 2 ... 5)
    func allTruthfulIsTheUniqueSurvivorAndResistsCoalitions(workers: Int) throws {
        let spec = try consensusSpec(workers: workers)
        let unique = verifier.check(.iewdsTruthfulUnique, on: spec)
        #expect(isProved(unique), "n = \(workers): \(unique.verdict)")
        let coalition = verifier.check(.coalitionResilient, on: spec)
        #expect(isProved(coalition), "n = \(workers): \(coalition.verdict)")
        #expect(coalition.notes.count == workers - 1)
    }

    @Test func tableIEliminatesSigmaEStrictlyAndSigmaFWeakly() throws {
        let result = verifier.check(.iewdsTruthfulUnique, on: try consensusSpec(workers: 2))
        let order = result.notes.first { $0.hasPrefix("elimination order") } ?? ""
        #expect(order.contains("worker 0 drops σe (nothing) (strictly dominated by σt (true result))"))
        #expect(order.contains("worker 0 drops σf (random junk) (weakly dominated by σt (true result))"))
    }

    @Test func theSymbolicClausesAgreeWithTheIntegerContractClauses() throws {
        // ConsensusPayoff (real d/2) and Consensus.settle (integer) agree for even d and r = 0 mod n.
        let d = 1000, r = 600
        let plays: [[ConsensusPlay]] = [[.truth, .truth, .truth], [.truth, .nothing, .junk(1)], [.junk(1), .junk(2), .truth], [.nothing, .nothing, .truth]]
        for profile in plays {
            let exact = ConsensusPayoff.utilities(ExactAlgebra(), deposit: .init(d), reward: .init(r), plays: profile)
            let expected: [Int] = {
                if profile.contains(.nothing) { return profile.map { $0 == .nothing ? -d : -d / 2 } }
                if profile.allSatisfy({ $0 == profile[0] }) { return profile.map { _ in r / profile.count } }
                return profile.map { _ in -d / 2 }
            }()
            #expect(exact.map(\.description) == expected.map(String.init))
        }
    }
}

@Suite struct ConsensusRangeTests {
    @Test func theClaimsHoldForEveryDepositAndRewardInARange() throws {
        let spec = try Spec.parse(toml: """
            name = "ranges"
            [federation]
            workers = 3
            [mechanism]
            kind = "consensus"
            deposit = { min = 1, max = 1000000 }
            reward = { min = 0, max = 1000000 }
            """, file: "ranges.toml")
        #expect(spec.mechanism.depositRange == 1 ... 1_000_000)
        #expect(isProved(verifier.check(.iewdsTruthfulUnique, on: spec)))
        #expect(isProved(verifier.check(.coalitionResilient, on: spec)))
        // Table II's survivors, coalition by coalition: sigma_2 for the coalition, t outside.
        let notes = verifier.check(.coalitionResilient, on: spec).notes
        #expect(notes.contains { $0.hasPrefix("coalition of 1:") && $0.contains("{σ2 (all 1 send the true result)} x {σt (true result)} x {σt (true result)}") })
        #expect(notes.contains { $0.hasPrefix("coalition of 2:") && $0.contains("{σ2 (all 2 send the true result)} x {σt (true result)}") })
    }
}
