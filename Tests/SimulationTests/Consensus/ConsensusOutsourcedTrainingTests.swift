import Adversary
import Learning
import Ledger
import Testing

@testable import Simulation

/// Instantiation (2) of Lu, Tang and Wang, section V: outsourced training with every coin
/// drawn from r, each worker committing the weight digest of what it trained.
///
/// Expected payouts (section VI clauses, d = 1000, r = 900, n = 3): agreement pays each
/// d + r/3 = 1000 + 300 = 1300; one differing digest makes all three get d/2 = 500 (slashed
/// 3 * 500 = 1500, r = 900 back to the requester).
@Suite("Consensus outsourced training") struct ConsensusOutsourcedTrainingTests {
    typealias F = ConsensusFixture

    /// Softmax regression, 3 epochs, batches of 32, on test images 1000 ..< 1300.
    static func task(_ data: LabelledImages, coin: Hash32 = F.coin) -> OutsourcedTraining {
        OutsourcedTraining(
            data: data, trainingIndices: Array(1000 ..< 1300), architecture: .softmaxRegression,
            epochs: 3, batchSize: 32, coin: coin)
    }

    /// The seeds are the first big-endian words of h(r || 0) and h(r || 1).
    @Test func seedsComeFromTheCoin() throws {
        let task = try Self.task(F.testSet())
        let initialisation = F.word(Keccak256.hash(F.coin.bytes + F.uint256(0)).bytes, 0)
        let shuffling = F.word(Keccak256.hash(F.coin.bytes + F.uint256(1)).bytes, 0)
        #expect(task.recipe.initialisationSeed == initialisation)
        #expect(task.recipe.shufflingSeed == shuffling)
        #expect(initialisation == 0x506f_ecd3_8240_3ae0 && shuffling == 0x0977_641d_6d2d_0fd5)
    }

    /// Two honest trainings from scratch give identical weights; they equal a training run
    /// assembled here from `Architectures` and `Trainer` with the coin's seeds; every
    /// deviation (fewer epochs, another architecture, own seeds, another coin) differs.
    @Test func honestDigestsAgreeAndDeviationsDiffer() throws {
        let data = try F.testSet()
        let task = Self.task(data)
        let first = task.honestModel(), second = task.honestModel()
        #expect(first.flatParameters == second.flatParameters)
        #expect(first.weightDigest == second.weightDigest)

        BLAS.setThreads(1)
        let features = data.rows * data.columns
        let byHand = Architectures.softmaxRegression(
            inputs: features, classes: 10, seed: 0x506f_ecd3_8240_3ae0)
        Trainer(network: byHand).train(
            pixels: Array(data.pixels[1000 * features ..< 1300 * features]),
            labels: data.labels[1000 ..< 1300].map(Int.init), epochs: 3, batchSize: 32,
            seed: 0x0977_641d_6d2d_0fd5)
        #expect(byHand.weightDigest == first.weightDigest)
        let untrained = Architectures.softmaxRegression(inputs: features, classes: 10, seed: 0x506f_ecd3_8240_3ae0)
        #expect(untrained.weightDigest != first.weightDigest)

        let honest = ConsensusAction.reveal(first.weightDigest.bytes)
        #expect(HonestTrainer().action(for: task) == honest)
        let deviations: [any ConsensusWorker<OutsourcedTraining>] = [
            TrainsFewerEpochs(epochs: 2),
            TrainsOtherArchitecture(architecture: .mlp(hidden: [8])),
            TrainsWithOwnSeed(initialisationSeed: 1, shufflingSeed: 2),
        ]
        var digests: Set<[UInt8]> = [first.weightDigest.bytes]
        for worker in deviations {
            let action = worker.action(for: task)
            #expect(action != honest, "\(worker.name)")
            if let result = action.committedResult { digests.insert(result) }
        }
        digests.insert(Self.task(data, coin: F.otherCoin).honestResult().bytes)
        #expect(digests.count == 5)
    }

    /// Three honest trainers agree and each gets d + r/3 = 1300.
    @Test func honestTrainersShareTheReward() throws {
        let task = try Self.task(F.testSet())
        let outcome = try task.run(
            [HonestTrainer(), HonestTrainer(), HonestTrainer()], deposit: F.deposit, reward: F.reward)
        #expect(outcome.payouts == [1300, 1300, 1300])
        #expect(outcome.record.requesterRefund == 0 && outcome.record.slashedAmount == 0)
        #expect(outcome.contract.checkInvariants().isEmpty)
    }

    /// Two honest trainers and one that trains 2 of 3 epochs: the digests differ, so all three
    /// get d/2 = 500, 1500 is slashed and r = 900 goes back to the requester.
    @Test func fewerEpochsBreaksConsensus() throws {
        let task = try Self.task(F.testSet())
        let outcome = try task.run(
            [HonestTrainer(), TrainsFewerEpochs(epochs: 2), HonestTrainer()],
            deposit: F.deposit, reward: F.reward)
        #expect(outcome.actions[0] == outcome.actions[2] && outcome.actions[0] != outcome.actions[1])
        #expect(outcome.payouts == [500, 500, 500])
        #expect(outcome.utilities == [-500, -500, -500])
        #expect(outcome.record.slashed.isEmpty && outcome.record.slashedAmount == 1500)
        #expect(outcome.contract.balance(of: outcome.contract.deployer) == 900)
    }

    /// A trainer that pays the deposit and never commits loses d; the honest ones get d/2.
    @Test func nonSubmittingTrainerLosesTheDeposit() throws {
        let task = try Self.task(F.testSet())
        let outcome = try task.run(
            [HonestTrainer(), HonestTrainer(), NonSubmitting()], deposit: F.deposit, reward: F.reward)
        #expect(outcome.payouts == [500, 500, 0])
        #expect(outcome.record.slashed == [ConsensusRound.worker(2)])
        #expect(outcome.record.slashedAmount == 2000)
    }
}
