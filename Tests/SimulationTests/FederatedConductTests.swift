import Adversary
import Ledger
import Mechanisms
import Specs
import Testing
@testable import Simulation

/// Protocol-level attackers carried out through the contract, on the 3-worker, 4-sample
/// votes of `FederatedContractTests` (rewards 17/8, 5/4, -1/15 under the hardened knobs).
@Suite("Federated contract: protocol conduct")
struct FederatedConductTests {
    let none = WorkerReport.noReport

    func spec(_ knobs: Knobs = .hardened) -> Spec {
        Spec(name: "tiny", federation: .init(workers: 3, classes: 2, accuracy: .all(.value(0.8))),
             mechanism: .init(kind: .ptsfd, deposit: 1000), knobs: knobs, contract: .init(rounds: 1))
    }

    var reports: [WorkerReport] {
        [WorkerReport(y: [0, 1, 1, 0], classes: 2), WorkerReport(y: [0, 1, 0, 0], classes: 2),
         WorkerReport(y: [0, none, 1, 1], classes: 2)]
    }

    func contract(_ knobs: Knobs = .hardened) throws -> FederatedContract {
        try FederatedContract(spec: spec(knobs), beta: 1, lambdas: [1], samples: 4, saltSeed: 7)
    }

    @Test("a copier is paid as its target under the paper commitment, and refused and slashed under bound")
    func commitmentCopier() throws {
        let conduct: [ProtocolConduct] = [.follows, .follows, .copiesCommitment(target: 0)]
        var copied = reports
        copied[2] = WorkerReport(y: [none, none, none, none], classes: 2)

        var paper = try contract(Knobs(commitment: .paper))
        let record = try paper.play(copied, conduct: conduct)
        #expect(record.slashed.isEmpty && paper.refusals.isEmpty)
        #expect(paper.contract.seat(of: paper.members[2])?.commitment == paper.contract.seat(of: paper.members[0])?.commitment)
        #expect(record.rewards[2] == record.rewards[0])
        #expect(paper.contract.checkInvariants().isEmpty)

        var bound = try contract()
        let refused = try bound.play(copied, conduct: conduct)
        #expect(refused.slashed == [bound.members[2]])
        #expect(bound.refusals.map(\.worker) == [2] && bound.refusals.first?.transaction == "copied reveal")
        #expect(bound.refusals.first?.error.contains("but the commitment is") == true, "\(bound.refusals)")
        #expect(bound.paidIn == [1000, 1000, 1000] && bound.contract.checkInvariants().isEmpty)
    }

    @Test("a withholder that would lose part of its deposit withholds (and is slashed); one that gains reveals")
    func revealWithholder() throws {
        // Worker 2's reward -1/15 is below the mean: revealing would pay back less than 1000.
        var losing = try contract()
        let record = try losing.play(reports, conduct: [.follows, .follows, .withholdsWhenUnprofitable])
        #expect(losing.withheld.map(\.worker) == [2])
        #expect(record.slashed == [losing.members[2]])

        // Worker 0's reward 17/8 is above the mean: it reveals, exactly as if it followed.
        var winning = try contract()
        let revealed = try winning.play(reports, conduct: [.withholdsWhenUnprofitable, .follows, .follows])
        var following = try contract()
        let followed = try following.play(reports)
        #expect(winning.withheld.isEmpty && revealed.slashed.isEmpty)
        #expect(revealed == followed)
        #expect((revealed.payout(of: winning.members[0]) ?? 0) > 1000)
    }

    @Test("every out-of-protocol move is refused without effect, and the round settles as if it were not sent",
          arguments: OutOfProtocolMove.allCases)
    func outOfProtocol(_ move: OutOfProtocolMove) throws {
        var attacked = try contract()
        let record = try attacked.play(reports, conduct: [.follows, .outOfProtocol(move), .follows])
        var following = try contract()
        #expect(record == (try following.play(reports)))
        #expect(attacked.refusals.count == 1 && attacked.refusals.first?.worker == 1, "\(attacked.refusals)")
        #expect(attacked.contract.checkInvariants().isEmpty)
    }

    @Test("sybil seats are grouped, in worker order, into parties sharing the first seat's model")
    func sybilOwners() {
        let pair = SybilStrategy(identities: 2)
        #expect(SimulationPlan.sybilOwners([HonestStrategy(), pair, HonestStrategy(), pair]) == [0, 1, 2, 1])
        #expect(SimulationPlan.sybilOwners([pair, pair, pair, pair]) == [0, 0, 2, 2])
        #expect(SimulationPlan.sybilOwners([pair, HonestStrategy(), pair, pair]) == nil)
    }
}
