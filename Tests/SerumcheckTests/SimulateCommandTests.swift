import Foundation
import Testing

/// End-to-end tests of `serumcheck simulate`: the built binary on a small slice of
/// Fashion-MNIST (installed by scripts/setup), its table, JSON, exit codes and bank.
@Suite(.serialized) struct SimulateCommandTests {
    static let smallSpec = """
        name = "small"
        [federation]
        workers = 3
        classes = 10
        accuracy = 0.8
        [mechanism]
        kind = "ptsfd"
        beta = 1.0
        deposit = 1000
        [data]
        alpha = 100.0
        private_size = 200
        public_size = 300
        test_size = 300
        [training]
        architecture = "softmax"
        epochs = 3
        batch_size = 32
        [strategies]
        honest = 0.67
        heuristic = 0.33
        """

    struct Output: Decodable {
        struct Worker: Decodable {
            var worker: Int; var strategy: String; var privateSize: Int; var reports: Int
            var reward: Double; var net: Int; var accuracyBefore: Double?; var accuracyAfter: Double?
            var fromBank: Bool
        }
        struct Timings: Decodable { var total: Double }
        var workers: [Worker]
        var rounds: [Round]
        var timings: Timings
        var command: String
        var dataSeed: UInt64
        struct Round: Decodable { var lambda: Double; var labelled: Int }
    }

    @Test func writesJSONAndReusesTheBank() throws {
        let dir = try scratchDirectory(files: ["small.toml": Self.smallSpec])
        let arguments = ["simulate", "small.toml", "--json", "out.json", "--seed", "4", "--threads", "1", "--bank", "bank"]
        let first = try Serumcheck.run(arguments, in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("worker 0: trained"))
        let output = try JSONDecoder().decode(Output.self, from: Data(contentsOf: dir.appendingPathComponent("out.json")))
        #expect(output.workers.map(\.strategy) == ["honest", "honest", "heuristic"])
        #expect(output.workers.map(\.privateSize) == [200, 200, 200])
        #expect(output.workers.map(\.reports) == [300, 300, 300])
        #expect(output.rounds.count == 1 && output.rounds[0].labelled == 300)
        #expect(output.workers[0].reward > output.workers[2].reward)
        #expect(output.workers[2].accuracyBefore == nil)
        #expect(output.dataSeed == 4)
        #expect(output.command == "serumcheck simulate small.toml --rounds 1 --threads 1 --seed 4")
        #expect(output.timings.total > 0)

        let second = try Serumcheck.run(arguments, in: dir)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("worker 0: from the bank"))
        let again = try JSONDecoder().decode(Output.self, from: Data(contentsOf: dir.appendingPathComponent("out.json")))
        #expect(again.workers.map(\.fromBank) == [true, true, false])
        #expect(again.workers.map(\.net) == output.workers.map(\.net))
        #expect(again.workers.map(\.accuracyAfter) == output.workers.map(\.accuracyAfter))
        // The table is printed with --json too, and --quiet prints nothing at all.
        #expect(second.stdout.contains("honest (2): mean reward"))
        let quiet = try Serumcheck.run(arguments + ["--quiet"], in: dir)
        #expect(quiet.status == 0, "\(quiet.stderr)")
        #expect(quiet.stdout.isEmpty && quiet.stderr.isEmpty, "\(quiet.stdout)\(quiet.stderr)")
    }

    @Test func printsTheTableAndTheComparison() throws {
        let dir = try scratchDirectory(files: ["small.toml": Self.smallSpec])
        let result = try Serumcheck.run(["simulate", "small.toml", "--no-bank", "--rounds", "2"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let header = result.stdout.split(separator: "\n").first { $0.hasPrefix("worker") }
        #expect(header?.split(separator: " ").joined(separator: " ")
            == "worker strategy model private epochs acc before acc after reports reward net units")
        #expect(result.stdout.contains("round 1: lambda 1, 300 of 300 samples aggregated"))
        #expect(result.stdout.contains("honest (2): mean reward"))
        #expect(result.stdout.contains("reproduce: serumcheck simulate small.toml --rounds 2"))
    }

    /// An IDX file of unsigned bytes with the given dimensions, all zero.
    static func idx(_ dimensions: [UInt32]) -> Data {
        var bytes: [UInt8] = [0, 0, 8, UInt8(dimensions.count)]
        for d in dimensions { bytes += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: d >> $0) } }
        return Data(bytes + [UInt8](repeating: 0, count: Int(dimensions.reduce(1, *))))
    }

    /// Data files that do not fit together are named, with their keys.
    @Test func aTimeLimitEndsTheRunWithNothingWritten() throws {
        // The shipped spec trains ten LeNet-5 models: far more than a second in any build.
        let dir = try scratchDirectory(files: [:])
        let spec = repositoryRoot.appendingPathComponent("specs/paper-fashion.toml").path
        let result = try Serumcheck.run(["simulate", spec, "--no-bank", "--time-limit", "1", "--json", "out.json"], in: dir)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.hasSuffix("simulate: the time limit (--time-limit 1 s) was reached before the run finished; nothing was written\n"),
                "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        let zero = try Serumcheck.run(["simulate", spec, "--time-limit", "0"], in: dir)
        #expect(zero.status == 2 && zero.stderr.contains("--time-limit 0.0 is outside (0, 1e9] seconds."), "\(zero.stderr)")
    }

    @Test func mismatchedDataFilesAreNamed() throws {
        func spec(trainLabels: String) -> String {
            Self.smallSpec.replacingOccurrences(of: "[data]", with: """
                [data]
                train_images = "train-img"
                train_labels = "\(trainLabels)"
                test_images = "test-img"
                test_labels = "test-lbl"
                """)
        }
        let dir = try scratchDirectory(files: ["count.toml": spec(trainLabels: "train-lbl3"), "shape.toml": spec(trainLabels: "train-lbl")])
        let files: [(String, [UInt32])] = [
            ("train-img", [4, 2, 2]), ("train-lbl3", [3]), ("train-lbl", [4]), ("test-img", [4, 3, 3]), ("test-lbl", [4]),
        ]
        for (name, dimensions) in files { try Self.idx(dimensions).write(to: dir.appendingPathComponent(name)) }
        let count = try Serumcheck.run(["simulate", "count.toml", "--no-bank"], in: dir)
        #expect(count.status == 2)
        #expect(count.stderr == "error: data: data.train_images: images file 'train-img' holds 4 images but labels file 'train-lbl3' holds 3 labels\n")
        let shape = try Serumcheck.run(["simulate", "shape.toml", "--no-bank"], in: dir)
        #expect(shape.status == 2)
        #expect(shape.stderr == "error: data: data.train_images 'train-img' holds 2x2 images but data.test_images 'test-img' holds 3x3 images\n")
    }

    @Test func refusesBadInputWithoutPartialOutput() throws {
        let missing = Self.smallSpec.replacingOccurrences(
            of: "[data]", with: "[data]\ntrain_images = \"nowhere/train-images.gz\"")
        let dir = try scratchDirectory(files: [
            "small.toml": Self.smallSpec, "missing.toml": missing,
            "plain.toml": "name = \"plain\"\n[federation]\nworkers = 2\nclasses = 2\naccuracy = 0.9\n[mechanism]\nkind = \"ptsfd\"\ndeposit = 10\n",
        ])
        let cases: [([String], String)] = [
            (["simulate", "plain.toml", "--json", "out.json"], "has no [data], [training] or [strategies] table"),
            (["simulate", "missing.toml", "--json", "out.json", "--no-bank"], "nowhere/train-images.gz"),
            (["simulate", "small.toml", "--rounds", "0", "--json", "out.json"], "--rounds 0 is outside 1 ... 1000"),
            (["simulate", "small.toml", "--bank", "b", "--no-bank"], "not both"),
            (["simulate", "absent.toml"], "absent.toml"),
        ]
        for (arguments, message) in cases {
            let result = try Serumcheck.run(arguments, in: dir)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.json").path))
        }
    }
}
