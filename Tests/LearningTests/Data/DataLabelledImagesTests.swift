import Foundation
import Testing

@testable import Learning

@Suite struct DataLabelledImagesTests {
    static let fashionDirectory = "/usr/share/datasets/fashion-mnist"

    /// Writes an images file and a labels file and loads them.
    func load(
        images: [UInt8], imageDimensions: [Int], labels: [UInt8], labelDimensions: [Int], classes: Int = 10
    ) throws -> (Result<LabelledImages, LabelledImagesError>, String, String) {
        let directory = try TemporaryDirectory()
        let imagesPath = try directory.write("images", IDXFixtures.storedGzip(IDXFixtures.idx(dimensions: imageDimensions, data: images)))
        let labelsPath = try directory.write("labels", IDXFixtures.idx(dimensions: labelDimensions, data: labels))
        let result = Result { () throws(LabelledImagesError) in
            try LabelledImages(imagesPath: imagesPath, labelsPath: labelsPath, classes: classes)
        }
        return (result, imagesPath, labelsPath)
    }

    @Test func scalesPixelsAndKeepsOrder() throws {
        let (result, _, _) = try load(
            images: [0, 51, 255, 102, 204, 153], imageDimensions: [2, 1, 3], labels: [3, 9], labelDimensions: [2]
        )
        let set = try result.get()
        #expect(set.count == 2 && set.rows == 1 && set.columns == 3 && set.classes == 10)
        #expect(set.pixels == [0, 0.2, 1, 0.4, 0.8, 0.6])
        #expect(set.labels == [3, 9])
        #expect(set.labelCounts() == [0, 0, 0, 1, 0, 0, 0, 0, 0, 1])
    }

    @Test func refusesWrongShapesCountsAndLabels() throws {
        let (flat, imagesPath, _) = try load(images: [1, 2], imageDimensions: [2], labels: [0, 1], labelDimensions: [2])
        #expect(throws: LabelledImagesError.imagesNotThreeDimensional(path: imagesPath, dimensions: [2])) { try flat.get() }

        let (square, _, labelsPath) = try load(images: [1, 2], imageDimensions: [2, 1, 1], labels: [0, 1], labelDimensions: [1, 2])
        #expect(throws: LabelledImagesError.labelsNotOneDimensional(path: labelsPath, dimensions: [1, 2])) { try square.get() }

        let (mismatch, mismatchImages, mismatchLabels) = try load(
            images: [1, 2], imageDimensions: [2, 1, 1], labels: [0, 1, 2], labelDimensions: [3])
        let counts = LabelledImagesError.countMismatch(
            imagesPath: mismatchImages, images: 2, labelsPath: mismatchLabels, labels: 3)
        #expect(throws: counts) { try mismatch.get() }
        #expect(counts.description
            == "images file '\(mismatchImages)' holds 2 images but labels file '\(mismatchLabels)' holds 3 labels")

        let (range, _, rangePath) = try load(images: [1, 2], imageDimensions: [2, 1, 1], labels: [0, 3], labelDimensions: [2], classes: 3)
        #expect(throws: LabelledImagesError.labelOutOfRange(path: rangePath, index: 1, label: 3, classes: 3)) { try range.get() }
    }

    @Test func reportsFileErrors() {
        #expect(throws: LabelledImagesError.badClassCount(0)) {
            try LabelledImages(imagesPath: "/nonexistent/a", labelsPath: "/nonexistent/b", classes: 0)
        }
        #expect {
            try LabelledImages.fashionMNIST(split: .test, directory: "/nonexistent")
        } throws: { error in
            guard case let .file(.unreadable(path, _)) = error as? LabelledImagesError else { return false }
            return path == "/nonexistent/t10k-images-idx3-ubyte.gz"
        }
    }

    /// Fashion-MNIST's test set has 10000 28×28 images, exactly 1000 per class (Xiao et al. 2017).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: fashionDirectory)))
    func loadsFashionMNISTTestSet() throws {
        let set = try LabelledImages.fashionMNIST(split: .test)
        #expect(set.count == 10000 && set.rows == 28 && set.columns == 28)
        #expect(set.pixels.count == 10000 * 28 * 28 && set.labels.count == 10000)
        #expect(set.labelCounts() == [Int](repeating: 1000, count: 10))
        #expect(set.pixels.min() == 0 && set.pixels.max() == 1)

        let split = try DirichletSplit(workers: 10, alpha: 0.1, publicCount: 1000)
            .split(labels: set.labels, classes: 10, seed: 5)
        let all = (split.publicIndices + split.workerIndices.flatMap { $0 }).sorted()
        #expect(all == Array(0 ..< 10000))
    }

    /// The training set: 60000 images, 6000 per class.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: fashionDirectory)))
    func loadsFashionMNISTTrainingSet() throws {
        let set = try LabelledImages.fashionMNIST(split: .train)
        #expect(set.count == 60000 && set.rows == 28 && set.columns == 28)
        #expect(set.labelCounts() == [Int](repeating: 6000, count: 10))
    }
}
