import Mechanisms
import Specs
import Testing

@Suite("Spec defaults and values")
struct SpecDefaultsTests {
    @Test func minimalPTSFDSpecTakesTheDocumentedDefaults() throws {
        let spec = try Spec.parse(toml: ptsfd(), file: "x.toml")
        #expect(spec.description == "")
        #expect(spec.federation.prior == .uniform)
        #expect(spec.mechanism.beta == .value(1))
        #expect(spec.mechanism.lambda == .value(1))
        #expect(spec.mechanism.reward == 0)
        #expect(spec.mechanism.seed == 0)
        #expect(spec.mechanism.commonKnowledge == .paper)
        #expect(spec.mechanism.input == [])
        #expect(spec.knobs == .hardened)
        #expect(spec.knobs.peersPerSample == .all)
        #expect(spec.contract == Spec.Contract())
        #expect(spec.checks == [:])
    }

    @Test func minimalConsensusSpecNeedsNoClassesNorAccuracy() throws {
        let spec = try Spec.parse(
            toml: ptsfd(federation: "workers = 3", mechanism: "kind = \"consensus\"\ndeposit = 10"),
            file: "x.toml")
        #expect(spec.mechanism.kind == .consensus)
        #expect(spec.federation.classes == 2)
        #expect(spec.federation.accuracy == .all(.value(1)))
    }

    @Test func lambdaScheduleDefaultsToLambdaForEveryRound() throws {
        let spec = try Spec.parse(
            toml: ptsfd(
                mechanism: "kind = \"ptsfd\"\ndeposit = 1000\nlambda = 0.5",
                extra: "[contract]\nrounds = 3"),
            file: "x.toml")
        #expect(spec.contract.lambdaSchedule == [.value(0.5), .value(0.5), .value(0.5)])
        #expect(spec.contract.commitWindow == 100 && spec.contract.revealWindow == 100)
        #expect(try spec.ptsfdParameters(round: 2, file: "x.toml").lambda == 0.5)
    }

    @Test func everyKeyIsRead() throws {
        let spec = try Spec.parse(
            toml: """
                name = "full"
                description = "all keys"
                [federation]
                workers = 3
                classes = 2
                prior = [0.25, 0.75]
                accuracy = [0.9, 0.8, 1]
                [mechanism]
                kind = "ptsfd"
                beta = 2
                lambda = { min = 0.5, max = 1.5 }
                deposit = 1_000_000
                reward = 7
                peers_per_sample = 2
                seed = 42
                common_knowledge = ["all_one", "min_entropy"]
                min_entropy_bits = 3.5
                input = "0xDEadbeef"
                [knobs]
                normalization = "paper"
                aggregation = "paper"
                label_count = "paper"
                commitment = "paper"
                payout = "paper"
                [contract]
                commit_window = 5
                reveal_window = 6
                rounds = 2
                lambda_schedule = [1.0, { min = 0, max = 0.5 }]
                units_per_reward = 1000
                [checks]
                budget-balance = "proved"
                ic-2 = "refuted"
                x = "unknown"
                """, file: "full.toml")
        #expect(spec.name == "full" && spec.description == "all keys")
        #expect(spec.federation == Spec.Federation(
            workers: 3, classes: 2, prior: .distribution([0.25, 0.75]),
            accuracy: .perWorker([0.9, 0.8, 1])))
        #expect(spec.mechanism == Spec.Mechanism(
            kind: .ptsfd, beta: .value(2), lambda: .range(min: 0.5, max: 1.5), deposit: 1_000_000,
            reward: 7, seed: 42,
            commonKnowledge: CommonKnowledgeSet(rules: [.allOne, .minimumEntropy(bitsPerByte: 3.5)]),
            input: [0xDE, 0xAD, 0xBE, 0xEF]))
        #expect(spec.knobs == Knobs(
            normalization: .paper, aggregation: .paper, labelCount: .paper, commitment: .paper,
            peersPerSample: .k(2), payout: .paper))
        #expect(spec.contract == Spec.Contract(
            commitWindow: 5, revealWindow: 6, rounds: 2,
            lambdaSchedule: [.value(1), .range(min: 0, max: 0.5)], unitsPerReward: 1000))
        #expect(spec.checks == ["budget-balance": .proved, "ic-2": .refuted, "x": .unknown])
    }

    @Test func consensusIgnoresPTSFDOnlyKeys() throws {
        let spec = try Spec.parse(
            toml: ptsfd(
                federation: "workers = 2",
                mechanism: "kind = \"consensus\"\ndeposit = 10\nbeta = 3",
                extra: "[knobs]\npayout = \"paper\""),
            file: "x.toml")
        #expect(spec.mechanism.beta == .value(3))
        #expect(spec.knobs.payout == .paper)
    }

    @Test func programmaticSpecsAreValidated() {
        var spec = Spec(
            name: "p", federation: .init(workers: 3, classes: 2, accuracy: .all(.value(1))),
            mechanism: .init(kind: .ptsfd, deposit: 1))
        #expect(throws: Never.self) { try spec.validate(file: "code") }
        spec.mechanism.seed = UInt64.max
        #expect(throws: SpecError.self) { try spec.validate(file: "code") }
    }
}

@Suite struct IntegerRangeTests {
    @Test func depositAndRewardAcceptIntegerRanges() throws {
        let spec = try Spec.parse(toml: ptsfd(mechanism: "kind = \"ptsfd\"\ndeposit = { min = 10, max = 20 }\nreward = { min = 0, max = 5 }"), file: "x.toml")
        #expect(spec.mechanism.depositRange == 10 ... 20)
        #expect(spec.mechanism.deposit == 10)
        #expect(spec.mechanism.rewardRange == 0 ... 5)
    }

    @Test func badIntegerRangesAreRefused() {
        for (lines, key, reason) in [
            ("deposit = { min = 20, max = 10 }", "mechanism.deposit", "the range is empty"),
            ("deposit = { min = 1.5, max = 10 }", "mechanism.deposit.min", "expected an integer"),
            ("deposit = { min = 0, max = 10 }", "mechanism.deposit", "out of range"),
            ("deposit = 1\nreward = { min = -1, max = 10 }", "mechanism.reward", "out of range"),
        ] {
            let error = refusal { () throws(SpecError) in try Spec.parse(toml: ptsfd(mechanism: "kind = \"ptsfd\"\n\(lines)"), file: "x.toml") }
            #expect(error?.key == key, "\(lines): \(String(describing: error))")
            #expect(error?.reason.contains(reason) == true, "\(lines): \(String(describing: error))")
        }
    }
}
