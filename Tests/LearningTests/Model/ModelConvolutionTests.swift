import Testing
import Mechanisms
@testable import Learning

/// Convolution and pooling forward passes against direct loops; architecture shapes.
@Suite("Model convolution", .serialized)
struct ModelConvolutionTests {
    init() { BLAS.setThreads(1) }

    /// The convolution by its definition, accumulated in Double.
    static func naive(_ layer: Conv2D, _ batch: Matrix) -> Matrix {
        let (inShape, outShape, k) = (layer.input, layer.output, layer.kernel)
        let weights = layer.parameters[0], bias = layer.parameters[1]
        return Matrix(rows: batch.rows, columns: outShape.count) { n, flat in
            let f = flat / (outShape.height * outShape.width)
            let y = flat / outShape.width % outShape.height, x = flat % outShape.width
            var sum = Double(bias[0, f])
            for c in 0..<inShape.channels {
                for i in 0..<k {
                    for j in 0..<k {
                        let sy = y * layer.stride + i - layer.padding, sx = x * layer.stride + j - layer.padding
                        guard (0..<inShape.height).contains(sy) && (0..<inShape.width).contains(sx) else { continue }
                        sum += Double(weights[f, (c * k + i) * k + j])
                            * Double(batch[n, (c * inShape.height + sy) * inShape.width + sx])
                    }
                }
            }
            return Float(sum)
        }
    }

    @Test("Conv2D forward equals a direct convolution",
          arguments: [(UInt64(1), 3, 0, 1), (2, 3, 1, 1), (3, 2, 1, 2), (4, 5, 2, 1)])
    func conv(seed: UInt64, kernel: Int, padding: Int, stride: Int) {
        let shape = ImageShape(channels: 3, height: 7, width: 6)
        let layer = Conv2D(input: shape, filters: 4, kernel: kernel, padding: padding, stride: stride, seed: seed)
        layer.parameters[1] = ModelSupport.random(1, 4, seed: seed &+ 5)
        let batch = ModelSupport.random(2, shape.count, seed: seed &+ 6)
        let fast = layer.forward(batch, training: false)
        let slow = Self.naive(layer, batch)
        #expect(fast.rows == slow.rows && fast.columns == slow.columns)
        #expect(zip(fast.storage, slow.storage).allSatisfy { abs($0 - $1) <= 1e-5 * max(1, abs($1)) },
                "seed \(seed) kernel \(kernel) padding \(padding) stride \(stride)")
    }

    @Test("MaxPool2D takes window maxima and drops a ragged edge")
    func pool() {
        let shape = ImageShape(channels: 1, height: 3, width: 5)
        let values: [Float] = [1, 5, 2, 0, 9,
                               3, 4, 8, 7, 9,
                               9, 9, 9, 9, 9]
        let output = MaxPool2D(input: shape).forward(Matrix(rows: 1, columns: 15, storage: values), training: false)
        #expect(output.columns == 2 && output.storage == [5, 8])
    }

    @Test("LeNet-5 has the classic shapes and parameter count")
    func leNet() {
        let net = Architectures.leNet5(classes: 10, seed: 1)
        // 156 + 2416 + 48120 + 10164 + 850
        #expect(net.parameterCount == 61_706)
        let probabilities = net.predict(ModelSupport.random(3, 784, in: 0...1, seed: 2))
        #expect(probabilities.rows == 3 && probabilities.columns == 10)
        for row in 0..<3 {
            let total = (0..<10).reduce(Float(0)) { $0 + probabilities[row, $1] }
            #expect(abs(total - 1) < 1e-5)
        }
    }

    /// The side after each stage: the padded 5x5 convolution keeps s, pooling halves it,
    /// the unpadded 5x5 convolution takes 4, and the second 2x2 pooling needs a side of 2.
    @Test("LeNet-5's minimum side is the smallest one every layer fits")
    func leNetMinimumSide() {
        let fits = (1...40).filter { s in s / 2 - 4 >= 2 }
        #expect(fits.first == Architectures.leNet5MinimumSide)
        let side = Architectures.leNet5MinimumSide
        for (height, width) in [(side, side), (side, 15), (17, side)] {
            let net = Architectures.leNet5(height: height, width: width, classes: 3, seed: 4)
            let probabilities = net.predict(ModelSupport.random(2, height * width, in: 0...1, seed: 5))
            #expect(probabilities.rows == 2 && probabilities.columns == 3, "\(height)x\(width)")
            // conv1 156, conv2 2416, dense 16 * h' * w' -> 120, 120 -> 84, 84 -> 3.
            let flat = 16 * ((height / 2 - 4) / 2) * ((width / 2 - 4) / 2)
            #expect(net.parameterCount == 156 + 2416 + (flat * 120 + 120) + 10_164 + 255, "\(height)x\(width)")
        }
    }

    @Test("He initialisation has variance about 2 / fan-in")
    func he() {
        let weights = Initialisation.he.weights(count: 100_000, fanIn: 50, fanOut: 10, seed: 3)
        let variance = weights.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(weights.count)
        #expect(abs(variance - 0.04) < 0.002)
    }
}
