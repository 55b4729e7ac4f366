import Testing
import Mechanisms
@testable import Learning

/// Analytic gradients against central finite differences on seeded inputs.
@Suite("Model gradients", .serialized)
struct ModelGradientTests {
    init() { BLAS.setThreads(1) }

    @Test("Dense", arguments: [UInt64(1), 2])
    func dense(seed: UInt64) {
        let layer = Dense(inputs: 5, outputs: 4, seed: seed)
        layer.parameters[1] = ModelSupport.random(1, 4, seed: seed &+ 7)  // non-zero biases
        let failures = ModelSupport.checkLayer(layer, input: ModelSupport.random(3, 5, seed: seed &+ 9), seed: seed)
        #expect(failures.isEmpty, "seed \(seed): \(failures.prefix(5))")
    }

    @Test("ReLU", arguments: [UInt64(1), 2])
    func relu(seed: UInt64) {
        let failures = ModelSupport.checkLayer(ReLU(), input: ModelSupport.awayFromZero(4, 6, seed: seed), seed: seed)
        #expect(failures.isEmpty, "seed \(seed): \(failures.prefix(5))")
    }

    @Test("Conv2D", arguments: [(UInt64(1), 0, 1), (2, 1, 1), (3, 1, 2)])
    func conv(seed: UInt64, padding: Int, stride: Int) {
        let layer = Conv2D(input: ImageShape(channels: 2, height: 5, width: 6), filters: 3, kernel: 3,
                           padding: padding, stride: stride, seed: seed)
        layer.parameters[1] = ModelSupport.random(1, 3, seed: seed &+ 7)
        let failures = ModelSupport.checkLayer(layer, input: ModelSupport.random(2, 60, seed: seed &+ 9), seed: seed)
        #expect(failures.isEmpty, "seed \(seed) padding \(padding) stride \(stride): \(failures.prefix(5))")
    }

    @Test("MaxPool2D", arguments: [UInt64(1), 2])
    func maxPool(seed: UInt64) {
        // Distinct values 0.1 apart: no window has a tie within the finite-difference step.
        let shape = ImageShape(channels: 2, height: 5, width: 4)
        var generator = SplitMix64(seed: seed)
        var values = (0..<(2 * shape.count)).map { Float($0) * 0.1 }
        generator.shuffle(&values)
        let input = Matrix(rows: 2, columns: shape.count, storage: values)
        let failures = ModelSupport.checkLayer(MaxPool2D(input: shape), input: input, seed: seed)
        #expect(failures.isEmpty, "seed \(seed): \(failures.prefix(5))")
    }

    @Test("softmax cross-entropy", arguments: [UInt64(1), 2])
    func crossEntropy(seed: UInt64) {
        let logits = ModelSupport.random(4, 5, in: -3...3, seed: seed)
        let labels = [0, 3, 4, 1]
        let failures = ModelSupport.checkLoss(logits: logits) { SoftmaxCrossEntropy.evaluate(logits: $0, labels: labels) }
        #expect(failures.isEmpty, "seed \(seed): \(failures.prefix(5))")
    }

    @Test("KL divergence to soft and one-hot targets", arguments: [UInt64(1), 2])
    func kl(seed: UInt64) {
        let logits = ModelSupport.random(4, 5, in: -3...3, seed: seed)
        let soft = Softmax.probabilities(ModelSupport.random(4, 5, seed: seed &+ 3))
        let oneHot = KLDivergence.oneHot([2, 0, 4, 4], classes: 5)
        for targets in [soft, oneHot] {
            let failures = ModelSupport.checkLoss(logits: logits) { KLDivergence.evaluate(logits: $0, targets: targets) }
            #expect(failures.isEmpty, "seed \(seed): \(failures.prefix(5))")
        }
    }

    @Test("KL to one-hot targets equals cross-entropy; KL to itself is zero")
    func klIdentities() {
        let logits = ModelSupport.random(6, 4, in: -5...5, seed: 11)
        let labels = [0, 1, 2, 3, 3, 1]
        let kl = KLDivergence.evaluate(logits: logits, targets: KLDivergence.oneHot(labels, classes: 4))
        let ce = SoftmaxCrossEntropy.evaluate(logits: logits, labels: labels)
        #expect(abs(kl.loss - ce.loss) < 1e-5)
        #expect(zip(kl.gradient.storage, ce.gradient.storage).allSatisfy { abs($0 - $1) < 1e-6 })
        let own = KLDivergence.evaluate(logits: logits, targets: Softmax.probabilities(logits))
        #expect(abs(own.loss) < 1e-5)
    }

    @Test("softmax is stable for huge logits")
    func stability() {
        let logits = Matrix(rows: 1, columns: 3, storage: [1e30, -1e30, 0])
        #expect(Softmax.probabilities(logits).storage == [1, 0, 0])
        let ce = SoftmaxCrossEntropy.evaluate(logits: logits, labels: [0])
        #expect(ce.loss == 0 && ce.gradient.storage.allSatisfy(\.isFinite))
        let kl = KLDivergence.evaluate(logits: logits, targets: KLDivergence.oneHot([1], classes: 3))
        #expect(kl.loss.isFinite && kl.loss > 1e29)
    }

    @Test("a whole small convolutional network under cross-entropy", arguments: [UInt64(1), 2])
    func network(seed: UInt64) {
        let conv = Conv2D(input: ImageShape(channels: 1, height: 6, width: 6), filters: 2, kernel: 3, padding: 1,
                          seed: seed)
        let pool = MaxPool2D(input: conv.output)
        let net = Sequential([conv, ReLU(), pool, Flatten(),
                              Dense(inputs: pool.output.count, outputs: 5, seed: seed &+ 1), ReLU(),
                              Dense(inputs: 5, outputs: 3, initialisation: .glorot, seed: seed &+ 2)])
        let input = ModelSupport.random(3, 36, seed: seed &+ 3)
        let labels = [2, 0, 1]
        net.zeroGradients()
        let result = SoftmaxCrossEntropy.evaluate(logits: net.forward(input, training: true), labels: labels)
        net.backward(result.gradient)
        var failures: [String] = []
        for (layerIndex, layer) in net.layers.enumerated() {
            for p in layer.parameters.indices {
                let values = layer.parameters[p].storage
                let (rows, columns) = (layer.parameters[p].rows, layer.parameters[p].columns)
                for index in values.indices {
                    let numeric = ModelSupport.centralDifference(at: values[index], epsilon: 1e-3) { value in
                        layer.parameters[p] = Matrix(rows: rows, columns: columns,
                                                     storage: ModelSupport.replacing(values, index, with: value))
                        return Double(SoftmaxCrossEntropy.evaluate(logits: net.forward(input, training: false),
                                                                   labels: labels).loss)
                    }
                    layer.parameters[p] = Matrix(rows: rows, columns: columns, storage: values)
                    let analytic = layer.gradients[p].storage[index]
                    if !ModelSupport.close(analytic, numeric) {
                        failures.append("layer \(layerIndex) parameter \(p)[\(index)]: \(analytic) vs \(numeric)")
                    }
                }
            }
        }
        #expect(failures.isEmpty, "seed \(seed): \(failures.prefix(5))")
    }
}
