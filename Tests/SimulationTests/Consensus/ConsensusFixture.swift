import Learning
import Ledger
import Testing

@testable import Simulation

/// Shared data and coins of the consensus-instantiation tests.
///
/// Everything reads the Fashion-MNIST test split (10 000 images, faster to load than the
/// training split): the evaluated classifier is trained on its first 300 images, subsets are
/// drawn from all of it, and the outsourced-training task trains on images 1000 ..< 1300.
enum ConsensusFixture {
    /// The Fashion-MNIST test split, loaded once.
    static let loaded = Result { () throws(LabelledImagesError) -> LabelledImages in
        try LabelledImages.fashionMNIST(split: .test)
    }

    /// The Fashion-MNIST test split.
    static func testSet() throws -> LabelledImages { try loaded.get() }

    /// The requester's coin r: the bytes 0x01, 0x02, ..., 0x20.
    static let coin = Hash32(bytes: (1 ... 32).map { UInt8($0) })!
    /// Another coin: `keccak256("another coin")`.
    static let otherCoin = Keccak256.hash(utf8: "another coin")

    /// d and r of every contract round here.
    static let deposit = 1000
    static let reward = 900

    /// The 32-byte big-endian `uint256` of `counter`, assembled by hand.
    static func uint256(_ counter: UInt64) -> [UInt8] {
        [UInt8](repeating: 0, count: 24) + (0 ..< 8).map { UInt8(truncatingIfNeeded: counter >> (56 - 8 * UInt64($0))) }
    }

    /// Bytes `8k ..< 8k + 8` of `bytes` as a big-endian word.
    static func word(_ bytes: [UInt8], _ k: Int) -> UInt64 {
        var w: UInt64 = 0
        for b in bytes[8 * k ..< 8 * k + 8] { w = w << 8 | UInt64(b) }
        return w
    }

    /// A softmax regression trained for 2 epochs on the first 300 test images (seed 11): a
    /// classifier that is right on some samples and wrong on others.
    static func evaluatedModel(_ data: LabelledImages) -> Sequential {
        BLAS.setThreads(1)
        let features = data.rows * data.columns
        let model = Architectures.softmaxRegression(inputs: features, classes: data.classes, seed: 11)
        Trainer(network: model).train(
            pixels: Array(data.pixels[0 ..< 300 * features]),
            labels: data.labels[0 ..< 300].map(Int.init), epochs: 2, batchSize: 32, seed: 11)
        return model
    }
}
