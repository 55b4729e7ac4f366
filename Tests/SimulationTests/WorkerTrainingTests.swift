import Adversary
import Learning
import Testing
@testable import Simulation

@Suite("Worker training")
struct WorkerTrainingTests {
    /// Two classes told apart by the first of 4 features (the rest constant), 64 examples.
    let pixels: [Float] = (0..<64).flatMap { i in [Float(i % 2), 0.5, 0.5, 0.5] }
    let labels = (0..<64).map { $0 % 2 }

    func effort(epochs: Int, target: Double) -> WorkerEffort {
        WorkerEffort(architecture: .softmax, epochs: epochs, targetAccuracy: target, batchSize: 8, seed: 3)
    }

    @Test("early stopping ends after the first epoch that reaches the target; target 1 trains every epoch")
    func earlyStopping() {
        let stopped = WorkerTraining.train(effort: effort(epochs: 30, target: 0), pixels: pixels, labels: labels,
                                           height: 2, width: 2, classes: 2)
        // Accuracy is checked after each epoch; a 2-class problem this easy any accuracy reaches target 0.
        #expect(stopped.epochs == 1)
        #expect((0...1).contains(stopped.localAccuracy))
        let full = WorkerTraining.train(effort: effort(epochs: 100, target: 1), pixels: pixels, labels: labels,
                                        height: 2, width: 2, classes: 2)
        #expect(full.epochs == 100)
        #expect(full.localAccuracy == 1)
        let none = WorkerTraining.train(effort: effort(epochs: 0, target: 1), pixels: pixels, labels: labels,
                                        height: 2, width: 2, classes: 2)
        #expect(none.epochs == 0)
    }

    @Test("predictions are the argmax and its probability, with the local accuracy for A_ij")
    func predictions() {
        let outcome = WorkerTraining.train(effort: effort(epochs: 100, target: 1), pixels: pixels, labels: labels,
                                           height: 2, width: 2, classes: 2)
        let predictions = WorkerTraining.predictions(of: outcome.network, publicPixels: Array(pixels.prefix(16)),
                                                     count: 4, localAccuracy: 0.5)
        let probabilities = outcome.network.predict(pixels: Array(pixels.prefix(16)), count: 4)
        #expect(predictions.labels == [0, 1, 0, 1])
        for j in 0..<4 {
            let row = (0..<2).map { probabilities[j, $0] }
            #expect(predictions.maxProbability[j] == row.max())
            #expect(predictions.certainty(j) == 0.5 * Double(row.max()!))
        }
    }

    @Test("loading flat parameters restores the network exactly; a wrong count changes nothing")
    func loadParameters() {
        let trained = WorkerTraining.train(effort: effort(epochs: 5, target: 1), pixels: pixels, labels: labels,
                                           height: 2, width: 2, classes: 2).network
        let fresh = WorkerTraining.network(.softmax, height: 2, width: 2, classes: 2, seed: 99)
        let before = fresh.flatParameters
        #expect(!fresh.load(flatParameters: [1, 2, 3]))
        #expect(fresh.flatParameters == before)
        #expect(fresh.load(flatParameters: trained.flatParameters))
        #expect(fresh.weightDigest == trained.weightDigest)
    }
}
