import Foundation
import Fuzz
import Ledger

/// A recorded transaction sequence `replay --evm` runs on both sides: a differential
/// counterexample (with the contract it diverged on), or a property counterexample of the
/// contract layer (its embedded `ContractCase`, run on our contract).
public struct RecordedSequence: Sendable {
    /// The case.
    public var contractCase: ContractCase
    /// The contract recorded with it, or `nil` for ours.
    public var contract: String?

    /// The sequence in a file's JSON.
    /// - Throws: `RecordedSequence.Failure` naming what the file lacks, or the decoding error.
    public init(json data: Data) throws {
        struct Probe: Decodable { var kind: String? }
        if (try? JSONDecoder().decode(Probe.self, from: data))?.kind == DifferentialCounterexample.kind {
            let found = try JSONDecoder().decode(DifferentialCounterexample.self, from: data)
            contractCase = found.contractCase
            contract = found.contract
            return
        }
        let counterexample = try JSONDecoder().decode(Counterexample.self, from: data)
        guard let recorded = counterexample.contract?.contractCase else {
            throw Failure(property: counterexample.property)
        }
        contractCase = recorded
        contract = nil
    }

    /// A counterexample file without a transaction sequence.
    public struct Failure: Error, CustomStringConvertible {
        /// Its property.
        public var property: String
        public var description: String {
            "the counterexample of \(property) holds no transaction sequence (only contract-layer counterexamples do)"
        }
    }
}
