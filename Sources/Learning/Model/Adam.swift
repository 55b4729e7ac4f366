// The Adam optimiser.

/// Adam (Kingma and Ba 2015) with bias correction, the optimiser of Witt et al. §5
/// (learning rate 0.001 for both local training and distillation).
///
/// At step t, for every parameter θ with gradient g:
/// ```
/// m ← β₁ m + (1 − β₁) g,   v ← β₂ v + (1 − β₂) g²
/// θ ← θ − lr · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
/// ```
/// Goals, in priority order: correctness (the formula above, bias corrections in `Double`),
/// determinism (elementwise, fixed order), speed (one vectorised pass per parameter, in place).
///
/// The moments are bound to the first network it updates; not `Sendable`.
public final class Adam {
    /// The step size lr.
    public let learningRate: Float
    /// The decay β₁ of the first moment.
    public let beta1: Float
    /// The decay β₂ of the second moment.
    public let beta2: Float
    /// The denominator guard ε.
    public let epsilon: Float
    /// The number of updates so far (t after the last one).
    public private(set) var step = 0
    /// First and second moments, per layer and parameter, created on the first update.
    private var moments: [[(first: [Float], second: [Float])]] = []

    /// An optimiser with the given hyperparameters (defaults as in the paper and Kingma and Ba).
    public init(learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8) {
        precondition(learningRate > 0 && (0..<1).contains(beta1) && (0..<1).contains(beta2) && epsilon > 0,
                     "Adam: bad hyperparameters")
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    /// Applies one update to every parameter of `network` from its accumulated gradients
    /// (which it leaves as they are).
    ///
    /// - Complexity: O(parameters).
    public func update(_ network: Sequential) {
        if moments.isEmpty {
            moments = network.layers.map { layer in
                layer.parameters.map { ([Float](repeating: 0, count: $0.storage.count),
                                        [Float](repeating: 0, count: $0.storage.count)) }
            }
        }
        precondition(moments.count == network.layers.count, "Adam is bound to another network")
        step += 1
        let correction1 = Float(1 / (1 - Double.pow(Double(beta1), step)))
        let correction2 = Float(1 / (1 - Double.pow(Double(beta2), step)))
        let (beta1, beta2, rate, epsilon) = (self.beta1, self.beta2, learningRate, self.epsilon)
        for (layerIndex, layer) in network.layers.enumerated() {
            let gradients = layer.gradients
            for index in gradients.indices {
                precondition(moments[layerIndex][index].first.count == gradients[index].storage.count,
                             "Adam is bound to another network")
                // Moved out so that the nested mutable accesses below do not overlap.
                var (first, second) = moments[layerIndex][index]
                moments[layerIndex][index] = ([], [])
                gradients[index].withBase { g in
                    first.withUnsafeMutableBufferPointer { m in
                        second.withUnsafeMutableBufferPointer { v in
                            layer.parameters[index].withMutableBase { theta in
                                let count = m.count
                                let step = Self.step(beta1: beta1, beta2: beta2, rate: rate, epsilon: epsilon,
                                                     correction1: correction1, correction2: correction2)
                                step(g, m.baseAddress!, v.baseAddress!, theta, count)
                            }
                        }
                    }
                }
                moments[layerIndex][index] = (first, second)
            }
        }
    }
}

extension Adam {
    /// The update of `count` consecutive parameters, 8 at a time (the same operations, in
    /// the same order, as the scalar formula, so every element gets exactly its bits).
    fileprivate static func step(beta1: Float, beta2: Float, rate: Float, epsilon: Float,
                                 correction1: Float, correction2: Float)
        -> (UnsafePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>,
            UnsafeMutablePointer<Float>, Int) -> Void {
        { g, m, v, theta, count in
            typealias Vector = SIMD8<Float>
            let (b1, b2, c1, c2) = (Vector(repeating: beta1), Vector(repeating: beta2),
                                    Vector(repeating: correction1), Vector(repeating: correction2))
            let (d1, d2) = (Vector(repeating: 1 - beta1), Vector(repeating: 1 - beta2))
            let (lr, eps) = (Vector(repeating: rate), Vector(repeating: epsilon))
            var k = 0
            while k + 8 <= count {
                let gradient = Elementwise.load(g + k)
                let first = b1 * Elementwise.load(m + k) + d1 * gradient
                let second = b2 * Elementwise.load(v + k) + d2 * gradient * gradient
                Elementwise.store(first, m + k)
                Elementwise.store(second, v + k)
                let change = lr * (first * c1) / ((second * c2).squareRoot() + eps)
                Elementwise.store(Elementwise.load(theta + k) - change, theta + k)
                k += 8
            }
            while k < count {
                m[k] = beta1 * m[k] + (1 - beta1) * g[k]
                v[k] = beta2 * v[k] + (1 - beta2) * g[k] * g[k]
                theta[k] -= rate * (m[k] * correction1) / ((v[k] * correction2).squareRoot() + epsilon)
                k += 1
            }
        }
    }
}

extension Double {
    /// `base^exponent` for a non-negative integer exponent, by repeated squaring (exact order,
    /// so identical on every platform).
    fileprivate static func pow(_ base: Double, _ exponent: Int) -> Double {
        var (result, power, remaining) = (1.0, base, exponent)
        while remaining > 0 {
            if remaining & 1 == 1 { result *= power }
            power *= power
            remaining >>= 1
        }
        return result
    }
}
