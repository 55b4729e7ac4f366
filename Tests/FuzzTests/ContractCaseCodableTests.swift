import Foundation
import Fuzz
import Ledger
import Mechanisms
import Testing

/// `ContractCase` round-trips through JSON exactly, for every drawn configuration and step.
@Suite struct ContractCaseCodableTests {
    func roundTrip<T: Codable & Equatable>(_ value: T) throws -> T {
        let data = try JSONEncoder().encode(value)
        return try JSONDecoder().decode(T.self, from: data)
    }

    @Test func generatedCasesRoundTrip() throws {
        let campaign = ContractCampaign(seed: 3, budget: 60, steps: 80)
        for index in 0 ..< 60 {
            let (contractCase, _, _, _) = campaign.runCase(index, on: Contract.self)
            #expect(try roundTrip(contractCase) == contractCase, "case \(index)")
        }
    }

    @Test func everyFieldOfBothMechanismsRoundTrips() throws {
        var ptsfd = PTSFDTerms(
            beta: 0.1, lambdaSchedule: [1.0 / 3, -2.5e-300], classes: 254, samples: 3,
            knobs: Knobs(peersPerSample: .k(3)), unitsPerReward: 7, allocationSeed: .max)
        ptsfd.knobs.payout = .paper
        let consensus = ConsensusTerms(
            reward: 599,
            junk: CommonKnowledgeSet(rules: [.allOne, .minimumEntropy(bitsPerByte: 0.7), .equalToInput]),
            input: [0, 255, 9], commitment: .paper)
        for mechanism in [ContractConfig.Mechanism.ptsfd(ptsfd), .consensus(consensus)] {
            let config = ContractConfig(
                contract: Address(index: 5), mechanism: mechanism, taskDigest: Keccak256.hash([1]),
                publicDataDigest: Keccak256.hash([2]), deposit: 12, commitWindow: 3,
                revealWindow: 4, members: [Address(index: 1), Address(index: 2)])
            let steps = [
                ContractStep(height: 0, transaction: .register(sender: Address(index: 1), value: -3)),
                ContractStep(height: .max, transaction: .commit(sender: .zero, commitment: Keccak256.hash([3]))),
                ContractStep(height: 2, transaction: .reveal(sender: Address(index: 2), payload: .labels(y: [0, 0xFF], labelCount: [-1, 2], salt: Keccak256.hash([4])))),
                ContractStep(height: 3, transaction: .reveal(sender: Address(index: 2), payload: .result([], salt: .zero))),
                ContractStep(height: 4, transaction: .settle(sender: Address(index: 9), round: -1)),
                ContractStep(height: 5, transaction: .withdraw(sender: Address(index: 1))),
            ]
            let c = ContractCase(config: config, deployer: Address(index: 3), deployHeight: 0, steps: steps)
            #expect(try roundTrip(c) == c)
        }
    }

    @Test func theJSONFormIsHex() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let tx = Transaction.reveal(
            sender: Address(bytes: [UInt8](repeating: 0xAB, count: 20))!,
            payload: .result([1, 0xFE], salt: .zero))
        let json = String(decoding: try encoder.encode(tx), as: UTF8.self)
        let zeros = String(repeating: "0", count: 64)
        let sender = String(repeating: "ab", count: 20)
        #expect(
            json == #"{"kind":"reveal","payload":{"kind":"result","result":"0x01fe","salt":"0x\#(zeros)"},"sender":"0x\#(sender)"}"#)
        #expect(String(decoding: try encoder.encode([PeersPerSample.k(3), .all]), as: UTF8.self) == #"[3,"all"]"#)
    }
}
