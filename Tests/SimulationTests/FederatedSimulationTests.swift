import Foundation
import Specs
import Testing
@testable import Simulation

/// End to end on a small slice of Fashion-MNIST (installed by scripts/setup): softmax
/// regression, three workers, two rounds.
@Suite("Federated simulation", .serialized)
struct FederatedSimulationTests {
    static let toml = """
        name = "small"
        [federation]
        workers = 3
        classes = 10
        accuracy = 0.8
        [mechanism]
        kind = "ptsfd"
        beta = 1.0
        deposit = 1000
        [contract]
        rounds = 2
        lambda_schedule = [1.0, 0.5]
        [data]
        alpha = 100.0
        private_size = [300, 200, 300]
        public_size = 400
        test_size = 500
        seed = 3
        [training]
        architecture = ["softmax", "mlp", "softmax"]
        epochs = 4
        batch_size = 32
        distillation_epochs = 1
        seed = 3
        [strategies]
        workers = ["honest", "honest", "heuristic"]
        """

    func simulation(bank: PredictionBank? = nil, rounds: Int? = nil) throws -> FederatedSimulation {
        let spec = try Spec.parse(toml: Self.toml, file: "small.toml")
        let plan = try SimulationPlan(spec: spec, file: "small.toml", rounds: rounds)
        return FederatedSimulation(plan: plan, file: "small.toml", bank: bank, threads: 1, command: "test")
    }

    /// A result with its wall-clock times zeroed, for comparisons.
    func untimed(_ result: SimulationResult) -> SimulationResult {
        var copy = result
        copy.timings = .init(loading: 0, training: 0, rounds: 0, total: 0)
        for k in copy.rounds.indices { copy.rounds[k].seconds = 0 }
        return copy
    }

    @Test("the whole round runs: sizes, reports, settlement and distillation are consistent")
    func endToEnd() throws {
        var events: [String] = []
        let result = try simulation().run { event in
            if case .settled(let round, _, _) = event { events.append("settled \(round)") }
            if case .trained(let worker, _, _, _, _) = event { events.append("trained \(worker)") }
        }
        #expect(events == ["trained 0", "trained 1", "settled 0", "settled 1"])
        #expect(result.workers.map(\.privateSize) == [300, 200, 300])
        #expect(result.workers.map(\.strategy) == ["honest", "honest", "heuristic"])
        #expect(result.workers.map(\.architecture) == ["softmax", "mlp", nil])
        #expect(result.publicSamples == 400 && result.testSamples == 500)
        // Threshold 0: everyone reports every public sample in both rounds.
        #expect(result.workers.map(\.reports) == [800, 800, 800])
        #expect(result.rounds.map(\.lambda) == [1, 0.5])
        for round in result.rounds {
            #expect(round.labelled == 400)
            #expect(round.aggregatedAccuracy > 0.3)
            #expect(round.accuracyAfter[2] == nil && round.accuracyAfter[0] != nil)
        }
        // Trained honest workers beat a worker reporting uniform noise.
        #expect(result.workers[0].reward > result.workers[2].reward)
        #expect(result.workers[1].reward > result.workers[2].reward)
        #expect(result.workers[0].net > result.workers[2].net)
        // Net units sum to minus what the contract kept (balanced payout: residue only).
        #expect(result.workers.map(\.net).reduce(0, +) <= 0)
        #expect(result.workers[0].weightDigest != nil && result.workers[2].weightDigest == nil)
        #expect(result.workers[0].accuracyBefore! > 0.4)
    }

    @Test("a seed and thread count reproduce the run bit for bit; the bank returns the same models")
    func determinismAndBank() throws {
        let first = try simulation(rounds: 1).run()
        let second = try simulation(rounds: 1).run()
        #expect(untimed(first) == untimed(second))

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bank-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let bank = PredictionBank(directory: directory)
        let stored = try simulation(bank: bank, rounds: 1).run()
        let reused = try simulation(bank: bank, rounds: 1).run()
        #expect(stored.workers.map(\.fromBank) == [false, false, false])
        #expect(reused.workers.map(\.fromBank) == [true, true, false])
        var expected = untimed(stored)
        expected.workers = expected.workers.map { var w = $0; w.fromBank = w.architecture != nil; return w }
        #expect(untimed(reused) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).count == 2)
        #expect(stored.workers[0].weightDigest == first.workers[0].weightDigest)
    }
}
