import Adversary
import Foundation
import Learning
import Ledger
import Mechanisms
import Specs

/// The round of Witt et al. end to end with real models (sections 2.2, 4 and 5): local
/// training on private non-iid data, 1-bit predictions on X_pub reported through each
/// worker's strategy, commit and reveal through the contract (carrying out each strategy's
/// `ProtocolConduct`), settlement, and distillation on
/// (X_pub, Y_aggr) for the spec's epochs, for every round of the lambda schedule.
public struct FederatedSimulation {
    /// The resolved spec.
    public let plan: SimulationPlan
    /// The spec's path (for messages and the result).
    public let file: String
    /// Where trained models are cached, or `nil` to always train.
    public var bank: PredictionBank?
    /// OpenBLAS threads (part of every bank key: results are bit-identical per thread count).
    public var threads: Int
    /// The command line that reproduces the run (recorded in the result).
    public var command: String

    /// A simulation of `plan`.
    public init(plan: SimulationPlan, file: String, bank: PredictionBank?, threads: Int, command: String) {
        self.plan = plan
        self.file = file
        self.bank = bank
        self.threads = threads
        self.command = command
    }

    /// A worker's model and what it currently predicts.
    struct Worker {
        var network: Sequential?
        var predictions: LocalPredictions?
        var epochs = 0
        var accuracyBefore: Double?
        var digest: String?
        var fromBank = false
        var localAccuracyAtStart: Double?
        var effort: WorkerEffort?
    }

    /// Runs the simulation, calling `onEvent` as it goes.
    ///
    /// - Throws: ``SimulationError`` for data that cannot be loaded or split, or a contract
    ///   refusal.
    public func run(onEvent: @escaping (SimulationEvent) -> Void = { _ in }) throws(SimulationError) -> SimulationResult {
        let clock = ContinuousClock()
        let started = clock.now
        BLAS.setThreads(threads)
        let spec = plan.spec, simulation = plan.simulation
        let n = spec.federation.workers, classes = spec.federation.classes
        let data = try FederationData(data: simulation.data, workers: n, classes: classes)
        try data.checkImageSize(
            training: simulation.training, images: simulation.data.trainImages,
            workers: (0..<n).filter { plan.strategies[$0].trainsModel && plan.modelOwner[$0] == $0 }, file: file)
        onEvent(.loaded(workers: n, publicSamples: data.publicCount, testSamples: data.testLabels.count))
        let loaded = clock.now

        // A sybil seat after the first of its party trains nothing: it reports from the first
        // seat's model (`SimulationPlan.modelOwner`), which alone is distilled.
        var workers = (0..<n).map { worker in
            plan.strategies[worker].trainsModel && plan.modelOwner[worker] == worker
                ? trainedWorker(worker, data: data, onEvent: onEvent) : Worker()
        }
        let trained = clock.now

        var contract = try FederatedContract(
            spec: spec, beta: plan.beta, lambdas: plan.lambdas, samples: data.publicCount,
            saltSeed: simulation.training.seed, publicDataDigest: Hash32(hex: data.publicDigest) ?? .zero)
        var rounds: [SimulationResult.RoundResult] = []
        var totalReports = [Int](repeating: 0, count: n), totalRewards = [Double](repeating: 0, count: n)
        for (round, lambda) in plan.lambdas.enumerated() {
            let roundStart = clock.now
            let reports = (0..<n).map { worker in
                var generator = SplitMix64(seed: simulation.training.seed, stream: UInt64(1 + round) << 32 | UInt64(worker))
                let context = ReportContext(classes: classes, samples: data.publicCount,
                                            certaintyThreshold: simulation.training.certaintyThreshold,
                                            worker: worker, round: round)
                return plan.strategies[worker].report(predictions: workers[plan.modelOwner[worker]].predictions,
                                                      context: context, generator: &generator)
            }
            let record = try contract.play(reports, conduct: plan.strategies.map(\.conduct))
            let labelled = record.labels.filter { $0 >= 0 }.count
            let correct = zip(record.labels, data.publicLabels).filter { $0.0 >= 0 && $0.0 == $0.1 }.count
            let aggregatedAccuracy = labelled == 0 ? 0 : Double(correct) / Double(labelled)
            onEvent(.settled(round: round, labelled: labelled, aggregatedAccuracy: aggregatedAccuracy))
            var rewards = [Double](repeating: 0, count: n), payouts = [Int](repeating: 0, count: n)
            for (k, address) in record.workers.enumerated() {
                guard let worker = contract.members.firstIndex(of: address) else { continue }
                payouts[worker] = record.payouts[k]
                if k < record.rewards.count { rewards[worker] = record.rewards[k] }
            }
            var accuracyAfter: [Double?] = Array(repeating: nil, count: n)
            for worker in 0..<n where workers[worker].network != nil {
                let accuracy = distil(&workers[worker], worker: worker, round: round, labels: record.labels,
                                      data: data, onEvent: onEvent)
                accuracyAfter[worker] = accuracy
            }
            for worker in 0..<n {
                totalReports[worker] += reports[worker].reports
                totalRewards[worker] += rewards[worker]
            }
            rounds.append(SimulationResult.RoundResult(
                round: round, lambda: lambda, labelled: labelled, aggregatedAccuracy: aggregatedAccuracy,
                reports: reports.map(\.reports), rewards: rewards, payouts: payouts,
                slashed: record.slashed.compactMap { contract.members.firstIndex(of: $0) },
                accuracyAfter: accuracyAfter, seconds: seconds(clock.now - roundStart)))
        }
        let finished = clock.now

        let credited = contract.credited
        let workerResults = (0..<n).map { worker in
            let w = workers[worker]
            return SimulationResult.WorkerResult(
                worker: worker, strategy: plan.strategies[worker].name,
                architecture: w.network == nil ? nil : simulation.training.architectures[worker].rawValue,
                privateSize: data.privateLabels[worker].count, epochs: w.epochs,
                localAccuracy: w.localAccuracyAtStart,
                accuracyBefore: w.accuracyBefore, accuracyAfter: rounds.last?.accuracyAfter[worker] ?? nil,
                reports: totalReports[worker], reward: totalRewards[worker],
                net: credited[worker] - contract.paidIn[worker], weightDigest: w.digest, fromBank: w.fromBank)
        }
        return SimulationResult(
            spec: spec.name, specPath: file, command: command, dataSeed: simulation.data.seed,
            trainingSeed: simulation.training.seed, blasThreads: threads, blasCoreType: BLAS.coreType,
            publicSamples: data.publicCount, testSamples: data.testLabels.count,
            workers: workerResults, rounds: rounds,
            timings: .init(loading: seconds(loaded - started), training: seconds(trained - loaded),
                           rounds: seconds(finished - trained), total: seconds(finished - started)))
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
