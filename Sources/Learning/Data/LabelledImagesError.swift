import Messages

/// Why a pair of IDX files is not a valid labelled image set.
public enum LabelledImagesError: Error, Equatable, Sendable, CustomStringConvertible {
    /// One of the files could not be read or parsed.
    case file(IDXError)
    /// The images file is not 3-D (count × rows × columns).
    case imagesNotThreeDimensional(path: String, dimensions: [Int])
    /// The labels file is not 1-D.
    case labelsNotOneDimensional(path: String, dimensions: [Int])
    /// The files hold different numbers of items.
    case countMismatch(imagesPath: String, images: Int, labelsPath: String, labels: Int)
    /// A label is not below the number of classes.
    case labelOutOfRange(path: String, index: Int, label: UInt8, classes: Int)
    /// The number of classes is outside 1...256.
    case badClassCount(Int)

    /// A sentence naming the file (where there is one) and the problem.
    public var description: String {
        switch self {
        case let .file(error):
            return error.description
        case let .imagesNotThreeDimensional(path, dimensions):
            return "images file '\(Echo.path(path))' has dimensions \(dimensions); expected 3 (count, rows, columns)"
        case let .labelsNotOneDimensional(path, dimensions):
            return "labels file '\(Echo.path(path))' has dimensions \(dimensions); expected 1"
        case let .countMismatch(imagesPath, images, labelsPath, labels):
            return "images file '\(Echo.path(imagesPath))' holds \(images) images but labels file "
                + "'\(Echo.path(labelsPath))' holds \(labels) labels"
        case let .labelOutOfRange(path, index, label, classes):
            return "labels file '\(Echo.path(path))': label \(label) at index \(index) is not below \(classes) classes"
        case let .badClassCount(classes):
            return "class count \(classes) is outside 1...256"
        }
    }
}
