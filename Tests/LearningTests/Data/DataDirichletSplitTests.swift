import Testing

@testable import Learning

@Suite struct DataDirichletSplitTests {
    /// 6000 samples, 600 in each of 10 classes.
    let labels = (0 ..< 6000).map { UInt8($0 % 10) }

    func checkPartition(_ split: DataSplit, count: Int, workers: Int, publicCount: Int) {
        #expect(split.publicIndices.count == publicCount)
        #expect(split.workerIndices.count == workers)
        let all = split.publicIndices + split.workerIndices.flatMap { $0 }
        #expect(all.count == count, "sets overlap or miss indices")
        #expect(all.sorted() == Array(0 ..< count))
        for set in [split.publicIndices] + split.workerIndices { #expect(set == set.sorted()) }
    }

    /// The mean, over workers with samples, of the largest class's share of the worker's set.
    func meanMaxShare(_ split: DataSplit) -> Double {
        let shares = split.workerIndices.filter { !$0.isEmpty }.map { indices -> Double in
            var counts = [Int](repeating: 0, count: 10)
            for index in indices { counts[Int(labels[index])] += 1 }
            return Double(counts.max()!) / Double(indices.count)
        }
        return shares.reduce(0, +) / Double(shares.count)
    }

    @Test(arguments: [0.1, 1.0, 100.0])
    func partitionsAllIndices(alpha: Double) throws {
        for seed in UInt64(0) ..< 10 {
            let split = try DirichletSplit(workers: 10, alpha: alpha, publicCount: 500)
                .split(labels: labels, classes: 10, seed: seed)
            checkPartition(split, count: 6000, workers: 10, publicCount: 500)
            #expect(split.workerIndices.allSatisfy { !$0.isEmpty }, "alpha \(alpha) seed \(seed)")
        }
    }

    @Test func deterministicUnderSeed() throws {
        let splitter = DirichletSplit(workers: 7, alpha: 0.5, publicCount: 300)
        let first = try splitter.split(labels: labels, classes: 10, seed: 99)
        #expect(try splitter.split(labels: labels, classes: 10, seed: 99) == first)
        let other = try splitter.split(labels: labels, classes: 10, seed: 100)
        #expect(other.publicIndices != first.publicIndices)
        #expect(other.workerIndices != first.workerIndices)
    }

    /// Dir(100) gives each worker nearly 1/10 of each class (max share near 0.1 plus noise);
    /// Dir(0.1) puts most of a worker's set in one or two classes.
    @Test func alphaControlsConcentration() throws {
        var means: [Double: Double] = [:]
        for alpha in [0.1, 1.0, 100.0] {
            var total = 0.0
            for seed in UInt64(0) ..< 5 {
                total += meanMaxShare(try DirichletSplit(workers: 10, alpha: alpha, publicCount: 0)
                    .split(labels: labels, classes: 10, seed: seed))
            }
            means[alpha] = total / 5
        }
        #expect(means[100]! < 0.2, "\(means)")
        #expect(means[0.1]! > 0.5, "\(means)")
        #expect(means[100]! < means[1]! && means[1]! < means[0.1]!, "\(means)")
    }

    @Test func maximumBitesButEverySampleIsAssigned() throws {
        for seed in UInt64(0) ..< 10 {
            let exact = try DirichletSplit(workers: 10, alpha: 0.1, publicCount: 0, maxPerWorker: 600)
                .split(labels: labels, classes: 10, seed: seed)
            checkPartition(exact, count: 6000, workers: 10, publicCount: 0)
            #expect(exact.workerIndices.allSatisfy { $0.count == 600 }, "seed \(seed)")
            let loose = try DirichletSplit(workers: 10, alpha: 0.1, publicCount: 1000, maxPerWorker: 700)
                .split(labels: labels, classes: 10, seed: seed)
            checkPartition(loose, count: 6000, workers: 10, publicCount: 1000)
            #expect(loose.workerIndices.allSatisfy { $0.count <= 700 }, "seed \(seed)")
        }
    }

    @Test func minimumIsMetOrReported() throws {
        let split = try DirichletSplit(workers: 10, alpha: 0.1, publicCount: 0, minPerWorker: 100)
            .split(labels: labels, classes: 10, seed: 1)
        #expect(split.workerIndices.allSatisfy { $0.count >= 100 })
        #expect(throws: DirichletSplitError.minimumNotMet(minPerWorker: 599, attempts: 3)) {
            try DirichletSplit(workers: 10, alpha: 0.1, publicCount: 0, minPerWorker: 599, maxAttempts: 3)
                .split(labels: labels, classes: 10, seed: 1)
        }
    }

    @Test func refusesBadParameters() {
        let infeasible = DirichletSplitError.infeasible(samples: 6000, workers: 10, minPerWorker: 1, maxPerWorker: 599)
        #expect(throws: infeasible) {
            try DirichletSplit(workers: 10, alpha: 1, publicCount: 0, maxPerWorker: 599).split(labels: labels, classes: 10, seed: 0)
        }
        #expect(throws: DirichletSplitError.infeasible(samples: 5, workers: 10, minPerWorker: 1, maxPerWorker: nil)) {
            try DirichletSplit(workers: 10, alpha: 1, publicCount: 5995).split(labels: labels, classes: 10, seed: 0)
        }
        let bad: [DirichletSplit] = [
            DirichletSplit(workers: 0, alpha: 1, publicCount: 0),
            DirichletSplit(workers: 2, alpha: 0, publicCount: 0),
            DirichletSplit(workers: 2, alpha: .nan, publicCount: 0),
            DirichletSplit(workers: 2, alpha: 1, publicCount: 6001),
            DirichletSplit(workers: 2, alpha: 1, publicCount: -1),
            DirichletSplit(workers: 2, alpha: 1, publicCount: 0, minPerWorker: 5, maxPerWorker: 4),
            DirichletSplit(workers: 2, alpha: 1, publicCount: 0, maxAttempts: 0),
        ]
        for splitter in bad {
            #expect {
                try splitter.split(labels: labels, classes: 10, seed: 0)
            } throws: { error in
                if case .invalidParameter = error as? DirichletSplitError { return true } else { return false }
            }
        }
        #expect {
            try DirichletSplit(workers: 2, alpha: 1, publicCount: 0).split(labels: labels, classes: 9, seed: 0)
        } throws: { error in
            if case .invalidParameter = error as? DirichletSplitError { return true } else { return false }
        }
    }

    @Test func allocationRespectsRoom() {
        let counts = DirichletSplit._allocate(10, proportions: [0.9, 0.1, 0], room: [3, 0, 20])
        #expect(counts == [3, 0, 7])
        #expect(DirichletSplit._allocate(10, proportions: [0.25, 0.25, 0.5], room: nil) == [2, 3, 5])
    }
}
