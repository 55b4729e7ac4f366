import Adversary
import Learning
import Mechanisms

extension FederatedSimulation {
    /// The bank key of a worker's locally trained model: the format version, the data it
    /// sees (its private set and X_pub), the image shape and |C|, its effort and seed, the
    /// BLAS thread count and the OpenBLAS kernel (each kernel sums in its own order, so the
    /// same training gives other bits on another kernel).
    func bankKey(_ effort: WorkerEffort, worker: Int, data: FederationData) -> String {
        BankKey.digest(of: [
            .text("serumcheck-bank-v2"), .text("blas-kernel " + (BLASCoreType.active ?? "unknown")),
            .text(data.privateDigests[worker]), .text(data.publicDigest),
            .integers([data.height, data.width, data.classes]),
            .text(effort.architecture.rawValue),
            .integers([effort.epochs, effort.batchSize, threads]),
            .text(String(effort.targetAccuracy.bitPattern, radix: 16)),
            .text(String(effort.seed, radix: 16)),
        ])
    }

    /// A training worker after local training: from the bank when an entry exists, trained
    /// (and stored) otherwise.
    func trainedWorker(_ worker: Int, data: FederationData,
                       onEvent: @escaping (SimulationEvent) -> Void) -> Worker {
        let effort = plan.effort(of: worker)
        let key = bankKey(effort, worker: worker, data: data)
        var state = Worker()
        state.effort = effort
        let network = WorkerTraining.network(effort.architecture, height: data.height, width: data.width,
                                             classes: data.classes, seed: 0)
        switch bank?.load(key: key) {
        case .success(let entry?) where entry.predictions.samples == data.publicCount
            && network.load(flatParameters: entry.parameters):
            state.network = network
            state.predictions = entry.predictions
            state.epochs = entry.epochs
            state.fromBank = true
        case .failure(let error):
            onEvent(.bankWarning("\(error); training again"))
            fallthrough
        default:
            let outcome = WorkerTraining.train(
                effort: effort, pixels: data.privatePixels[worker], labels: data.privateLabels[worker],
                height: data.height, width: data.width, classes: data.classes,
                progress: { onEvent(.training(worker: worker, progress: $0)) })
            state.network = outcome.network
            state.epochs = outcome.epochs
            state.predictions = WorkerTraining.predictions(
                of: outcome.network, publicPixels: data.publicPixels, count: data.publicCount,
                localAccuracy: outcome.localAccuracy)
            if let bank {
                let entry = PredictionBank.Entry(epochs: outcome.epochs, parameters: outcome.network.flatParameters,
                                                 predictions: state.predictions!)
                do { try bank.store(entry, key: key) } catch {
                    onEvent(.bankWarning("cannot store \(bank.url(of: key).path): \(error.localizedDescription)"))
                }
            }
        }
        let trainedNetwork = state.network!
        state.localAccuracyAtStart = state.predictions?.accuracy
        state.digest = trainedNetwork.weightDigest.description
        state.accuracyBefore = trainedNetwork.accuracy(pixels: data.testPixels, labels: data.testLabels)
        onEvent(.trained(worker: worker, epochs: state.epochs, localAccuracy: state.localAccuracyAtStart ?? 0,
                         testAccuracy: state.accuracyBefore!, fromBank: state.fromBank))
        return state
    }

    /// Distils a worker's network on the public samples that received an aggregated label
    /// (KL divergence to the one-hot Y_aggr, a fresh Adam at lr 0.001, shuffled by stream
    /// `1 + round` of the worker's seed), then refreshes its local accuracy and predictions.
    ///
    /// - Returns: Its test accuracy after distillation.
    func distil(_ state: inout Worker, worker: Int, round: Int, labels: [Int], data: FederationData,
                onEvent: @escaping (SimulationEvent) -> Void) -> Double {
        guard let network = state.network, let effort = state.effort else { preconditionFailure("no model") }
        let kept = labels.indices.filter { labels[$0] >= 0 }
        let epochs = plan.simulation.training.distillationEpochs
        if !kept.isEmpty && epochs > 0 {
            let features = data.features
            var pixels: [Float] = []
            pixels.reserveCapacity(kept.count * features)
            for j in kept { pixels.append(contentsOf: data.publicPixels[j * features ..< (j + 1) * features]) }
            var generator = SplitMix64(seed: effort.seed, stream: 1 + UInt64(round))
            Trainer(network: network).distill(
                pixels: pixels, targets: KLDivergence.oneHot(kept.map { labels[$0] }, classes: data.classes),
                epochs: epochs, batchSize: effort.batchSize, seed: generator.next(),
                progress: { onEvent(.distilling(worker: worker, round: round, progress: $0)) })
        }
        let local = network.accuracy(pixels: data.privatePixels[worker], labels: data.privateLabels[worker])
        state.predictions = WorkerTraining.predictions(of: network, publicPixels: data.publicPixels,
                                                       count: data.publicCount, localAccuracy: local)
        let accuracy = network.accuracy(pixels: data.testPixels, labels: data.testLabels)
        onEvent(.distilled(worker: worker, round: round, testAccuracy: accuracy))
        return accuracy
    }
}
