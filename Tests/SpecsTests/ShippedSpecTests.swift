import Mechanisms
import Specs
import Testing

@Suite("Shipped specs")
struct ShippedSpecTests {
    @Test func paper() throws {
        let spec = try Spec.load(path: specPath("paper.toml"))
        #expect(spec.name == "paper")
        #expect(spec.description.contains("hardened"))
        #expect(spec.federation == Spec.Federation(
            workers: 10, classes: 10, prior: .uniform, accuracy: .all(.value(0.9))))
        #expect(spec.mechanism.kind == .ptsfd)
        #expect(spec.mechanism.beta == .value(1))
        #expect(spec.mechanism.lambda == .value(1))
        #expect(spec.mechanism.deposit == 1_000_000)
        #expect(spec.mechanism.reward == 0)
        #expect(spec.mechanism.seed == 0)
        #expect(spec.knobs == .hardened)
        #expect(spec.contract == Spec.Contract(
            commitWindow: 100, revealWindow: 100, rounds: 1, lambdaSchedule: [.value(1)],
            unitsPerReward: 1))
        // verify's seven single-deviation properties are all expected proved, its equilibrium
        // property refuted (all colluding on the halves map is a strict rival); fuzz's four
        // findings beyond verify's model (README, "What fuzz finds in the shipped specs") are
        // expected violated.
        let findings: Set = [
            "honest-dominates-collusion", "padding-unprofitable", "sybil-unprofitable",
            "honest-unique-equilibrium", "truthful-equilibrium-dominant",
        ]
        #expect(spec.checks.count == 12)
        #expect(spec.checks.filter { $0.value == .proved }.count == 7)
        #expect(Set(spec.checks.filter { $0.value == .refuted }.keys) == findings)
        #expect(spec.beliefs == nil)
        let parameters = try spec.ptsfdParameters(file: "paper.toml")
        #expect(parameters == PTSFD.Parameters(beta: 1, lambda: 1))
    }

    @Test func paperLiteral() throws {
        let spec = try Spec.load(path: specPath("paper-literal.toml"))
        let paper = try Spec.load(path: specPath("paper.toml"))
        #expect(spec.name == "paper-literal")
        #expect(spec.knobs == .paper)
        #expect(spec.federation == paper.federation)
        #expect(spec.mechanism == paper.mechanism)
        #expect(spec.contract == paper.contract)
    }

    @Test func paper48ExampleAndItsConsistentTwin() throws {
        let example = try Spec.load(path: specPath("paper-48-example.toml"))
        let consistent = try Spec.load(path: specPath("paper-48-consistent.toml"))
        #expect(consistent.name == "paper-48-consistent")
        // The same federation and mechanism; only the beliefs differ.
        #expect(consistent.federation == example.federation)
        #expect(consistent.mechanism == example.mechanism)
        #expect(example.beliefs == Spec.Beliefs(peerGivenOwn: [[0.8, 0.2], [0.1, 0.9]]))
        #expect(consistent.beliefs == Spec.Beliefs(peerGivenOwn: [[0.95, 0.05], [0.45, 0.55]]))
        #expect(example.checks["beliefs-consistent"] == .refuted)
        #expect(consistent.checks["beliefs-consistent"] == .proved)
    }

    @Test func consensusTwo() throws {
        let spec = try Spec.load(path: specPath("consensus-2.toml"))
        #expect(spec.name == "consensus-2")
        #expect(spec.mechanism.kind == .consensus)
        #expect(spec.federation.workers == 2)
        #expect(spec.mechanism.deposit == 1_000_000)
        #expect(spec.mechanism.reward == 200_000)
        #expect(spec.mechanism.commonKnowledge == .paper)
        #expect(spec.mechanism.input == [])
        #expect(spec.federation.accuracy == .all(.value(1)))
    }

    @Test func consensusN() throws {
        let spec = try Spec.load(path: specPath("consensus-n.toml"))
        #expect(spec.name == "consensus-n")
        #expect(spec.mechanism.kind == .consensus)
        #expect(spec.federation.workers == 5)
        #expect(spec.mechanism.deposit == 1_000_000)
        #expect(spec.mechanism.reward == 200_000)
        #expect(spec.mechanism.commonKnowledge == .paper)
    }

    @Test func exampleVotesFitThePaperSpec() throws {
        let spec = try Spec.load(path: specPath("paper.toml"))
        let votes = try VotesFile.read(
            path: specPath("examples/votes-10x20.csv"), classes: spec.federation.classes,
            workers: spec.federation.workers)
        #expect(votes.workers == 10 && votes.samples == 20 && votes.classes == 10)
        let settlement = PTSFD.settle(
            votes: votes, parameters: try spec.ptsfdParameters(file: "paper.toml"),
            knobs: spec.knobs, allocationSeed: spec.mechanism.seed)
        #expect(settlement.rewards.count == 10)
    }

    @Test func exampleResultsFitTheConsensusSpecs() throws {
        let two = try Spec.load(path: specPath("consensus-2.toml"))
        let n = try Spec.load(path: specPath("consensus-n.toml"))
        let agree = try ResultsFile.read(path: specPath("examples/results-2-agree.txt"), workers: 2)
        let disagree = try ResultsFile.read(
            path: specPath("examples/results-2-disagree.txt"), workers: 2)
        let missing = try ResultsFile.read(
            path: specPath("examples/results-5-one-missing.txt"), workers: 5)
        func settle(_ s: [Consensus.Submission], _ spec: Spec) -> Consensus.Outcome {
            Consensus.settle(
                s, deposit: spec.mechanism.deposit, reward: spec.mechanism.reward,
                junk: spec.mechanism.commonKnowledge, input: spec.mechanism.input)
        }
        #expect(settle(agree, two).payouts == [1_100_000, 1_100_000])
        #expect(settle(disagree, two).payouts == [500_000, 500_000])
        #expect(settle(missing, n).payouts == [500_000, 500_000, 0, 500_000, 500_000])
    }
}
