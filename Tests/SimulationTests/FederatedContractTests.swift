import Adversary
import Ledger
import Mechanisms
import Specs
import Testing
@testable import Simulation

@Suite("Federated contract")
struct FederatedContractTests {
    let none = WorkerReport.noReport

    func spec() -> Spec {
        Spec(name: "tiny", federation: .init(workers: 3, classes: 2, accuracy: .all(.value(0.8))),
             mechanism: .init(kind: .ptsfd, deposit: 1000), contract: .init(rounds: 2, lambdaSchedule: [.value(1), .value(0.5)]))
    }

    /// The 3-worker, 4-sample votes of the Mechanisms tests: per sample (w0, w1, w2) =
    /// j0 (0,0,0), j1 (1,1,-), j2 (1,0,1), j3 (0,0,1).
    var reports: [WorkerReport] {
        [WorkerReport(y: [0, 1, 1, 0], classes: 2), WorkerReport(y: [0, 1, 0, 0], classes: 2),
         WorkerReport(y: [0, none, 1, 1], classes: 2)]
    }

    @Test("a round through register, commit, reveal and settle pays the hand-computed PTSFD rewards")
    func handComputedRound() throws {
        var contract = try FederatedContract(spec: spec(), beta: 1, lambdas: [1, 0.5], samples: 4, saltSeed: 7)
        let first = try contract.play(reports)
        // proper normalization, beta = 1, lambda = 1 (worked out in PTSFDSettleTests):
        // w0 17/8, w1 5/4, w2 -1/15; argmax aggregation 0, 1, 1, 0.
        let expected = [17.0 / 8, 5.0 / 4, -1.0 / 15]
        #expect(first.workers == contract.members)
        for i in 0..<3 { #expect(abs(first.rewards[i] - expected[i]) < 1e-12, "worker \(i)") }
        #expect(first.labels == [0, 1, 1, 0])
        #expect(first.slashed.isEmpty)
        // lambda 0.5 in the second round halves every reward.
        let second = try contract.play(reports)
        for i in 0..<3 { #expect(abs(second.rewards[i] - expected[i] / 2) < 1e-12, "worker \(i)") }
        #expect(contract.contract.isFinished)
        #expect(contract.paidIn == [2000, 2000, 2000])
        // Money is conserved: credits + slashed + residue = deposits.
        let credited = contract.credited
        #expect(credited.reduce(0, +) + contract.contract.funds.slashed + contract.contract.funds.residue == 6000)
        #expect(credited[0] > credited[1] && credited[1] > credited[2])
        #expect(contract.contract.checkInvariants().isEmpty)
    }

    @Test("a false labelCount is slashed under the verified knob, and salts differ by worker and round")
    func falseLabelCount() throws {
        var contract = try FederatedContract(spec: spec(), beta: 1, lambdas: [1, 0.5], samples: 4, saltSeed: 7)
        var lying = reports
        lying[2] = WorkerReport(y: [0, none, 1, 1], labelCount: [0, 0])
        let record = try contract.play(lying)
        #expect(record.slashed == [contract.members[2]])
        #expect(record.payout(of: contract.members[2]) == nil)
        #expect(contract.salt(worker: 0, round: 0) != contract.salt(worker: 1, round: 0))
        #expect(contract.salt(worker: 0, round: 0) != contract.salt(worker: 0, round: 1))
        let again = try FederatedContract(spec: spec(), beta: 1, lambdas: [1], samples: 4, saltSeed: 7)
        #expect(again.salt(worker: 1, round: 1) == contract.salt(worker: 1, round: 1))
    }
}
