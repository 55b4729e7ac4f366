/// A set of greyscale images with class labels, such as MNIST or Fashion-MNIST.
///
/// Pixels are scaled from 0...255 to 0...1 and stored image after image, each row-major:
/// pixel `(r, c)` of image `i` is `pixels[(i * rows + r) * columns + c]`.
public struct LabelledImages: Equatable, Sendable {
    /// The number of images (and labels).
    public let count: Int
    /// The height of each image.
    public let rows: Int
    /// The width of each image.
    public let columns: Int
    /// The number of classes; every label is below it.
    public let classes: Int
    /// `count * rows * columns` intensities in 0...1.
    public let pixels: [Float]
    /// One label per image, each in `0 ..< classes`.
    public let labels: [UInt8]

    /// The two halves of a data set as published.
    public enum Split: Sendable {
        /// The training half (`train-*` files).
        case train
        /// The test half (`t10k-*` files).
        case test
    }

    /// A labelled set from an IDX images file and an IDX labels file.
    ///
    /// - Parameters:
    ///   - imagesPath: a 3-D unsigned-byte IDX file (count × rows × columns), gzip'd or plain.
    ///   - labelsPath: a 1-D unsigned-byte IDX file, gzip'd or plain.
    ///   - classes: the number of classes; every label must be below it (1...256).
    /// - Throws: ``LabelledImagesError``: a file error, wrong dimension counts, differing counts,
    ///   or a label out of range.
    /// - Complexity: O(n) in the total size of the files.
    public init(imagesPath: String, labelsPath: String, classes: Int = 10) throws(LabelledImagesError) {
        guard (1 ... 256).contains(classes) else { throw .badClassCount(classes) }
        let images: IDXArray
        let labels: IDXArray
        do {
            images = try IDXReader.read(contentsOf: imagesPath)
            labels = try IDXReader.read(contentsOf: labelsPath)
        } catch {
            throw .file(error)
        }
        guard images.dimensions.count == 3 else {
            throw .imagesNotThreeDimensional(path: imagesPath, dimensions: images.dimensions)
        }
        guard labels.dimensions.count == 1 else {
            throw .labelsNotOneDimensional(path: labelsPath, dimensions: labels.dimensions)
        }
        guard images.dimensions[0] == labels.dimensions[0] else {
            throw .countMismatch(
                imagesPath: imagesPath, images: images.dimensions[0], labelsPath: labelsPath,
                labels: labels.dimensions[0])
        }
        if let index = labels.bytes.firstIndex(where: { Int($0) >= classes }) {
            throw .labelOutOfRange(path: labelsPath, index: index, label: labels.bytes[index], classes: classes)
        }
        count = images.dimensions[0]
        rows = images.dimensions[1]
        columns = images.dimensions[2]
        self.classes = classes
        pixels = images.bytes.map { Float($0) / 255 }
        self.labels = labels.bytes
    }

    /// The Fashion-MNIST training (60000) or test (10000) set of 28×28 images in 10 classes
    /// (Xiao, Rasul and Vollgraf 2017).
    ///
    /// - Parameters:
    ///   - split: `.train` or `.test`.
    ///   - directory: where `{train,t10k}-{images-idx3,labels-idx1}-ubyte.gz` are.
    /// - Throws: ``LabelledImagesError`` as for ``init(imagesPath:labelsPath:classes:)``.
    /// - Complexity: O(n) in the size of the set.
    public static func fashionMNIST(
        split: Split, directory: String = "/usr/share/datasets/fashion-mnist"
    ) throws(LabelledImagesError) -> LabelledImages {
        let prefix = split == .train ? "train" : "t10k"
        return try LabelledImages(
            imagesPath: "\(directory)/\(prefix)-images-idx3-ubyte.gz",
            labelsPath: "\(directory)/\(prefix)-labels-idx1-ubyte.gz",
            classes: 10
        )
    }

    /// How many images carry each label, indexed by class.
    ///
    /// - Complexity: O(count).
    public func labelCounts() -> [Int] {
        var counts = [Int](repeating: 0, count: classes)
        for label in labels { counts[Int(label)] += 1 }
        return counts
    }
}
