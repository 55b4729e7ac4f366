import Adversary
import Foundation
import Ledger
import Testing
@testable import Simulation

@Suite("Prediction bank")
struct PredictionBankTests {
    let entry = PredictionBank.Entry(
        epochs: 3, parameters: [1.5, -0.25, .leastNonzeroMagnitude],
        predictions: LocalPredictions(labels: [0, 9, 4], maxProbability: [0.5, 1, 0.125], accuracy: 0.75))

    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bank-\(UUID().uuidString)")
        return url
    }

    @Test("an entry reads back exactly, and a missing key is no entry")
    func roundTrip() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bank = PredictionBank(directory: directory)
        #expect(try bank.load(key: "k").get() == nil)
        try bank.store(entry, key: "k")
        #expect(try bank.load(key: "k").get() == entry)
        // Nothing but the entry is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["k.bank"])
    }

    @Test("the layout is the documented one: magic, three words, accuracy, values, checksum")
    func layout() {
        let bytes = PredictionBank.encode(entry)
        // 8 magic + 24 words + 8 accuracy + 3·4 parameters + 3 labels + 3·4 maxima + 32 checksum
        #expect(bytes.count == 8 + 24 + 8 + 12 + 3 + 12 + 32)
        #expect(Array(bytes[0..<8]) == Array("SCBANK01".utf8))
        #expect(Array(bytes[8..<16]) == [3, 0, 0, 0, 0, 0, 0, 0])
        #expect(Array(bytes[40..<44]) == [0, 0, 0xC0, 0x3F])  // 1.5f little-endian
        #expect(Array(bytes[52..<55]) == [0, 9, 4])
        #expect(Array(bytes[(bytes.count - 32)...]) == Keccak256.hash(Array(bytes[..<(bytes.count - 32)])).bytes)
    }

    @Test("truncated, altered or foreign files are refused with a reason, never trusted")
    func corrupt() throws {
        let bytes = PredictionBank.encode(entry)
        var altered = bytes
        altered[45] ^= 1
        var foreign = bytes
        foreign[0] = UInt8(ascii: "X")
        let cases: [([UInt8], String)] = [
            (Array(bytes.prefix(20)), "truncated"), (Array(bytes.dropLast()), "checksum"),
            (altered, "checksum"), (foreign, "bad magic"),
        ]
        for (data, reason) in cases {
            guard case .failure(let message) = PredictionBank.decode(data) else {
                Issue.record("accepted a corrupt entry (\(reason))")
                continue
            }
            #expect(message.reason.contains(reason), "\(message)")
        }
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bank = PredictionBank(directory: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(altered).write(to: bank.url(of: "bad"))
        guard case .failure(let error) = bank.load(key: "bad") else {
            Issue.record("loaded an altered file")
            return
        }
        #expect(error.file.hasSuffix("bad.bank") && error.description.contains("checksum"))
    }

    @Test("a key is Keccak-256 of tagged, length-prefixed parts, so part boundaries matter")
    func keys() {
        // Hand assembly: tag 3, length 2 as UInt64 big-endian, "ab"; tag 2, length 8, 7 as Int64 LE.
        let manual: [UInt8] = [3, 0, 0, 0, 0, 0, 0, 0, 2, 0x61, 0x62] + [2, 0, 0, 0, 0, 0, 0, 0, 8, 7, 0, 0, 0, 0, 0, 0, 0]
        #expect(BankKey.digest(of: [.text("ab"), .integers([7])]) == Keccak256.hash(manual).description)
        #expect(BankKey.digest(of: [.text("ab"), .text("c")]) != BankKey.digest(of: [.text("a"), .text("bc")]))
        #expect(BankKey.digest(of: [.floats([0])]) != BankKey.digest(of: [.floats([-0.0])]))
    }
}
