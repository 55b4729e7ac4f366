import Ledger

/// The workers' own hashCommit computations, remembered across rounds played on identical
/// contracts (the worlds of one fuzz replication): a worker that prepares the same payload for
/// the same contract, round and sender gets the hash it computed before.
///
/// Only the workers' side is remembered: the contract still hashes every reveal itself and
/// compares it with the commitment on chain. A memo is used by one thread at a time.
public final class CommitmentMemo: @unchecked Sendable {
    private var entries: [Int: (payload: RevealPayload, config: ContractConfig, round: Int, hash: Hash32)] = [:]

    public init() {}

    /// `contract.commitment(of: payload, by: member)`, from the memo when worker `worker`
    /// asked for the same payload on an equal configuration and round before.
    public func commitment(of payload: RevealPayload, worker: Int, member: Address, on contract: Contract) -> Hash32 {
        if let e = entries[worker], e.round == contract.round, e.payload == payload, e.config == contract.config {
            return e.hash
        }
        let hash = contract.commitment(of: payload, by: member)
        entries[worker] = (payload, contract.config, contract.round, hash)
        return hash
    }
}
