import Specs
import Testing

/// A consensus spec (3 workers) with `extra` appended.
private func consensus(_ extra: String) -> String {
    ptsfd(federation: "workers = 3", mechanism: "kind = \"consensus\"\ndeposit = 10", extra: extra)
}

/// The base spec has 4 workers and 3 classes.
@Suite("Simulation table refusals name the file, the key and the reason")
struct SimulationSpecRefusalTests {
    static let cases: [Refused] = [
        // the tables themselves
        Refused(toml: "data = 3\n" + ptsfd(), key: "data", reason: "expected a table, found integer 3"),
        Refused(toml: consensus("[data]"), key: "data",
            reason: "[data] needs mechanism.kind = \"ptsfd\", not \"consensus\": simulate runs PTSFD specs only"),
        Refused(toml: consensus("[strategies]\n[training]\nepochs = 2"), key: "training",
            reason: "simulate runs PTSFD specs only"),
        Refused(toml: consensus("[strategies]"), key: "strategies.workers",
            reason: "missing: a consensus spec's [strategies] names one strategy per worker"),
        // [data]
        .extra("[data]\ncolour = 1", "data.colour", "unknown key (expected one of: alpha, private_size, public_size, seed,"),
        .extra("[data]\ntrain_images = \"\"", "data.train_images", "must not be empty"),
        .extra("[data]\ntest_labels = \"\"", "data.test_labels", "must not be empty"),
        .extra("[data]\ntrain_labels = 3", "data.train_labels", "expected a string, found integer 3"),
        .extra("[data]\nalpha = 0", "data.alpha", "0 is out of range (> 0)"),
        .extra("[data]\nalpha = -1.5", "data.alpha", "-1.5 is out of range (> 0)"),
        .extra("[data]\nalpha = inf", "data.alpha", "inf is not a finite number"),
        .extra("[data]\nalpha = \"1\"", "data.alpha", "expected a number, found string \"1\""),
        .extra("[data]\nprivate_size = 0", "data.private_size", "0 is out of range (>= 1)"),
        .extra("[data]\nprivate_size = [1, 2, 0, 4]", "data.private_size[2]", "0 is out of range (>= 1)"),
        .extra("[data]\nprivate_size = [1, 2, 3]", "data.private_size", "has 3 entries, but federation.workers is 4"),
        .extra("[data]\nprivate_size = [1, 2, 3, 4, 5]", "data.private_size", "has 5 entries"),
        .extra("[data]\nprivate_size = 1.5", "data.private_size",
            "expected an integer or an array of them (one per worker), found floating-point number 1.5"),
        .extra("[data]\nprivate_size = [1, 2, 3, 4.0]", "data.private_size[3]",
            "expected an integer, found floating-point number 4.0"),
        .extra("[data]\npublic_size = 0", "data.public_size", "0 is out of range (>= 1)"),
        .extra("[data]\npublic_size = 2.5", "data.public_size", "expected an integer"),
        .extra("[data]\ntest_size = 0", "data.test_size", "0 is out of range (>= 1)"),
        .extra("[data]\nseed = -1", "data.seed", "-1 is out of range (0 ... 9223372036854775807)"),
        // [training]
        .extra("[training]\nlearning_rate = 0.1", "training.learning_rate", "unknown key (expected one of: architecture,"),
        .extra("[training]\narchitecture = \"resnet\"", "training.architecture",
            "unknown architecture \"resnet\" (expected \"softmax\", \"mlp\" or \"lenet5\")"),
        .extra("[training]\narchitecture = [\"mlp\", \"lenet5\", \"cnn\", \"mlp\"]", "training.architecture[2]",
            "unknown architecture \"cnn\""),
        .extra("[training]\narchitecture = [\"mlp\"]", "training.architecture", "has 1 entries, but federation.workers is 4"),
        .extra("[training]\narchitecture = 5", "training.architecture",
            "expected an architecture name or an array of them (one per worker), found integer 5"),
        .extra("[training]\nepochs = -1", "training.epochs", "-1 is out of range (0 ... 1000)"),
        .extra("[training]\nepochs = 1001", "training.epochs", "1001 is out of range (0 ... 1000)"),
        .extra("[training]\nepochs = [1, 2, 3, 1001]", "training.epochs[3]", "1001 is out of range (0 ... 1000)"),
        .extra("[training]\nepochs = [1, 2]", "training.epochs", "has 2 entries, but federation.workers is 4"),
        .extra("[training]\nepochs = \"many\"", "training.epochs", "expected an integer or an array of them"),
        .extra("[training]\ntarget_accuracy = 1.5", "training.target_accuracy", "1.5 is out of range (0 ... 1)"),
        .extra("[training]\ntarget_accuracy = [0.5, 0.5, 0.5, -0.1]", "training.target_accuracy[3]",
            "-0.1 is out of range (0 ... 1)"),
        .extra("[training]\ntarget_accuracy = [1, 1, 1, 1, 1]", "training.target_accuracy", "has 5 entries"),
        .extra("[training]\ntarget_accuracy = [1, 1, nan, 1]", "training.target_accuracy[2]", "nan is not a finite number"),
        .extra("[training]\nbatch_size = 0", "training.batch_size", "0 is out of range (1 ... 65536)"),
        .extra("[training]\nbatch_size = 65537", "training.batch_size", "65537 is out of range (1 ... 65536)"),
        .extra("[training]\ncertainty_threshold = 1.1", "training.certainty_threshold", "1.1 is out of range (0 ... 1)"),
        .extra("[training]\ncertainty_threshold = -0.1", "training.certainty_threshold", "-0.1 is out of range"),
        .extra("[training]\ndistillation_epochs = -1", "training.distillation_epochs", "-1 is out of range (0 ... 1000)"),
        .extra("[training]\ndistillation_epochs = 1001", "training.distillation_epochs", "1001 is out of range"),
        .extra("[training]\nseed = -5", "training.seed", "-5 is out of range (0 ... 9223372036854775807)"),
        // [strategies]
        .extra("[strategies]\nlazy = 0.5", "strategies.lazy",
            "unknown key (expected one of: certainty-threshold, certainty_threshold, colluding, collusion_map, "
                + "commitment-copier, copy_target, heuristic, heuristic_labels, honest, label-count-liar, label_count_lie, "
                + "misreport, misreport_map, out-of-protocol, out_of_protocol_move, padding, padding_random, padding_rate, "
                + "reveal-withholder, sybil, sybil_identities, workers)"),
        .extra("[strategies]\nworkers = [\"honest\", \"honest\", \"heuristic\"]", "strategies.workers",
            "has 3 entries, but federation.workers is 4"),
        .extra("[strategies]\nworkers = [\"honest\", \"lazy\", \"honest\", \"honest\"]", "strategies.workers[1]",
            "unknown strategy \"lazy\" (expected \"honest\", \"heuristic\", \"colluding\", \"misreport\", "
                + "\"certainty-threshold\", \"padding\", \"commitment-copier\", \"reveal-withholder\", "
                + "\"label-count-liar\", \"sybil\" or \"out-of-protocol\")"),
        .extra("[strategies]\nworkers = [\"honest\", 1, \"honest\", \"honest\"]", "strategies.workers[1]",
            "expected a string, found integer 1"),
        .extra("[strategies]\nworkers = \"honest\"", "strategies.workers", "expected an array, found string \"honest\""),
        .extra("[strategies]\nworkers = [\"honest\", \"honest\", \"honest\", \"honest\"]\nhonest = 1",
            "strategies.workers", "give either strategies.workers (one strategy per worker) or the fractions strategies.honest, not both"),
        .extra("[strategies]\nworkers = [\"honest\", \"honest\", \"honest\", \"honest\"]\nheuristic = 0.5\ncolluding = 0.5",
            "strategies.workers", "strategies.heuristic, strategies.colluding, not both"),
        .extra("[strategies]\nhonest = 0.8\nheuristic = 0.1", "strategies",
            "the fractions (honest 0.8, heuristic 0.1) sum to 0.9, not 1 (tolerance 1e-09)"),
        .extra("[strategies]\nhonest = 0.6\nheuristic = 0.6", "strategies", "sum to 1.2, not 1"),
        .extra("[strategies]\nhonest = 0.5\nheuristic = 0.500000002", "strategies", "not 1"),
        .extra("[strategies]\ncolluding = 0", "strategies", "sum to 0, not 1"),
        .extra("[strategies]\nhonest = 1.5\nheuristic = -0.5", "strategies.honest", "1.5 is out of range (0 ... 1)"),
        .extra("[strategies]\nhonest = 1\nheuristic = -0.5", "strategies.heuristic", "-0.5 is out of range (0 ... 1)"),
        .extra("[strategies]\nhonest = \"all\"", "strategies.honest", "expected a number, found string \"all\""),
        .extra("[strategies]\nheuristic_labels = \"zipf\"", "strategies.heuristic_labels",
            "unknown distribution \"zipf\" (expected \"uniform\" or a list of federation.classes probabilities)"),
        .extra("[strategies]\nheuristic_labels = 3", "strategies.heuristic_labels",
            "expected \"uniform\" or an array of probabilities, found integer 3"),
        .extra("[strategies]\nheuristic_labels = [0.5, \"a\", 0]", "strategies.heuristic_labels[1]",
            "expected a number, found string \"a\""),
        .extra("[strategies]\nheuristic_labels = [0.5, 0.5]", "strategies.heuristic_labels",
            "has 2 probabilities, but federation.classes is 3"),
        .extra("[strategies]\nheuristic_labels = [0.5, 0.5, 0.1]", "strategies.heuristic_labels",
            "probabilities sum to 1.1"),
        .extra("[strategies]\nheuristic_labels = [1.5, -0.5, 0]", "strategies.heuristic_labels[0]",
            "1.5 is out of range (0 ... 1)"),
        .extra("[strategies]\ncollusion_map = [0, 0]", "strategies.collusion_map",
            "has 2 entries, but federation.classes is 3"),
        .extra("[strategies]\ncollusion_map = [0, 3, 2]", "strategies.collusion_map[1]", "3 is out of range (0 ... 2)"),
        .extra("[strategies]\ncollusion_map = [0, -1, 2]", "strategies.collusion_map[1]", "-1 is out of range (0 ... 2)"),
        .extra("[strategies]\ncollusion_map = [0, 1.0, 2]", "strategies.collusion_map[1]",
            "expected an integer, found floating-point number 1.0"),
        .extra("[strategies]\ncollusion_map = 0", "strategies.collusion_map", "expected an array, found integer 0"),
        // [strategies]: the attack parameters
        .extra("[strategies]\nmisreport_map = [1, 2]", "strategies.misreport_map",
            "has 2 entries, but federation.classes is 3"),
        .extra("[strategies]\nmisreport_map = [1, 3, 0]", "strategies.misreport_map[1]", "3 is out of range (0 ... 2)"),
        .extra("[strategies]\nmisreport_map = [1, \"2\", 0]", "strategies.misreport_map[1]",
            "expected an integer, found string \"2\""),
        .extra("[strategies]\ncertainty_threshold = 1.5", "strategies.certainty_threshold", "1.5 is out of range (0 ... 1)"),
        .extra("[strategies]\ncertainty_threshold = nan", "strategies.certainty_threshold", "nan is not a finite number"),
        .extra("[strategies]\ncertainty_threshold = true", "strategies.certainty_threshold",
            "expected a number, found boolean true"),
        .extra("[strategies]\npadding_rate = -0.25", "strategies.padding_rate", "-0.25 is out of range (0 ... 1)"),
        .extra("[strategies]\npadding_rate = 2", "strategies.padding_rate", "2 is out of range (0 ... 1)"),
        .extra("[strategies]\npadding_random = 1", "strategies.padding_random",
            "expected a boolean (true or false), found integer 1"),
        .extra("[strategies]\nsybil_identities = 0", "strategies.sybil_identities", "0 is out of range (1 ... 10000)"),
        .extra("[strategies]\nsybil_identities = 2.5", "strategies.sybil_identities",
            "expected an integer, found floating-point number 2.5"),
        .extra("[strategies]\nworkers = [\"sybil\", \"sybil\", \"sybil\", \"honest\"]\nsybil_identities = 2",
            "strategies.sybil_identities",
            "3 workers are \"sybil\", not a multiple of 2: each sybil party fills 2 consecutive sybil seats with one model"),
        .extra("[strategies]\ncopy_target = 4", "strategies.copy_target", "4 is out of range (0 ... 3)"),
        .extra("[strategies]\ncopy_target = -1", "strategies.copy_target", "-1 is out of range (0 ... 3)"),
        .extra("[strategies]\nworkers = [\"honest\", \"commitment-copier\", \"honest\", \"honest\"]\ncopy_target = 1",
            "strategies.copy_target",
            "worker 1 is itself a \"commitment-copier\": the target must commit a report of its own"),
        .extra("[strategies]\nlabel_count_lie = \"huge\"", "strategies.label_count_lie",
            "unknown lie \"huge\" (expected \"raise-own\" or \"lower-others\")"),
        .extra("[strategies]\nlabel_count_lie = 1", "strategies.label_count_lie", "expected a string, found integer 1"),
        .extra("[strategies]\nout_of_protocol_move = \"replay\"", "strategies.out_of_protocol_move",
            "unknown move \"replay\" (expected \"late\", \"duplicate\", \"unregistered\", \"wrong-deposit\", "
                + "\"malformed\" or \"oversized\")"),
        .extra("[strategies]\nsybil = 0.5\nhonest = 0.25", "strategies", "the fractions (honest 0.25, sybil 0.5) sum to 0.75"),
    ]

    @Test(arguments: cases)
    func refused(_ c: Refused) {
        c.expectRefused()
    }

    @Test func aFederationOutOfRangeIsReportedBeforeTheBroadcastLists() {
        // workers = 0 and 10^12: the lists are built short, and federation.workers is refused.
        for workers in ["0", "-3", "1000000000000"] {
            let error = specRefusal(
                ptsfd(federation: "workers = \(workers)\nclasses = 3\naccuracy = 0.8",
                    extra: "[data]\n[training]\n[strategies]\nhonest = 1"))
            #expect(error?.key == "federation.workers", "\(String(describing: error))")
        }
        let error = specRefusal(
            ptsfd(federation: "workers = 4\nclasses = 100000\naccuracy = 0.8", extra: "[strategies]"))
        #expect(error?.key == "federation.classes", "\(String(describing: error))")
    }
}
