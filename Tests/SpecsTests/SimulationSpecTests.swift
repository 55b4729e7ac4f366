import Adversary
import Specs
import Testing

/// The simulation of `ptsfd(federation:extra:)`, parsed as `x.toml`.
private func simulation(
    _ extra: String, federation: String = "workers = 4\nclasses = 3\naccuracy = 0.8"
) throws -> Spec.Simulation? {
    try Spec.parse(toml: ptsfd(federation: federation, extra: extra), file: "x.toml").simulation
}

/// A federation of `n` workers and 10 classes.
private func federation(_ n: Int) -> String { "workers = \(n)\nclasses = 10\naccuracy = 0.8" }

/// One `[strategies]` table of fractions and the counts (honest, heuristic, colluding) it gives.
struct FractionCase: Sendable, CustomTestStringConvertible {
    var workers: Int
    var table: String
    var counts: [Int]
    var testDescription: String { "n = \(workers), \(table.split(separator: "\n").joined(separator: ", "))" }
}

@Suite("[data], [training] and [strategies]")
struct SimulationSpecTests {
    @Test func aSpecWithoutTheTablesHasNoSimulation() throws {
        #expect(try simulation("") == nil)
        let spec = try Spec.parse(
            toml: ptsfd(federation: "workers = 3", mechanism: "kind = \"consensus\"\ndeposit = 10"),
            file: "x.toml")
        #expect(spec.simulation == nil)
    }

    @Test(arguments: ["[data]", "[training]", "[strategies]"])
    func anyOneTableMakesASimulationWithDefaults(_ table: String) throws {
        #expect(try simulation(table) == Spec.Simulation(workers: 4, classes: 3))
    }

    @Test func emptyTablesTakeTheDocumentedDefaults() throws {
        let s = try #require(try simulation("[data]\n[training]\n[strategies]"))
        let dir = "/usr/share/datasets/fashion-mnist"
        #expect(s.data.trainImages == "\(dir)/train-images-idx3-ubyte.gz")
        #expect(s.data.trainLabels == "\(dir)/train-labels-idx1-ubyte.gz")
        #expect(s.data.testImages == "\(dir)/t10k-images-idx3-ubyte.gz")
        #expect(s.data.testLabels == "\(dir)/t10k-labels-idx1-ubyte.gz")
        #expect(s.data.alpha == 1)
        #expect(s.data.privateSizes == [1000, 1000, 1000, 1000])
        #expect(s.data.publicSize == 2000)
        #expect(s.data.testSize == nil)
        #expect(s.data.seed == 0)
        #expect(s.training.architectures == [.lenet5, .lenet5, .lenet5, .lenet5])
        #expect(s.training.epochs == [1, 1, 1, 1])
        #expect(s.training.targetAccuracy == [1, 1, 1, 1])
        #expect(s.training.batchSize == 64)
        #expect(s.training.certaintyThreshold == 0)
        #expect(s.training.distillationEpochs == 1)
        #expect(s.training.seed == 0)
        #expect(s.strategies.assignment == ["honest", "honest", "honest", "honest"])
        let third: Double = 1.0 / 3
        #expect(s.strategies.parameters.heuristicLabels == [third, third, third])
        #expect(s.strategies.parameters.collusionMap == [0, 0, 2])
    }

    @Test func singleValuesAreBroadcastToEveryWorker() throws {
        let s = try #require(try simulation("""
            [data]
            private_size = 500
            [training]
            architecture = "mlp"
            epochs = 3
            target_accuracy = 0.9
            """))
        #expect(s.data.privateSizes == [500, 500, 500, 500])
        #expect(s.training.architectures == [.mlp, .mlp, .mlp, .mlp])
        #expect(s.training.epochs == [3, 3, 3, 3])
        #expect(s.training.targetAccuracy == [0.9, 0.9, 0.9, 0.9])
    }

    @Test func perWorkerArraysAreKeptInWorkerOrder() throws {
        let s = try #require(try simulation("""
            [data]
            private_size = [10, 20, 30, 40]
            [training]
            architecture = ["softmax", "mlp", "lenet5", "mlp"]
            epochs = [0, 1, 2, 1000]
            target_accuracy = [0, 0.5, 1, 0.75]
            """))
        #expect(s.data.privateSizes == [10, 20, 30, 40])
        #expect(s.training.architectures == [.softmax, .mlp, .lenet5, .mlp])
        #expect(s.training.epochs == [0, 1, 2, 1000])
        #expect(s.training.targetAccuracy == [0, 0.5, 1, 0.75])
    }

    @Test func everyKeyIsRead() throws {
        let s = try #require(try simulation("""
            [data]
            train_images = "a/ti.gz"
            train_labels = "a/tl.gz"
            test_images = "a/si"
            test_labels = "a/sl"
            alpha = 0.1
            private_size = 7
            public_size = 300
            test_size = 100
            seed = 42
            [training]
            architecture = "softmax"
            epochs = 0
            target_accuracy = 1
            batch_size = 65536
            certainty_threshold = 0.5
            distillation_epochs = 0
            seed = 9223372036854775807
            [strategies]
            workers = ["honest", "colluding", "heuristic", "honest"]
            heuristic_labels = [0.5, 0.25, 0.25]
            collusion_map = [2, 2, 0]
            misreport_map = [2, 0, 1]
            certainty_threshold = 0.75
            padding_rate = 0.5
            padding_random = true
            sybil_identities = 3
            copy_target = 3
            label_count_lie = "lower-others"
            out_of_protocol_move = "wrong-deposit"
            """))
        #expect(s.data == Spec.Simulation.Data(
            trainImages: "a/ti.gz", trainLabels: "a/tl.gz", testImages: "a/si", testLabels: "a/sl",
            alpha: 0.1, privateSizes: [7, 7, 7, 7], publicSize: 300, testSize: 100, seed: 42))
        #expect(s.training == Spec.Simulation.Training(
            architectures: [.softmax, .softmax, .softmax, .softmax], epochs: [0, 0, 0, 0],
            targetAccuracy: [1, 1, 1, 1], batchSize: 65536, certaintyThreshold: 0.5,
            distillationEpochs: 0, seed: UInt64(Int64.max)))
        #expect(s.strategies == Spec.Simulation.Strategies(
            assignment: ["honest", "colluding", "heuristic", "honest"],
            heuristicLabels: .distribution([0.5, 0.25, 0.25]), collusionMap: [2, 2, 0], misreportMap: [2, 0, 1],
            certaintyThreshold: 0.75, paddingRate: 0.5, paddingRandom: true, sybilIdentities: 3, copyTarget: 3,
            labelCountLie: .lowerOthers, outOfProtocolMove: .wrongDeposit))
    }

    @Test func thePaperCollusionMapMergesTheHalves() throws {
        typealias S = Spec.Simulation.Strategies
        #expect(S.paperCollusionMap(classes: 10) == [0, 0, 0, 0, 0, 9, 9, 9, 9, 9])
        #expect(S.paperCollusionMap(classes: 3) == [0, 0, 2])
        #expect(S.paperCollusionMap(classes: 2) == [0, 1])
        let s = try #require(try simulation("[strategies]", federation: federation(10)))
        #expect(s.strategies.parameters.collusionMap == [0, 0, 0, 0, 0, 9, 9, 9, 9, 9])
    }

    // Hand-computed largest remainders: quota n * f, floors first, then one each to the
    // largest remainders, ties to the earlier kind (honest, heuristic, colluding).
    static let fractionCases: [FractionCase] = [
        // 7.5 and 2.5: floors 7 and 2; the one left goes to honest on the tie.
        FractionCase(workers: 10, table: "honest = 0.75\nheuristic = 0.25", counts: [8, 2, 0]),
        FractionCase(workers: 10, table: "honest = 0.8\nheuristic = 0.2", counts: [8, 2, 0]),
        // 3.5, 1.75, 1.75: floors 3, 1, 1; two left go to the remainders 0.75.
        FractionCase(workers: 7, table: "honest = 0.5\nheuristic = 0.25\ncolluding = 0.25", counts: [3, 2, 2]),
        // 1.5, 0, 1.5: floors 1, 0, 1; the one left goes to honest on the tie.
        FractionCase(workers: 3, table: "honest = 0.5\ncolluding = 0.5", counts: [2, 0, 1]),
        // 1.2, 1.2, 1.6: floors 1, 1, 1; the one left goes to colluding (0.6).
        FractionCase(workers: 4, table: "honest = 0.3\nheuristic = 0.3\ncolluding = 0.4", counts: [1, 1, 2]),
        // Thirds written out: remainders within 1e-9 tie, so the two left go to the earlier kinds.
        FractionCase(
            workers: 5, table: "honest = 0.3333333333\nheuristic = 0.3333333333\ncolluding = 0.3333333334",
            counts: [2, 2, 1]),
        FractionCase(workers: 4, table: "colluding = 1", counts: [0, 0, 4]),
        FractionCase(workers: 4, table: "honest = 1\nheuristic = 0\ncolluding = 0", counts: [4, 0, 0]),
    ]

    @Test(arguments: fractionCases)
    func fractionsBecomeCountsByLargestRemainder(_ c: FractionCase) throws {
        let s = try #require(
            try simulation("[strategies]\n\(c.table)", federation: federation(c.workers)))
        let expected = zip(StrategyCatalog.standard.names, c.counts).flatMap { kind, count in
            [String](repeating: kind, count: count)
        }
        #expect(s.strategies.assignment == expected)
    }

    @Test func countsAlwaysSumToTheWorkersAndStayWithinOneOfTheQuota() {
        typealias S = Spec.Simulation.Strategies
        #expect(S.counts(fractions: [0.75, 0.25, 0], workers: 10) == [8, 2, 0])
        #expect(S.counts(fractions: [0.2, 0.3, 0.5], workers: 0) == [0, 0, 0])
        #expect(S.counts(fractions: [1, 1, 1], workers: 4) == [2, 1, 1])
        for n in 0 ... 60 {
            for fractions in [[0.1, 0.2, 0.7], [0.05, 0.9, 0.05], [1.0 / 3, 1.0 / 3, 1.0 / 3], [0.001, 0, 0.999]] {
                let counts = S.counts(fractions: fractions, workers: n)
                #expect(counts.reduce(0, +) == n, "n = \(n), fractions \(fractions)")
                for (count, f) in zip(counts, fractions) {
                    #expect(abs(Double(count) - f * Double(n)) < 1, "n = \(n), fractions \(fractions)")
                }
            }
        }
        #expect(S.assignment(fractions: [0.5, 0, 0.5], workers: 3, names: ["honest", "heuristic", "colluding"])
            == ["honest", "honest", "colluding"])
    }

    @Test func noStrategiesMeansEveryWorkerIsHonest() throws {
        let s = try #require(try simulation("[strategies]\nheuristic_labels = \"uniform\""))
        #expect(s.strategies.assignment == ["honest", "honest", "honest", "honest"])
    }

    @Test func defaultsInCodeMatchTheEmptyTables() throws {
        let d = Spec.Simulation.Data(workers: 2)
        #expect(d.privateSizes == [1000, 1000] && d.publicSize == 2000 && d.testSize == nil)
        #expect(Spec.Simulation.Training(workers: 2).architectures == [.lenet5, .lenet5])
        #expect(Spec.Simulation.Strategies(workers: 2, classes: 4).parameters.collusionMap == [0, 0, 3, 3])
        // The attack parameters default as in StrategyParameters (one source of truth).
        let strategies = Spec.Simulation.Strategies(workers: 2, classes: 4)
        let parameters = StrategyParameters(classes: 4, heuristicLabels: [], collusionMap: [])
        #expect(strategies.parameters.misreportMap == [1, 2, 3, 0] && strategies.parameters.misreportMap == parameters.misreportMap)
        #expect(strategies.parameters.certaintyThreshold == parameters.certaintyThreshold)
        #expect(strategies.parameters.paddingRate == parameters.paddingRate && strategies.parameters.paddingRandom == parameters.paddingRandom)
        #expect(strategies.parameters.sybilIdentities == parameters.sybilIdentities && strategies.parameters.copyTarget == parameters.copyTarget)
        #expect(strategies.parameters.labelCountLie == parameters.labelCountLie)
        #expect(strategies.parameters.outOfProtocolMove == parameters.outOfProtocolMove)
    }

    @Test func programmaticSimulationsAreValidated() {
        var spec = Spec(
            name: "p", federation: .init(workers: 3, classes: 2, accuracy: .all(.value(1))),
            mechanism: .init(kind: .ptsfd, deposit: 1),
            simulation: Spec.Simulation(workers: 3, classes: 2))
        #expect(throws: Never.self) { try spec.validate(file: "code") }
        for (change, key, reason): ((inout Spec.Simulation) -> Void, String, String) in [
            ({ $0.data.privateSizes[1] = 0 }, "data.private_size[1]", "0 is out of range (>= 1)"),
            ({ $0.data.privateSizes = [1] }, "data.private_size", "has 1 entries, but federation.workers is 3"),
            ({ $0.data.trainLabels = "" }, "data.train_labels", "must not be empty"),
            ({ $0.data.alpha = .nan }, "data.alpha", "not a finite number"),
            ({ $0.data.seed = .max }, "data.seed", "out of range (0 ... 9223372036854775807)"),
            ({ $0.training.architectures = [.mlp] }, "training.architecture", "has 1 entries"),
            ({ $0.training.epochs[2] = 1001 }, "training.epochs[2]", "1001 is out of range (0 ... 1000)"),
            ({ $0.training.targetAccuracy[0] = 2 }, "training.target_accuracy[0]", "2 is out of range (0 ... 1)"),
            ({ $0.training.seed = .max }, "training.seed", "out of range"),
            ({ $0.strategies.assignment[2] = "lazy" }, "strategies.workers[2]", "unknown strategy \"lazy\""),
            ({ $0.strategies.parameters.heuristicLabels = [1] }, "strategies.heuristic_labels",
             "has 1 probabilities, but federation.classes is 2"),
            ({ $0.strategies.parameters.collusionMap = [0, 2] }, "strategies.collusion_map[1]", "2 is out of range (0 ... 1)"),
        ] {
            var bad = spec
            change(&bad.simulation!)
            let error = refusal { () throws(SpecError) in try bad.validate(file: "code") }
            #expect(error?.key == key, "\(String(describing: error))")
            #expect(error?.reason.contains(reason) == true, "\(String(describing: error))")
        }
        spec.mechanism.kind = .consensus
        let error = refusal { () throws(SpecError) in try spec.validate(file: "code") }
        #expect(error?.key == "data")
        #expect(error?.reason.contains("simulate runs PTSFD specs only") == true)
    }
}
