import Foundation
import Ledger
import Mechanisms
import Testing

/// `serumcheck settle` and the contract mask the same samples under `peers_per_sample = k`:
/// both use the round-0 allocation seed `Contract.allocationSeed(seed, round: 0)`.
@Suite struct SettleAllocationTests {
    static let spec = """
        name = "k2"
        description = "4 workers, 2 classes, each sample labelled by 2 of them"
        [federation]
        workers = 4
        classes = 2
        accuracy = 0.9
        [mechanism]
        kind = "ptsfd"
        beta = 1.0
        lambda = 1.0
        deposit = 10000
        peers_per_sample = 2
        seed = 5
        [knobs]
        normalization = "proper"
        aggregation = "argmax"
        label_count = "verified"
        commitment = "bound"
        payout = "balanced"
        [contract]
        units_per_reward = 1001
        """
    static let rows: [[UInt8]] = [
        [0, 1, 1, 0, 1, 0, 0, 1], [0, 1, 0, 0, 1, 1, 0, 1], [1, 1, 1, 0, 0, 0, 0, 1],
        [0, 0, 1, 1, 1, 0, 1, 1],
    ]

    struct Output: Decodable {
        struct Worker: Decodable { var reward: Double; var payout: Int }
        var labels: [Int]
        var workers: [Worker]
    }

    @Test func settleMasksAsTheContractDoes() throws {
        let votes = Self.rows.map { $0.map(String.init).joined(separator: ",") }.joined(separator: "\n")
        let dir = try scratchDirectory(files: ["k2.toml": Self.spec, "votes.csv": votes + "\n"])
        let result = try Serumcheck.run(
            ["settle", "--spec", "k2.toml", "--votes", "votes.csv", "--json", "out.json"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let output = try JSONDecoder().decode(
            Output.self, from: Data(contentsOf: dir.appendingPathComponent("out.json")))

        let members = (0 ..< 4).map { Address(index: UInt64($0)) }
        let terms = PTSFDTerms(
            beta: 1, lambdaSchedule: [1], classes: 2, samples: 8,
            knobs: Knobs(peersPerSample: .k(2)), unitsPerReward: 1001, allocationSeed: 5)
        var c = try Contract(
            config: ContractConfig(
                contract: Address(index: 9), mechanism: .ptsfd(terms), deposit: 10000,
                commitWindow: 1, revealWindow: 1, members: members),
            deployer: Address(index: 8), height: 0)
        let payloads = Self.rows.enumerated().map { i, y in
            RevealPayload.labels(
                y: y, labelCount: [y.count(where: { $0 == 0 }), y.count(where: { $0 == 1 })],
                salt: Keccak256.hash([UInt8(i)]))
        }
        for (i, member) in members.enumerated() {
            try c.register(member, value: 10000, at: 0)
            try c.commit(member, c.commitment(of: payloads[i], by: member), at: 0)
        }
        for (i, member) in members.enumerated() { try c.reveal(member, payloads[i], at: 1) }
        try c.settle(members[0], round: 0, at: 2)
        let record = c.records[0]

        #expect(record.allocationSeed == Contract.allocationSeed(5, round: 0))
        #expect(output.labels == record.labels)
        #expect(output.workers.map(\.payout) == record.payouts)
        #expect(output.workers.map(\.reward.bitPattern) == record.rewards.map(\.bitPattern))
        // The masks differ between the raw seed and the round seed, so the test can fail.
        let raw = PeerAllocation(workers: 4, samples: 8, peersPerSample: 2, seed: 5)
        let round = PeerAllocation(
            workers: 4, samples: 8, peersPerSample: 2, seed: Contract.allocationSeed(5, round: 0))
        #expect((0 ..< 8).map(raw.workers(for:)) != (0 ..< 8).map(round.workers(for:)))
    }
}
