import Learning
import Mechanisms
import Messages
import Specs

/// The data of one federation (Witt et al., section 5.1): each worker's private set drawn by a
/// seeded Dirichlet(alpha) split of the training pool, the disjoint public set X_pub, and the
/// test set that measures accuracy.
///
/// Images are flattened row-major (1×H×W), one row of `features` values per image.
public struct FederationData: Sendable {
    /// |C|.
    public let classes: Int
    /// The height of every image.
    public let height: Int
    /// The width of every image.
    public let width: Int
    /// The values of one image, `height · width`.
    public var features: Int { height * width }
    /// Each worker's private pixels, image after image.
    public let privatePixels: [[Float]]
    /// Each worker's private labels.
    public let privateLabels: [[Int]]
    /// X_pub, image after image.
    public let publicPixels: [Float]
    /// The true labels of X_pub (never shown to workers; used to score Y_aggr).
    public let publicLabels: [Int]
    /// The test pixels, image after image.
    public let testPixels: [Float]
    /// The test labels.
    public let testLabels: [Int]
    /// Keccak-256 of X_pub's pixels (hex), part of every prediction-bank key.
    public let publicDigest: String
    /// Keccak-256 of each worker's private pixels and labels (hex), part of its bank key.
    public let privateDigests: [String]

    /// Loads and splits the data of a simulation spec.
    ///
    /// 1. The training pool and test set are read from the IDX files.
    /// 2. `DirichletSplit` draws X_pub (`publicSize` samples) and shares the whole rest of the
    ///    pool among the workers by Dirichlet(alpha) class proportions, redrawing until every
    ///    worker holds at least `max(privateSizes)` samples.
    /// 3. Worker i keeps the first `privateSizes[i]` of its share in a seeded order (stream
    ///    `2 + i` of the data seed): a uniform subsample, so it keeps the share's class mix and
    ///    the data-size effort of section 5.3 changes nothing else.
    /// 4. The test set is the first `testSize` images of a seeded shuffle (stream 1,000,000),
    ///    or all of it.
    ///
    /// - Parameters:
    ///   - data: The `[data]` table.
    ///   - workers: n.
    ///   - classes: |C|; every label must be below it.
    /// - Throws: ``SimulationError/data(_:)`` or ``SimulationError/split(_:)``.
    public init(data: Spec.Simulation.Data, workers: Int, classes: Int) throws(SimulationError) {
        let pool: LabelledImages, test: LabelledImages
        do {
            pool = try LabelledImages(imagesPath: data.trainImages, labelsPath: data.trainLabels, classes: classes)
            test = try LabelledImages(imagesPath: data.testImages, labelsPath: data.testLabels, classes: classes)
        } catch {
            let keys = [("data.train_images", data.trainImages), ("data.train_labels", data.trainLabels),
                        ("data.test_images", data.testImages), ("data.test_labels", data.testLabels)]
            let key = keys.first { error.description.contains("'\(Echo.path($0.1))'") }?.0
            throw .data((key.map { "\($0): " } ?? "") + error.description)
        }
        guard pool.rows == test.rows && pool.columns == test.columns else {
            throw .data("data.train_images '\(Echo.path(data.trainImages))' holds \(pool.rows)x\(pool.columns) "
                + "images but data.test_images '\(Echo.path(data.testImages))' holds \(test.rows)x\(test.columns) images")
        }
        if let testSize = data.testSize, testSize > test.count {
            throw .split("data.test_size = \(testSize) exceeds the \(test.count) test images in \(Echo.path(data.testImages))")
        }
        guard data.privateSizes.count == workers else {
            throw .split("data.private_size has \(data.privateSizes.count) entries for \(workers) workers")
        }
        let largest = data.privateSizes.max() ?? 1
        let split: DataSplit
        do {
            split = try DirichletSplit(workers: workers, alpha: data.alpha, publicCount: data.publicSize,
                                       minPerWorker: largest)
                .split(labels: pool.labels, classes: classes, seed: data.seed)
        } catch {
            throw .split("\(error) (data.public_size = \(data.publicSize), \(pool.count) training images, "
                + "\(workers) workers needing \(largest) each; lower data.private_size or raise data.alpha)")
        }
        let features = pool.rows * pool.columns
        func gather(_ images: LabelledImages, _ indices: [Int]) -> ([Float], [Int]) {
            var pixels: [Float] = []
            pixels.reserveCapacity(indices.count * features)
            for index in indices { pixels.append(contentsOf: images.pixels[index * features ..< (index + 1) * features]) }
            return (pixels, indices.map { Int(images.labels[$0]) })
        }
        var privatePixels: [[Float]] = [], privateLabels: [[Int]] = []
        for (worker, indices) in split.workerIndices.enumerated() {
            var order = indices
            var generator = SplitMix64(seed: data.seed, stream: 2 + UInt64(worker))
            generator.shuffle(&order)
            let (pixels, labels) = gather(pool, Array(order.prefix(data.privateSizes[worker])))
            privatePixels.append(pixels)
            privateLabels.append(labels)
        }
        var testOrder = Array(0..<test.count)
        if let testSize = data.testSize {
            var generator = SplitMix64(seed: data.seed, stream: 1_000_000)
            generator.shuffle(&testOrder)
            testOrder = Array(testOrder.prefix(testSize))
        }
        (self.publicPixels, self.publicLabels) = gather(pool, split.publicIndices)
        (self.testPixels, self.testLabels) = gather(test, testOrder)
        self.classes = classes
        self.height = pool.rows
        self.width = pool.columns
        self.privatePixels = privatePixels
        self.privateLabels = privateLabels
        self.publicDigest = BankKey.digest(of: [.floats(self.publicPixels)])
        self.privateDigests = zip(privatePixels, privateLabels).map { BankKey.digest(of: [.floats($0), .integers($1)]) }
    }

    /// The number of workers.
    public var workers: Int { privateLabels.count }
    /// m = |X_pub|.
    public var publicCount: Int { publicLabels.count }
}
