import Foundation
import Testing

/// Issue 10, crashes: `simulate` trapped (exit 132, an empty precondition message in release)
/// in `Conv2D.init` / `MaxPool2D.init` when a `lenet5` worker got images below 12x12. Now a
/// validation error names the key, the architecture, the minimum and the size, exit 2.
@Suite(.serialized) struct SimulateImageSizeTests {
    /// Hand-written uncompressed IDX files (magic `00 00 08 rank`, big-endian sizes, bytes):
    /// `count` images of `height x width` (a fixed hash pattern) and their labels, cycling
    /// through 10 classes.
    static func idxFiles(prefix: String, count: Int, height: Int, width: Int) -> [String: Data] {
        func bigEndian(_ x: Int) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: x >> $0) } }
        let pixels = (0 ..< count * height * width).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 11) }
        let images = [0, 0, 8, 3] + bigEndian(count) + bigEndian(height) + bigEndian(width) + pixels
        let labels = [0, 0, 8, 1] + bigEndian(count) + (0 ..< count).map { UInt8($0 % 10) }
        return ["\(prefix)-images.idx": Data(images), "\(prefix)-labels.idx": Data(labels)]
    }

    /// A directory with a 400-image pool and 50 test images of `height x width`, and `spec.toml`.
    static func setUp(height: Int, width: Int, architecture: String, strategies: String = "honest = 1.0") throws -> URL {
        let spec = """
            name = "small-images"
            [federation]
            workers = 3
            classes = 10
            accuracy = 0.8
            [mechanism]
            kind = "ptsfd"
            deposit = 1000
            [data]
            train_images = "train-images.idx"
            train_labels = "train-labels.idx"
            test_images = "test-images.idx"
            test_labels = "test-labels.idx"
            alpha = 100.0
            private_size = 50
            public_size = 50
            [training]
            architecture = \(architecture)
            epochs = 1
            [strategies]
            \(strategies)
            """
        let dir = try scratchDirectory(files: ["spec.toml": spec])
        let files = idxFiles(prefix: "train", count: 400, height: height, width: width)
            .merging(idxFiles(prefix: "test", count: 50, height: height, width: width)) { a, _ in a }
        for (name, data) in files { try data.write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    static func simulate(in dir: URL) throws -> CommandResult {
        try Serumcheck.run(["simulate", "spec.toml", "--no-bank", "--quiet", "--threads", "1", "--json", "out.json"], in: dir)
    }

    @Test(arguments: [(11, 11), (12, 11), (11, 12), (9, 9)])
    func leNetOnImagesBelowTwelveIsRefused(height: Int, width: Int) throws {
        let dir = try Self.setUp(height: height, width: width, architecture: "\"lenet5\"")
        let result = try Self.simulate(in: dir)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr == "error: spec.toml: training.architecture: lenet5 needs images of at least 12x12, "
            + "got \(height)x\(width) (data.train_images = \"train-images.idx\")\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.json").path))
    }

    /// With per-worker architectures the refusal names the first worker that cannot read the
    /// images; a worker that trains nothing (heuristic) is not held to its architecture.
    @Test func perWorkerArchitecturesNameTheWorker() throws {
        let mixed = try Self.setUp(height: 11, width: 11, architecture: "[\"softmax\", \"mlp\", \"lenet5\"]")
        let refused = try Self.simulate(in: mixed)
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("error: spec.toml: training.architecture[2]: lenet5 needs images of at least 12x12, got 11x11"),
                "\(refused.stderr)")
        let heuristic = try Self.setUp(
            height: 11, width: 11, architecture: "[\"softmax\", \"mlp\", \"lenet5\"]",
            strategies: "workers = [\"honest\", \"honest\", \"heuristic\"]")
        let ran = try Self.simulate(in: heuristic)
        #expect(ran.status == 0, "\(ran.stderr)")
    }

    /// Legal inputs run: the dense networks on 11x11 images, LeNet-5 from 12x12 on.
    @Test(arguments: [(11, "\"softmax\""), (11, "\"mlp\""), (12, "\"lenet5\"")])
    func legalSizesRun(side: Int, architecture: String) throws {
        let dir = try Self.setUp(height: side, width: side, architecture: architecture)
        let result = try Self.simulate(in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        struct Output: Decodable { struct Worker: Decodable { var architecture: String? }; var workers: [Worker] }
        let output = try JSONDecoder().decode(Output.self, from: Data(contentsOf: dir.appendingPathComponent("out.json")))
        #expect(output.workers.map(\.architecture) == Array(repeating: architecture.replacingOccurrences(of: "\"", with: ""), count: 3))
    }
}
