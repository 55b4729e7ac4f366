import Mechanisms
@testable import Learning

/// Seeded inputs and central finite differences for the model tests.
enum ModelSupport {
    /// A matrix of uniform draws in `range`.
    static func random(_ rows: Int, _ columns: Int, in range: ClosedRange<Float> = -1...1,
                       seed: UInt64) -> Matrix {
        var generator = SplitMix64(seed: seed)
        return Matrix(rows: rows, columns: columns) { _, _ in Float.random(in: range, using: &generator) }
    }

    /// A matrix of uniform draws whose magnitudes are at least `gap` (away from ReLU's kink).
    static func awayFromZero(_ rows: Int, _ columns: Int, gap: Float = 0.1, seed: UInt64) -> Matrix {
        var matrix = random(rows, columns, seed: seed)
        for index in matrix.storage.indices {
            let value = matrix.storage[index]
            matrix.storage[index] = value < 0 ? value - gap : value + gap
        }
        return matrix
    }

    /// `Σ weights ⊙ values` in Double.
    static func dot(_ weights: Matrix, _ values: Matrix) -> Double {
        zip(weights.storage, values.storage).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }

    /// The central difference `(f(v + ε) − f(v − ε)) / Δ` at `value`, where Δ is the step the
    /// Float perturbation actually took.
    static func centralDifference(at value: Float, epsilon: Float, _ f: (Float) -> Double) -> Double {
        let upper = value + epsilon, lower = value - epsilon
        return (f(upper) - f(lower)) / (Double(upper) - Double(lower))
    }

    /// `values` with element `index` replaced by `value`.
    static func replacing(_ values: [Float], _ index: Int, with value: Float) -> [Float] {
        var copy = values
        copy[index] = value
        return copy
    }

    /// Whether `analytic` matches `numeric` within `relative` of the larger magnitude plus `absolute`.
    static func close(_ analytic: Float, _ numeric: Double, relative: Double = 2e-2, absolute: Double = 1e-3) -> Bool {
        abs(Double(analytic) - numeric) <= relative * max(abs(Double(analytic)), abs(numeric)) + absolute
    }

    /// Mismatches between a layer's analytic gradients (input and every parameter) and central
    /// differences of `L = Σ r ⊙ layer(x)` for a seeded random `r`; empty when all agree.
    static func checkLayer(_ layer: any Layer, input: Matrix, seed: UInt64, epsilon: Float = 1e-2) -> [String] {
        let output = layer.forward(input, training: true)
        let weights = random(output.rows, output.columns, seed: seed &+ 1)
        layer.zeroGradients()
        let gradInput = layer.backward(weights)
        let gradients = layer.gradients
        var failures: [String] = []
        let x = input.storage
        for index in x.indices {
            let numeric = centralDifference(at: x[index], epsilon: epsilon) { value in
                dot(weights, layer.forward(Matrix(rows: input.rows, columns: input.columns,
                                                  storage: replacing(x, index, with: value)), training: false))
            }
            if !close(gradInput.storage[index], numeric) {
                failures.append("input[\(index)]: analytic \(gradInput.storage[index]) numeric \(numeric)")
            }
        }
        for p in gradients.indices {
            let values = layer.parameters[p].storage
            let (rows, columns) = (layer.parameters[p].rows, layer.parameters[p].columns)
            for index in values.indices {
                let numeric = centralDifference(at: values[index], epsilon: epsilon) { value in
                    layer.parameters[p] = Matrix(rows: rows, columns: columns,
                                                 storage: replacing(values, index, with: value))
                    return dot(weights, layer.forward(input, training: false))
                }
                layer.parameters[p] = Matrix(rows: rows, columns: columns, storage: values)
                if !close(gradients[p].storage[index], numeric) {
                    failures.append("parameter \(p)[\(index)]: analytic \(gradients[p].storage[index]) numeric \(numeric)")
                }
            }
        }
        return failures
    }

    /// Mismatches between a loss's analytic logit gradient and central differences.
    static func checkLoss(logits: Matrix, epsilon: Float = 1e-2,
                          _ loss: (Matrix) -> LossAndGradient) -> [String] {
        let gradient = loss(logits).gradient
        let z = logits.storage
        var failures: [String] = []
        for index in z.indices {
            let numeric = centralDifference(at: z[index], epsilon: epsilon) { value in
                Double(loss(Matrix(rows: logits.rows, columns: logits.columns,
                                   storage: replacing(z, index, with: value))).loss)
            }
            if !close(gradient.storage[index], numeric) {
                failures.append("logit[\(index)]: analytic \(gradient.storage[index]) numeric \(numeric)")
            }
        }
        return failures
    }

    /// `count` points in `classes` well separated Gaussian blobs in `features` dimensions.
    static func blobs(count: Int, features: Int, classes: Int, seed: UInt64) -> (pixels: [Float], labels: [Int]) {
        var generator = SplitMix64(seed: seed)
        let centres = (0..<classes).map { _ in (0..<features).map { _ in Float(3 * generator.standardNormal()) } }
        var pixels: [Float] = [], labels: [Int] = []
        for _ in 0..<count {
            let label = generator.uniformInt(below: classes)
            labels.append(label)
            pixels += centres[label].map { $0 + Float(generator.standardNormal()) }
        }
        return (pixels, labels)
    }
}
