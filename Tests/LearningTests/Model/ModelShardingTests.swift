import Testing
import Mechanisms
@testable import Learning

/// The data-parallel paths: a batch split into shards, convolutions in chunks, 2×2 pooling
/// four windows at a time, and the rectifier moved after pooling.
@Suite("Model sharding", .serialized)
struct ModelShardingTests {
    init() { BLAS.setThreads(1) }

    /// A LeNet-like network small enough for quick checks: padded convolution, pooling,
    /// a second convolution, dense layers.
    static func network(seed: UInt64) -> Sequential {
        let conv1 = Conv2D(input: ImageShape(channels: 1, height: 12, width: 12), filters: 3, kernel: 3, padding: 1,
                           seed: seed)
        let pool1 = MaxPool2D(input: conv1.output)
        let conv2 = Conv2D(input: pool1.output, filters: 4, kernel: 3, seed: seed &+ 1)
        let pool2 = MaxPool2D(input: conv2.output)
        return Sequential([conv1, ReLU(), pool1, conv2, ReLU(), pool2, Flatten(),
                           Dense(inputs: pool2.output.count, outputs: 6, seed: seed &+ 2), ReLU(),
                           Dense(inputs: 6, outputs: 3, initialisation: .glorot, seed: seed &+ 3)])
    }

    /// Logits, ∂L/∂input and parameter gradients of one pass of `network` with `workers` shards.
    static func pass(_ network: Sequential, _ input: Matrix, workers: Int) -> (Matrix, Matrix, [Float]) {
        Parallel.$workersOverride.withValue(workers) {
            network.zeroGradients()
            let logits = network.forward(input, training: true)
            let gradient = network.backward(ModelSupport.random(logits.rows, logits.columns, seed: 99))
            return (logits, gradient, network.flatGradients)
        }
    }

    static func close(_ x: [Float], _ y: [Float], tolerance: Float = 1e-4) -> Bool {
        x.count == y.count && zip(x, y).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($0), abs($1)) }
    }

    @Test("1, 2 and 3 shards give the same logits and gradients, up to rounding", arguments: [UInt64(1), 2])
    func shards(seed: UInt64) {
        let network = Self.network(seed: seed)
        let input = ModelSupport.random(7, 144, in: 0...1, seed: seed &+ 10)
        let (logits, inputGradient, gradients) = Self.pass(network, input, workers: 1)
        for workers in [2, 3] {
            let (shardedLogits, shardedInput, shardedGradients) = Self.pass(network, input, workers: workers)
            #expect(Self.close(logits.storage, shardedLogits.storage), "seed \(seed), \(workers) shards: logits")
            #expect(Self.close(inputGradient.storage, shardedInput.storage), "seed \(seed), \(workers) shards: ∂L/∂input")
            #expect(Self.close(gradients, shardedGradients), "seed \(seed), \(workers) shards: gradients")
        }
    }

    @Test("training and distillation steps with 2 shards match one shard, up to rounding")
    func steps() {
        let input = ModelSupport.random(9, 144, in: 0...1, seed: 12)
        let labels = [0, 1, 2, 2, 1, 0, 1, 2, 0]
        let targets = Softmax.probabilities(ModelSupport.random(9, 3, seed: 13))
        func run(_ workers: Int) -> (Float, Float, [Float]) {
            Parallel.$workersOverride.withValue(workers) {
                let trainer = Trainer(network: Self.network(seed: 14))
                let loss = trainer.step(inputs: input, labels: labels)
                let divergence = trainer.distillationStep(inputs: input, targets: targets)
                return (loss, divergence, trainer.network.flatParameters)
            }
        }
        let (loss, divergence, weights) = run(1)
        let (shardedLoss, shardedDivergence, shardedWeights) = run(2)
        #expect(abs(loss - shardedLoss) <= 1e-5 && abs(divergence - shardedDivergence) <= 1e-4)
        // Adam moves each weight by about lr per step whatever the gradient's size, so a
        // gradient that rounds to the other sign may move it the other way: within 2 steps · 2 lr.
        #expect(zip(weights, shardedWeights).allSatisfy { abs($0 - $1) <= 4.5e-3 })
    }

    @Test("the network's shard path equals the layers applied one by one, bit for bit")
    func layerByLayer() {
        let network = Self.network(seed: 3)
        let input = ModelSupport.random(5, 144, in: 0...1, seed: 4)
        let (logits, inputGradient, gradients) = Self.pass(network, input, workers: 1)
        // The public layer methods in the order given (ReLU before pooling).
        network.zeroGradients()
        let direct = network.layers.reduce(input) { $1.forward($0, training: true) }
        let directInput = network.layers.reversed().reduce(ModelSupport.random(direct.rows, direct.columns, seed: 99)) {
            $1.backward($0)
        }
        #expect(direct.storage == logits.storage)
        #expect(directInput.storage == inputGradient.storage)
        #expect(network.flatGradients == gradients)
    }

    @Test("LeNet-5 training with two shards is bit-for-bit reproducible")
    func reproducible() {
        let pixels = ModelSupport.random(40, 784, in: 0...1, seed: 5).storage
        let labels = (0..<40).map { $0 % 10 }
        func run() -> [Float] {
            Parallel.$workersOverride.withValue(2) {
                let network = Architectures.leNet5(classes: 10, seed: 6)
                Trainer(network: network).train(pixels: pixels, labels: labels, epochs: 2, batchSize: 16, seed: 7)
                return network.flatParameters
            }
        }
        #expect(run() == run())
    }

    @Test("a convolution over several chunks equals it image by image")
    func chunks() {
        // LeNet-5's first layer unfolds two images per chunk: five images make three chunks.
        let layer = Conv2D(input: ImageShape(channels: 1, height: 28, width: 28), filters: 6, kernel: 5, padding: 2,
                           seed: 8)
        layer.parameters[1] = ModelSupport.random(1, 6, seed: 9)
        #expect(layer.chunkImages < 5)
        let batch = ModelSupport.random(5, 784, seed: 10), gradient = ModelSupport.random(5, 4704, seed: 11)
        layer.zeroGradients()
        let output = layer.forward(batch, training: true)
        let inputGradient = layer.backward(gradient)
        let gradients = layer.gradients
        var summed = [Float](repeating: 0, count: gradients[0].storage.count + 6)
        for image in 0..<5 {
            let row = { (m: Matrix) in Matrix(rows: 1, columns: m.columns,
                                              storage: Array(m.storage[image * m.columns ..< (image + 1) * m.columns])) }
            layer.zeroGradients()
            #expect(layer.forward(row(batch), training: true).storage == row(output).storage)
            #expect(Self.close(layer.backward(row(gradient)).storage, row(inputGradient).storage))
            summed = zip(summed, layer.gradients.flatMap(\.storage)).map { $0 + $1 }
        }
        #expect(Self.close(summed, gradients.flatMap(\.storage), tolerance: 1e-3))
    }

    @Test("2×2 pooling, four windows at a time, follows the general rule", arguments: [UInt64(1), 2, 3])
    func pooling(seed: UInt64) {
        // Width 19: four-window blocks, a scalar tail and a dropped column; coarse values make ties.
        let shape = ImageShape(channels: 2, height: 9, width: 19)
        var generator = SplitMix64(seed: seed)
        let input = Matrix(rows: 3, columns: shape.count) { _, _ in Float(generator.uniformInt(below: 5)) - 2 }
        let layer = MaxPool2D(input: shape)
        let output = layer.forward(input, training: true)
        let gradient = ModelSupport.random(3, layer.output.count, seed: seed &+ 1)
        let inputGradient = layer.backward(gradient)
        var expected = Matrix(rows: 3, columns: shape.count)
        for n in 0..<3 {
            for c in 0..<2 {
                for y in 0..<4 {
                    for x in 0..<9 {
                        var best = (c * 9 + 2 * y) * 19 + 2 * x
                        for (i, j) in [(0, 1), (1, 0), (1, 1)] {
                            let index = (c * 9 + 2 * y + i) * 19 + 2 * x + j
                            if input[n, index] > input[n, best] { best = index }
                        }
                        let out = (c * 4 + y) * 9 + x
                        #expect(output[n, out] == input[n, best], "seed \(seed) image \(n) window \(out)")
                        expected[n, best] = gradient[n, out]
                    }
                }
            }
        }
        #expect(inputGradient.storage == expected.storage, "seed \(seed)")
    }
}
