/// Why the EVM side of a differential run could not run.
public enum EVMError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No directory upwards of the current directory or the executable holds
    /// `contracts/evm_host.py`.
    case noRepository(searched: [String])
    /// Something `scripts/setup` installs is missing: the virtual environment, vyper or
    /// titanoboa.
    case setupMissing(String)
    /// The host could not be started, died, or answered outside the protocol; with the
    /// child's standard error.
    case host(String, stderr: String)
    /// The host refused a request (a contract that does not compile, an unknown mechanism).
    case refused(String)
    /// The case's mechanism has no loaded contract.
    case noContract(mechanism: String)

    /// A sentence naming the cause, and for a missing piece what to run.
    public var description: String {
        switch self {
        case .noRepository(let searched):
            "cannot find contracts/evm_host.py in \(searched.joined(separator: " or ")) or any directory above; run serumcheck from within the repository (or run the binary built in it)"
        case .setupMissing(let what): "\(what) is missing: run scripts/setup"
        case .host(let what, let stderr):
            stderr.isEmpty ? "EVM host: \(what)" : "EVM host: \(what); its standard error:\n\(stderr)"
        case .refused(let what): "EVM host refused: \(what)"
        case .noContract(let mechanism): "no \(mechanism) contract is loaded for the EVM"
        }
    }
}
