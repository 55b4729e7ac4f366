import Testing
import Foundation
import Mechanisms
@testable import Learning

/// Adam, training, distillation, accuracy and determinism.
@Suite("Model training", .serialized)
struct ModelTrainingTests {
    init() { BLAS.setThreads(1) }

    static let fashionDirectory = "/usr/share/datasets/fashion-mnist"

    @Test("Adam's first step moves every parameter by about lr against its gradient's sign")
    func adamFirstStep() {
        let net = Architectures.mlp(inputs: 4, hidden: [3], classes: 2, seed: 5)
        let trainer = Trainer(network: net)
        let before = net.flatParameters
        trainer.step(inputs: ModelSupport.random(6, 4, seed: 6), labels: [0, 1, 1, 0, 1, 0])
        let gradients = net.flatGradients
        for (index, (old, new)) in zip(before, net.flatParameters).enumerated() {
            let g = gradients[index]
            let expected = g == 0 ? old : old - 0.001 * (g > 0 ? 1 : -1) * abs(g) / (abs(g) + 1e-8)
            #expect(abs(new - expected) < 1e-6, "parameter \(index): \(old) -> \(new), gradient \(g)")
        }
        #expect(trainer.optimizer.step == 1)
    }

    @Test("an MLP beats chance after one epoch on separable blobs")
    func mlpBlobs() {
        let train = ModelSupport.blobs(count: 600, features: 10, classes: 3, seed: 1)
        let test = ModelSupport.blobs(count: 300, features: 10, classes: 3, seed: 1 &+ 1_000)
        let net = Architectures.mlp(inputs: 10, hidden: [16], classes: 3, seed: 2)
        let losses = Trainer(network: net).train(pixels: train.pixels, labels: train.labels,
                                                 epochs: 1, batchSize: 16, seed: 3)
        #expect(losses.count == 1 && losses[0].isFinite)
        // Same centres (the blob centres are the first draws of the seed), fresh points.
        let accuracy = net.accuracy(pixels: test.pixels, labels: test.labels)
        #expect(accuracy > 0.6, "accuracy \(accuracy)")
    }

    @Test("distillation to one-hot aggregated labels fits them")
    func distillation() {
        let data = ModelSupport.blobs(count: 300, features: 8, classes: 4, seed: 7)
        let net = Architectures.mlp(inputs: 8, hidden: [12], classes: 4, seed: 8)
        let losses = Trainer(network: net).distill(pixels: data.pixels,
                                                   targets: KLDivergence.oneHot(data.labels, classes: 4),
                                                   epochs: 8, batchSize: 8, seed: 9)
        #expect(losses.last! < losses.first!, "losses \(losses)")
        #expect(net.accuracy(pixels: data.pixels, labels: data.labels) > 0.8)
    }

    @Test("same seed, same weights; different seed, different weights")
    func determinism() {
        let data = ModelSupport.blobs(count: 200, features: 6, classes: 3, seed: 4)
        func run(_ seed: UInt64) -> [Float] {
            let net = Architectures.mlp(inputs: 6, hidden: [8, 8], classes: 3, seed: seed)
            Trainer(network: net).train(pixels: data.pixels, labels: data.labels, epochs: 2, batchSize: 32, seed: seed)
            return net.flatParameters
        }
        let first = run(10)
        #expect(first == run(10))
        #expect(first != run(11))
    }

    @Test("LeNet-5 training steps are reproducible and reduce the loss")
    func leNetSteps() {
        let pixels = ModelSupport.random(32, 784, in: 0...1, seed: 12).storage
        let labels = (0..<32).map { $0 % 10 }
        func run() -> (weights: [Float], losses: [Float]) {
            let net = Architectures.leNet5(classes: 10, seed: 13)
            let losses = Trainer(network: net).train(pixels: pixels, labels: labels, epochs: 4, batchSize: 16, seed: 14)
            return (net.flatParameters, losses)
        }
        let (weights, losses) = run()
        #expect(weights == run().weights)
        #expect(losses.last! < losses.first!, "losses \(losses)")
    }

    @Test("training stops after the epoch where shouldContinue returns false, reporting every batch")
    func earlyStop() {
        let data = ModelSupport.blobs(count: 120, features: 6, classes: 3, seed: 21)
        var asked: [Int] = []
        var reports: [TrainingProgress] = []
        let net = Architectures.mlp(inputs: 6, hidden: [8], classes: 3, seed: 22)
        let losses = Trainer(network: net).train(
            pixels: data.pixels, labels: data.labels, epochs: 5, batchSize: 32, seed: 23,
            progress: { reports.append($0) },
            shouldContinue: { completed in
                asked.append(completed)
                return completed < 2
            })
        #expect(losses.count == 2 && asked == [1, 2])
        // 120 examples in batches of 32: 4 batches per epoch, reported after each.
        #expect(reports.map(\.batch) == [1, 2, 3, 4, 1, 2, 3, 4])
        #expect(reports.map(\.epoch) == [0, 0, 0, 0, 1, 1, 1, 1])
        #expect(reports.allSatisfy { $0.epochs == 5 && $0.batches == 4 })
        // Stopping early leaves exactly the weights of a run asked for that many epochs.
        let twoEpochs = Architectures.mlp(inputs: 6, hidden: [8], classes: 3, seed: 22)
        Trainer(network: twoEpochs).train(pixels: data.pixels, labels: data.labels, epochs: 2, batchSize: 32, seed: 23)
        #expect(net.flatParameters == twoEpochs.flatParameters)
    }

    @Test("distillation stops early too; without shouldContinue every epoch runs")
    func distillationEarlyStop() {
        let data = ModelSupport.blobs(count: 64, features: 5, classes: 2, seed: 24)
        let targets = KLDivergence.oneHot(data.labels, classes: 2)
        let net = Architectures.mlp(inputs: 5, hidden: [4], classes: 2, seed: 25)
        var batches = 0
        let stopped = Trainer(network: net).distill(pixels: data.pixels, targets: targets, epochs: 4, batchSize: 16,
                                                    seed: 26, progress: { _ in batches += 1 },
                                                    shouldContinue: { _ in false })
        #expect(stopped.count == 1 && batches == 4)
        let all = Trainer(network: net).distill(pixels: data.pixels, targets: targets, epochs: 3, batchSize: 16, seed: 27)
        #expect(all.count == 3)
    }

    @Test("softmax regression on 5,000 Fashion-MNIST images reaches > 70% test accuracy",
          .enabled(if: FileManager.default.fileExists(atPath: fashionDirectory)))
    func fashion() throws {
        let train = try LabelledImages.fashionMNIST(split: .train, directory: Self.fashionDirectory)
        let test = try LabelledImages.fashionMNIST(split: .test, directory: Self.fashionDirectory)
        let features = train.rows * train.columns
        let net = Architectures.softmaxRegression(inputs: features, classes: 10, seed: 1)
        Trainer(network: net).train(pixels: Array(train.pixels[..<(5_000 * features)]),
                                    labels: train.labels[..<5_000].map(Int.init),
                                    epochs: 2, batchSize: 32, seed: 2)
        let accuracy = net.accuracy(pixels: Array(test.pixels[..<(2_000 * features)]),
                                    labels: test.labels[..<2_000].map(Int.init))
        #expect(accuracy > 0.7, "accuracy \(accuracy)")
        print("Fashion-MNIST softmax regression accuracy", accuracy)
    }
}
