// The model architectures used in the experiments.
import Mechanisms

/// Factories for the networks of the experiments, each seeded: layer `i` draws its weights
/// from stream `i` of `seed`, so a seed fixes the whole initial network.
///
/// Hidden layers use He initialisation (they feed ReLUs); output layers use Glorot's.
public enum Architectures {
    /// Multinomial logistic regression: one dense layer to the logits.
    ///
    /// - Parameters:
    ///   - inputs: The number of input features.
    ///   - classes: The number of classes.
    ///   - seed: The initialisation seed.
    public static func softmaxRegression(inputs: Int, classes: Int, seed: UInt64) -> Sequential {
        Sequential([Dense(inputs: inputs, outputs: classes, initialisation: .glorot, seed: layerSeed(seed, 0))])
    }

    /// A multi-layer perceptron: dense + ReLU per hidden width, then a dense output layer.
    ///
    /// - Parameters:
    ///   - inputs: The number of input features.
    ///   - hidden: The width of each hidden layer, input side first.
    ///   - classes: The number of classes.
    ///   - seed: The initialisation seed.
    public static func mlp(inputs: Int, hidden: [Int], classes: Int, seed: UInt64) -> Sequential {
        var layers: [any Layer] = []
        var width = inputs
        for (index, size) in hidden.enumerated() {
            layers.append(Dense(inputs: width, outputs: size, initialisation: .he, seed: layerSeed(seed, index)))
            layers.append(ReLU())
            width = size
        }
        layers.append(Dense(inputs: width, outputs: classes, initialisation: .glorot,
                            seed: layerSeed(seed, hidden.count)))
        return Sequential(layers)
    }

    /// The smallest height and width LeNet-5 reads, 12: the padded 5×5 convolution keeps a
    /// side H, the first pooling halves it to ⌊H/2⌋, the unpadded 5×5 convolution leaves
    /// ⌊H/2⌋ − 4, and the second 2×2 pooling needs that to be at least 2, so ⌊H/2⌋ ≥ 6.
    /// The one place this size is stated; inputs are checked against it before a network is
    /// built (`WorkerTraining.minimumImageSide` in `Simulation`).
    public static let leNet5MinimumSide = 12

    /// LeNet-5 (LeCun et al. 1998) with ReLU and max pooling:
    /// conv 6@5×5 pad 2 → ReLU → maxpool 2 → conv 16@5×5 → ReLU → maxpool 2 → flatten →
    /// dense 120 → ReLU → dense 84 → ReLU → dense `classes`.
    ///
    /// - Parameters:
    ///   - channels: The input channels (1 for greyscale).
    ///   - height: The input height (28 for MNIST; at least ``leNet5MinimumSide``).
    ///   - width: The input width (at least ``leNet5MinimumSide``).
    ///   - classes: The number of classes.
    ///   - seed: The initialisation seed.
    /// - Precondition: `height` and `width` are at least ``leNet5MinimumSide``.
    public static func leNet5(channels: Int = 1, height: Int = 28, width: Int = 28,
                              classes: Int, seed: UInt64) -> Sequential {
        precondition(min(height, width) >= leNet5MinimumSide,
                     "LeNet-5 needs images of at least \(leNet5MinimumSide)x\(leNet5MinimumSide), got \(height)x\(width)")
        let conv1 = Conv2D(input: ImageShape(channels: channels, height: height, width: width),
                           filters: 6, kernel: 5, padding: 2, seed: layerSeed(seed, 0))
        let pool1 = MaxPool2D(input: conv1.output)
        let conv2 = Conv2D(input: pool1.output, filters: 16, kernel: 5, seed: layerSeed(seed, 1))
        let pool2 = MaxPool2D(input: conv2.output)
        return Sequential([
            conv1, ReLU(), pool1,
            conv2, ReLU(), pool2,
            Flatten(),
            Dense(inputs: pool2.output.count, outputs: 120, seed: layerSeed(seed, 2)), ReLU(),
            Dense(inputs: 120, outputs: 84, seed: layerSeed(seed, 3)), ReLU(),
            Dense(inputs: 84, outputs: classes, initialisation: .glorot, seed: layerSeed(seed, 4)),
        ])
    }

    /// The seed of the `index`-th parameterised layer.
    static func layerSeed(_ seed: UInt64, _ index: Int) -> UInt64 {
        var generator = SplitMix64(seed: seed, stream: UInt64(index))
        return generator.next()
    }
}
