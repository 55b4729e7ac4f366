import Foundation
import Specs
import Testing

@testable import Verification

/// The limits `verify` states and enforces (`Verifier+Limits`), and the symmetry that lets a
/// uniform prior go far beyond an asymmetric one.
@Suite("verify limits") struct VerifierLimitsTests {
    /// A prior of `c` classes with `distinct` different values (the rest equal), as TOML.
    func prior(classes c: Int, distinct: Int) -> String {
        // Weights 1 ... distinct for the first classes, 1 for the others; normalised by hand.
        let weights = (0 ..< c).map { $0 < distinct ? Double($0 + 1) : 1 }
        let total = weights.reduce(0, +)
        return "[" + weights.map { String($0 / total) }.joined(separator: ", ") + "]"
    }

    @Test func representativesFollowThePriorsGroups() throws {
        // Uniform: one pair and one class stand for all.
        let uniform = BeliefModel(spec: try ptsfdSpec(classes: 50))
        #expect(uniform.representativePairs.count == 1 && uniform.representativeClasses == [0])
        // Three distinct values over 5 classes: groups {0}, {1}, {2, 3, 4} (weights 1, 2, 1, 1, 1
        // put classes 0, 2, 3, 4 together, class 1 alone): pairs within {0, 2, 3, 4} and across.
        let mixed = BeliefModel(spec: try ptsfdSpec(classes: 5, prior: "[0.1, 0.6, 0.1, 0.1, 0.1]"))
        #expect(mixed.priorGroups == [[0, 2, 3, 4], [1]])
        #expect(mixed.representativePairs.map { [$0.x, $0.y] } == [[0, 2], [0, 1], [1, 0]])
        #expect(mixed.representativeClasses == [0, 1])
    }

    @Test func theLimitsAreEnforcedWithTheKeyAtFault() throws {
        #expect(Verifier.beyondLimits(try consensusSpec(workers: Verifier.maximumConsensusWorkers)) == nil)
        let many = Verifier.beyondLimits(try consensusSpec(workers: Verifier.maximumConsensusWorkers + 1))
        #expect(many?.key == "federation.workers")
        #expect(many?.reason.hasPrefix("verify decides consensus specs of at most 10 workers, not 11") == true)
        #expect(Verifier.beyondLimits(try ptsfdSpec(classes: Verifier.maximumClasses)) == nil)
        #expect(Verifier.beyondLimits(try ptsfdSpec(classes: Verifier.maximumClasses + 1))?.key == "federation.classes")
        // 8 classes of distinct priors: 56 pairs, at the limit; 9: 72, beyond.
        #expect(Verifier.beyondLimits(try ptsfdSpec(classes: 8, prior: prior(classes: 8, distinct: 8))) == nil)
        let asymmetric = Verifier.beyondLimits(try ptsfdSpec(classes: 9, prior: prior(classes: 9, distinct: 9)))
        #expect(asymmetric?.key == "federation.prior")
        #expect(asymmetric?.reason.contains("give 72 distinct ordered pairs") == true)
        // 60 classes with 4 distinct values: at most 4 * 4 pairs, within.
        #expect(Verifier.beyondLimits(try ptsfdSpec(classes: 60, prior: prior(classes: 60, distinct: 4))) == nil)
    }

    @Test func everyShippedSpecIsWithinTheLimits() throws {
        let dir = repositoryRoot + "/specs"
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) where name.hasSuffix(".toml") {
            let spec = try Spec.load(path: dir + "/" + name)
            #expect(Verifier.beyondLimits(spec) == nil, "\(name)")
        }
    }
}
