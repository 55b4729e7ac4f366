// Seeded weight initialisation schemes.
import Mechanisms

/// How a layer's weights are drawn; biases always start at zero.
///
/// Every draw comes from ``SplitMix64`` with an explicit seed, so a seed reproduces the same
/// weights on every toolchain and machine.
public enum Initialisation: Sendable, Hashable {
    /// He et al. (2015): normal with variance `2 / fanIn`, for layers followed by ReLU.
    case he
    /// Glorot and Bengio (2010): uniform on ±√(6 / (fanIn + fanOut)), for the output layer.
    case glorot
    /// All zeros (only for tests and convex models).
    case zero

    /// `count` weights for a layer with the given fan-in and fan-out.
    ///
    /// - Parameters:
    ///   - count: The number of weights.
    ///   - fanIn: The number of inputs feeding each output unit.
    ///   - fanOut: The number of output units each input feeds.
    ///   - seed: The seed of the draws.
    /// - Complexity: O(count).
    public func weights(count: Int, fanIn: Int, fanOut: Int, seed: UInt64) -> [Float] {
        var generator = SplitMix64(seed: seed)
        switch self {
        case .he:
            let scale = (2 / Double(fanIn)).squareRoot()
            return (0..<count).map { _ in Float(scale * generator.standardNormal()) }
        case .glorot:
            let limit = (6 / Double(fanIn + fanOut)).squareRoot()
            return (0..<count).map { _ in Float(limit * (2 * generator.uniformOpen() - 1)) }
        case .zero:
            return [Float](repeating: 0, count: count)
        }
    }
}
