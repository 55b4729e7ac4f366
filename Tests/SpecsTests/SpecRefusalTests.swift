import Specs
import Testing

/// One refused spec: the TOML, the key the error must name and a part of its reason.
struct Refused: Sendable, CustomTestStringConvertible {
    var toml: String
    var key: String
    var reason: String
    var testDescription: String { "\(key): \(reason)" }

    static func mechanism(_ lines: String, _ key: String, _ reason: String) -> Refused {
        Refused(toml: ptsfd(mechanism: "kind = \"ptsfd\"\n\(lines)"), key: key, reason: reason)
    }
    static func federation(_ lines: String, _ key: String, _ reason: String) -> Refused {
        Refused(toml: ptsfd(federation: lines), key: key, reason: reason)
    }
    static func extra(_ lines: String, _ key: String, _ reason: String) -> Refused {
        Refused(toml: ptsfd(extra: lines), key: key, reason: reason)
    }

    /// Expects the spec to be refused in file `x.toml`, naming `key`, with `reason` in the
    /// message, formatted as `file: key: reason`.
    func expectRefused(sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error = specRefusal(toml, sourceLocation: sourceLocation) else { return }
        #expect(error.file == "x.toml", sourceLocation: sourceLocation)
        #expect(error.key == key, "\(error)", sourceLocation: sourceLocation)
        #expect(error.reason.contains(reason), "\(error)", sourceLocation: sourceLocation)
        #expect(error.description == "x.toml: \(key): \(error.reason)", sourceLocation: sourceLocation)
    }
}

@Suite("Spec refusals name the file, the key and the reason")
struct SpecRefusalTests {
    static let cases: [Refused] = [
        // unknown keys and tables
        Refused(toml: "colour = 1\n" + ptsfd(), key: "colour", reason: "unknown key (expected one of: beliefs, checks, contract, costs, data, description"),
        .mechanism("deposit = 1\nbetta = 1", "mechanism.betta", "unknown key (expected one of: beta,"),
        .extra("[knobs]\nnormalisation = \"paper\"", "knobs.normalisation", "unknown key"),
        .extra("[contract]\nwindow = 3", "contract.window", "unknown key"),
        .extra("[beliefs]\nx = 1", "beliefs.peer_given_own", "missing required key"),
        .extra("[beliefs]\npeer_given_own = [[1, 0], [0, 1]]", "beliefs.peer_given_own", "has 2 rows, but federation.classes is 3"),
        .extra("[beliefs]\npeer_given_own = [[0.5, 0.5, 0.1], [0, 1, 0], [0, 0, 1]]", "beliefs.peer_given_own[0]", "sums to 1.1"),
        .extra("[beliefs]\npeer_given_own = [[1.5, -0.5, 0], [0, 1, 0], [0, 0, 1]]", "beliefs.peer_given_own[0][0]", "not a probability"),
        .extra("[beliefs]\npeer_given_own = [[1, 0], [0, 1, 0], [0, 0, 1]]", "beliefs.peer_given_own[0]", "has 2 entries"),
        .extra("[beliefs]\npeer_given_own = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]\nextra = 1", "beliefs.extra", "unknown key"),
        .federation("workers = 4\nclasses = 3\naccuracy = 1\ncoalition = 0", "federation.coalition", "above 0"),
        .federation("workers = 4\nclasses = 3\naccuracy = 1\ncoalition = { min = 0.5, max = 1.5 }", "federation.coalition.max", "out of range"),
        .extra("[simulation]\nx = 1", "simulation", "unknown key (expected one of: beliefs, checks, contract, costs, data, description, federation, knobs, mechanism, name, strategies, sweeps, training)"),
        // missing keys
        .mechanism("beta = 1", "mechanism.deposit", "missing required key"),
        .federation("classes = 3\naccuracy = 1", "federation.workers", "missing required key"),
        .federation("workers = 3\naccuracy = 1", "federation.classes", "missing required key"),
        .federation("workers = 3\nclasses = 3", "federation.accuracy", "missing required key"),
        Refused(toml: "name = \"t\"\n[federation]\nworkers = 2", key: "mechanism",
            reason: "missing required table [mechanism]"),
        Refused(
            toml: "[federation]\nworkers = 2\n[mechanism]\nkind = \"consensus\"\ndeposit = 1",
            key: "name", reason: "missing required key"),
        // wrong types
        .mechanism("deposit = 1.5", "mechanism.deposit", "expected an integer or a range {min = ..., max = ...} of integers, found floating-point number 1.5"),
        .mechanism("deposit = 1.0", "mechanism.deposit", "expected an integer or a range {min = ..., max = ...} of integers, found floating-point number 1.0"),
        .mechanism("deposit = \"1000\"", "mechanism.deposit", "expected an integer or a range {min = ..., max = ...} of integers, found string \"1000\""),
        .mechanism("deposit = 1\nbeta = true", "mechanism.beta", "expected a number or a range"),
        .mechanism("deposit = 1\nbeta = nan", "mechanism.beta", "nan is not a finite number"),
        .federation("workers = 4.0\nclasses = 3\naccuracy = 1", "federation.workers", "expected an integer"),
        .federation("workers = 4\nclasses = 3\naccuracy = [1, \"a\", 1, 1]", "federation.accuracy[1]",
            "expected a number, found string \"a\""),
        .federation("workers = 4\nclasses = 3\naccuracy = 1\nprior = 3", "federation.prior",
            "expected \"uniform\" or an array of probabilities, found integer 3"),
        .extra("[knobs]\npayout = 1", "knobs.payout", "expected a string, found integer 1"),
        .extra("[checks]\nic = 1", "checks.ic", "expected a string, found integer 1"),
        .extra("[contract]\nlambda_schedule = 1.0", "contract.lambda_schedule", "expected an array"),
        Refused(toml: "name = \"t\"\nfederation = 3\n[mechanism]\nkind = \"ptsfd\"\ndeposit = 1",
            key: "federation", reason: "expected a table, found integer 3"),
        // unknown names
        .extra("[knobs]\nnormalization = \"proprer\"", "knobs.normalization",
            "unknown value \"proprer\" (expected \"paper\" or \"proper\")"),
        .federation("workers = 4\nclasses = 3\naccuracy = 1\nprior = \"zipf\"", "federation.prior",
            "unknown prior \"zipf\""),
        .mechanism("deposit = 1\npeers_per_sample = \"some\"", "mechanism.peers_per_sample",
            "expected \"all\" or an integer k"),
        .mechanism("deposit = 1\ncommon_knowledge = [\"all_zero\", \"junk\"]", "mechanism.common_knowledge[1]",
            "unknown rule \"junk\""),
        .mechanism("deposit = 1\ncommon_knowledge = [\"all_zero\", \"all_zero\"]", "mechanism.common_knowledge[1]",
            "\"all_zero\" is listed twice"),
        .mechanism("deposit = 1\ninput = \"0xabc\"", "mechanism.input", "odd number of hex digits"),
        .mechanism("deposit = 1\ninput = \"zz\"", "mechanism.input", "'z' at hex digit 1 is not a hex digit"),
        .extra("[checks]\nic = \"yes\"", "checks.ic", "unknown verdict \"yes\""),
        .extra("[checks]\nIC_2 = \"proved\"", "checks.IC_2", "is not a property id"),
        // out of range
        .federation("workers = 1\nclasses = 3\naccuracy = 1", "federation.workers", "1 is out of range (2 ... 10000)"),
        .federation("workers = 10001\nclasses = 3\naccuracy = 1", "federation.workers", "10001 is out of range"),
        .federation("workers = 4\nclasses = 255\naccuracy = 1", "federation.classes", "255 is out of range (2 ... 254)"),
        .federation("workers = 4\nclasses = 3\naccuracy = 1.5", "federation.accuracy", "1.5 is out of range (0 ... 1)"),
        .federation("workers = 4\nclasses = 3\naccuracy = [1, 1, 1]", "federation.accuracy",
            "has 3 entries, but federation.workers is 4"),
        .federation("workers = 4\nclasses = 3\naccuracy = [1, 1, -0.5, 1]", "federation.accuracy[2]",
            "-0.5 is out of range (0 ... 1)"),
        .federation("workers = 4\nclasses = 3\naccuracy = 1\nprior = [0.5, 0.5]", "federation.prior",
            "has 2 probabilities, but federation.classes is 3"),
        .federation("workers = 4\nclasses = 3\naccuracy = 1\nprior = [0.5, 0.5, 0.1]", "federation.prior",
            "probabilities sum to 1.1"),
        .federation("workers = 4\nclasses = 3\naccuracy = 1\nprior = [1.5, -0.5, 0]", "federation.prior[0]",
            "1.5 is out of range (0 ... 1)"),
        .mechanism("deposit = 0", "mechanism.deposit", "0 is out of range (1 ... 1000000000000000)"),
        .mechanism("deposit = 1_000_000_000_000_001", "mechanism.deposit", "out of range"),
        .mechanism("deposit = 1\nreward = -1", "mechanism.reward", "-1 is out of range (0 ... 1000000000000000)"),
        .mechanism("deposit = 1\nbeta = -0.5", "mechanism.beta", "-0.5 is out of range (0 ... 1000000)"),
        .mechanism("deposit = 1\nlambda = -2", "mechanism.lambda", "-2 is out of range (0 ... 1000000)"),
        .mechanism("deposit = 1\nseed = -1", "mechanism.seed", "-1 is out of range (0 ... 9223372036854775807)"),
        .mechanism("deposit = 1\npeers_per_sample = 1", "mechanism.peers_per_sample",
            "1 is out of range (2 ... federation.workers = 4)"),
        .mechanism("deposit = 1\npeers_per_sample = 5", "mechanism.peers_per_sample", "5 is out of range"),
        .mechanism("deposit = 1\nmin_entropy_bits = 9", "mechanism.min_entropy_bits", "9 is out of range (0 ... 8)"),
        .extra("[contract]\ncommit_window = 0", "contract.commit_window", "0 is out of range (1 ... 1000000000)"),
        .extra("[contract]\nreveal_window = 1000000001", "contract.reveal_window", "out of range"),
        .extra("[contract]\nrounds = 0", "contract.rounds", "0 is out of range (1 ... 1000)"),
        .extra("[contract]\nrounds = 1000000000000", "contract.rounds", "out of range (1 ... 1000)"),
        .extra("[contract]\nrounds = 2\nlambda_schedule = [1.0]", "contract.lambda_schedule",
            "has 1 entries, but contract.rounds is 2"),
        .extra("[contract]\nlambda_schedule = [-1.0]", "contract.lambda_schedule[0]", "-1 is out of range (0 ... 1000000)"),
        .extra("[contract]\nunits_per_reward = 0", "contract.units_per_reward", "0 is out of range (1 ... 1000000000000)"),
        Refused(toml: ptsfd().replacingName(with: ""), key: "name", reason: "must not be empty"),
        Refused(toml: ptsfd().replacingName(with: "../x"), key: "name",
            reason: "\"../x\" is not a file name: use letters, digits, '.', '_' and '-' (at most 64 characters, not \".\" or \"..\")"),
        Refused(toml: ptsfd().replacingName(with: ".."), key: "name", reason: "\"..\" is not a file name"),
        Refused(toml: ptsfd().replacingName(with: "a b"), key: "name", reason: "\"a b\" is not a file name"),
        Refused(toml: ptsfd().replacingName(with: String(repeating: "a", count: 65)), key: "name", reason: "is not a file name"),

    ]

    @Test(arguments: cases)
    func refused(_ c: Refused) {
        c.expectRefused()
    }

    @Test func unknownKind() {
        let error = specRefusal(ptsfd(mechanism: "kind = \"auction\"\ndeposit = 1"))
        #expect(error?.description
            == "x.toml: mechanism.kind: unknown kind \"auction\" (expected \"ptsfd\" or \"consensus\")")
    }

    @Test func echoedValuesAndKeysAreEscapedAndCut() {
        let bell = specRefusal(ptsfd(mechanism: "kind = \"a\\r\\u0007b\"\ndeposit = 1"))
        #expect(bell?.description
            == "x.toml: mechanism.kind: unknown kind \"a\\r\\u{7}b\" (expected \"ptsfd\" or \"consensus\")")
        let long = String(repeating: "k", count: 500)
        let key = specRefusal(ptsfd(extra: "\"\(long)\\r\" = 1"))
        #expect(key?.key == "mechanism.\(long)\r")
        #expect(key?.description.hasPrefix("x.toml: mechanism.\(String(repeating: "k", count: 70))… (511 characters): unknown key") == true,
                "\(String(describing: key))")
    }

    @Test func syntaxErrorsGiveLineAndColumn() {
        let error = specRefusal("name = \"t\"\n[federation]\nworkers = = 3\n")
        #expect(error?.file == "x.toml")
        #expect(error?.location == .position(line: 3, column: 11), "\(String(describing: error))")
        #expect(error?.description.hasPrefix("x.toml:3:11: TOML syntax error: ") == true)
    }

    @Test func duplicateKeysAreSyntaxErrors() {
        let error = specRefusal(ptsfd(extra: "[contract]\nrounds = 1\nrounds = 2"))
        #expect(error?.location == .position(line: 11, column: 10), "\(String(describing: error))")
        #expect(error?.reason.contains("cannot redefine existing integer 'rounds'") == true)
    }

    @Test func nulBytesAreRefused() {
        let error = specRefusal("name = \"t\"\n\u{0}")
        #expect(error?.location == .position(line: 2, column: 1))
        #expect(error?.reason == "NUL byte in the document")
    }

    @Test func missingFile() {
        let error = refusal { () throws(SpecError) in try Spec.load(path: "/nonexistent/x.toml") }
        #expect(error?.description == "/nonexistent/x.toml: cannot read the file: No such file or directory")
    }

    @Test func directoryIsNotASpec() {
        let error = refusal { () throws(SpecError) in try Spec.load(path: specPath("examples")) }
        #expect(error?.description.hasPrefix("\(specPath("examples")): cannot read the file: ") == true)
    }
}

extension String {
    /// The spec with its `name = "t"` line replaced.
    fileprivate func replacingName(with name: String) -> String {
        "name = \"\(name)\"" + self.drop(while: { $0 != "\n" })
    }
}
