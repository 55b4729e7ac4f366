import Mechanisms
import Solver
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

    @Test(arguments: [2, 3, 4])
    func theSymbolicClausesAgreeWithTheIntegerContractClauses(workers n: Int) throws {
        // ConsensusPayoff (real d/2) against Consensus.settle, the integer clauses the contract
        // runs, on every profile of plays of n workers: equal for even d and r divisible by n,
        // where the contract's floors are exact. A junk is a result in no E_ck rule, distinct
        // per tag; "nothing" is no submission.
        let d = 1000, r = 600
        let input: [UInt8] = [7, 7, 7]
        func submission(_ play: ConsensusPlay) -> Consensus.Submission {
            switch play {
            case .nothing: .none
            case .truth: .result([1, 2, 3])
            case .junk(let tag): .result([9, UInt8(tag + 10)])
            }
        }
        let kinds: [ConsensusPlay] = [.nothing, .truth, .junk(0), .junk(1)]
        var profiles: [[ConsensusPlay]] = [[]]
        for _ in 0 ..< n { profiles = profiles.flatMap { p in kinds.map { p + [$0] } } }
        for profile in profiles {
            let exact = ConsensusPayoff.utilities(ExactAlgebra(), deposit: .init(d), reward: .init(r), plays: profile)
            let submissions = profile.map(submission)
            let outcome = n == 2
                ? Consensus.settleTwoWorkers(submissions, deposit: d, reward: r, junk: .paper, input: input)
                : Consensus.settle(submissions, deposit: d, reward: r, junk: .paper, input: input)
            #expect(exact == outcome.utilities(deposit: d).map { Rational($0) }, "\(profile)")
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
