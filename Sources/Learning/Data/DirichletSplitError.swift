/// Why a Dirichlet split could not be made.
public enum DirichletSplitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A parameter is out of range; the message names it.
    case invalidParameter(String)
    /// The size limits cannot hold the non-public samples (`workers × max < samples` or
    /// `workers × min > samples`).
    case infeasible(samples: Int, workers: Int, minPerWorker: Int, maxPerWorker: Int?)
    /// Some worker stayed below the minimum in every attempt.
    case minimumNotMet(minPerWorker: Int, attempts: Int)

    /// A sentence describing the problem.
    public var description: String {
        switch self {
        case let .invalidParameter(message):
            return "Dirichlet split: \(message)"
        case let .infeasible(samples, workers, minimum, maximum):
            let limit = maximum.map { "\(minimum)...\($0)" } ?? "at least \(minimum)"
            return "Dirichlet split: \(samples) samples cannot go to \(workers) workers holding \(limit) each"
        case let .minimumNotMet(minimum, attempts):
            return "Dirichlet split: some worker had fewer than \(minimum) samples in each of \(attempts) attempts"
        }
    }
}
