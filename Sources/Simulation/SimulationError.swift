/// Why a simulation cannot run: each case names the input at fault.
public enum SimulationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The spec has no `[data]`, `[training]` or `[strategies]` table.
    case notASimulationSpec(file: String)
    /// A spec field has a value the simulation cannot use (a range where one value is needed,
    /// an unknown strategy name, ...).
    case badSpecValue(file: String, key: String, reason: String)
    /// A data file cannot be loaded.
    case data(String)
    /// The split of the data cannot be made (too few samples for the requested sizes, ...).
    case split(String)
    /// The contract refused a transaction the simulation sent (a defect of the simulation).
    case contract(String)

    /// One sentence naming the file or key and the problem.
    public var description: String {
        switch self {
        case .notASimulationSpec(let file):
            "\(file): has no [data], [training] or [strategies] table, so there is nothing to "
                + "simulate (see specs/paper-fashion.toml)"
        case .badSpecValue(let file, let key, let reason): "\(file): \(key): \(reason)"
        case .data(let reason): "data: \(reason)"
        case .split(let reason): "data split: \(reason)"
        case .contract(let reason): "contract refused a transaction: \(reason)"
        }
    }
}
