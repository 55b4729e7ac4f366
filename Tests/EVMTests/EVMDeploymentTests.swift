import EVM
import Fuzz
import Ledger
import Mechanisms
import Testing

/// The constructor arguments of contracts/README.md for hand-written configurations, against
/// values written out by hand.
@Suite struct EVMDeploymentTests {
    static let bounds = EVMBounds(members: 32, samples: 64, classes: 16, rounds: 8, result: 1024)
    static let members = [Address(index: 0), Address(index: 1)]

    @Test func ptsfdArguments() throws {
        let knobs = Knobs(
            normalization: .proper, aggregation: .paper, labelCount: .verified, commitment: .paper,
            peersPerSample: .k(2), payout: .balanced)
        let terms = PTSFDTerms(
            beta: 0.5, lambdaSchedule: [1, -0.25], classes: 3, samples: 5, knobs: knobs, unitsPerReward: 1000,
            allocationSeed: 18_446_744_073_709_551_615)
        let config = ContractConfig(
            contract: Address(index: 2000), mechanism: .ptsfd(terms), deposit: 7, commitWindow: 2, revealWindow: 3,
            members: Self.members)
        let deployment = try EVMDeployment(config: config, bounds: Self.bounds)
        #expect(deployment.mechanism == "ptsfd")
        #expect(deployment.value == 0)
        // beta 0.5 and lambda 1, -0.25 times 10^18; knobs proper 1, paper 0, verified 1, paper 0,
        // k = 2, balanced 1; the seed 2^64 - 1 in full.
        let expected: [EVMValue] = [
            .list([.bytes(Self.members[0].description), .bytes(Self.members[1].description)]),
            .integer("7"), .integer("2"), .integer("3"), .integer("3"), .integer("5"),
            .integer("500000000000000000"), .list([.integer("1000000000000000000"), .integer("-250000000000000000")]),
            .integer("1000"), .integer("1"), .integer("0"), .integer("1"), .integer("0"), .integer("2"), .integer("1"),
            .integer("18446744073709551615"),
        ]
        #expect(deployment.args == expected)
        // peers per sample `all` is 0.
        var all = terms
        all.knobs.peersPerSample = .all
        var allConfig = config
        allConfig.mechanism = .ptsfd(all)
        #expect(try EVMDeployment(config: allConfig, bounds: Self.bounds).args[13] == .integer("0"))
    }

    @Test func consensusArguments() throws {
        let terms = ConsensusTerms(
            reward: 599, junk: CommonKnowledgeSet(rules: [.allOne, .equalToInput]), input: [9, 0xAB], commitment: .bound)
        let config = ContractConfig(
            contract: Address(index: 2000), mechanism: .consensus(terms), deposit: 1000, commitWindow: 1, revealWindow: 1,
            members: Self.members)
        let deployment = try EVMDeployment(config: config, bounds: Self.bounds)
        #expect(deployment.mechanism == "consensus")
        #expect(deployment.value == 599)
        let expected: [EVMValue] = [
            .list([.bytes(Self.members[0].description), .bytes(Self.members[1].description)]),
            .integer("1000"), .integer("1"), .integer("1"), .integer("599"), .bool(false), .bool(true), .bool(true),
            .bytes("0x09ab"), .integer("1"),
        ]
        #expect(deployment.args == expected)
    }

    @Test func whatTheEVMCannotExpressIsNotDeployable() {
        func ptsfd(beta: Double = 1, lambda: Double = 1, samples: Int = 5, members: Int = 2) -> ContractConfig {
            ContractConfig(
                contract: Address(index: 2000),
                mechanism: .ptsfd(PTSFDTerms(beta: beta, lambdaSchedule: [lambda], classes: 2, samples: samples, unitsPerReward: 1)),
                deposit: 1, commitWindow: 1, revealWindow: 1,
                members: (0 ..< members).map { Address(index: UInt64($0)) })
        }
        #expect(throws: NotDeployable.self) { try EVMDeployment(config: ptsfd(beta: .nan), bounds: Self.bounds) }
        #expect(throws: NotDeployable.self) { try EVMDeployment(config: ptsfd(lambda: 4096.5), bounds: Self.bounds) }
        #expect(throws: NotDeployable.self) { try EVMDeployment(config: ptsfd(samples: 65), bounds: Self.bounds) }
        #expect(throws: NotDeployable.self) { try EVMDeployment(config: ptsfd(members: 33), bounds: Self.bounds) }
        #expect(throws: Never.self) { try EVMDeployment(config: ptsfd(beta: -4096, samples: 64, members: 32), bounds: Self.bounds) }
        let entropy = ContractConfig(
            contract: Address(index: 2000),
            mechanism: .consensus(ConsensusTerms(reward: 1, junk: CommonKnowledgeSet(rules: [.minimumEntropy(bitsPerByte: 1)]))),
            deposit: 1, commitWindow: 1, revealWindow: 1, members: Self.members)
        #expect(throws: NotDeployable.self) { try EVMDeployment(config: entropy, bounds: Self.bounds) }
    }

    /// A negative deposit goes as its two's complement, 2^256 - 1 for -1, and both sides refuse
    /// the deployment for the same reason; `.k(0)` has no encoding.
    @Test func negativeIntegersGoAsTwosComplement() throws {
        var config = ContractConfig(
            contract: Address(index: 2000), mechanism: .consensus(ConsensusTerms(reward: 5)), deposit: -1,
            commitWindow: 1, revealWindow: 1, members: Self.members)
        let deployment = try EVMDeployment(config: config, bounds: Self.bounds)
        #expect(deployment.args[1] == .integer("115792089237316195423570985008687907853269984665640564039457584007913129639935"))
        let host = try EVMHost(root: EVMSupport.root)
        let outcome = try DifferentialReplay.loading([], into: host).run(
            ContractCase(config: config, deployer: Address(index: 1000), deployHeight: 10, steps: []))
        #expect(outcome.notDeployable == nil && outcome.divergence == nil)
        config.deposit = 1
        config.mechanism = .ptsfd(
            PTSFDTerms(beta: 1, lambdaSchedule: [1], classes: 2, samples: 2, knobs: Knobs(peersPerSample: .k(0)), unitsPerReward: 1))
        #expect(throws: NotDeployable.self) { try EVMDeployment(config: config, bounds: Self.bounds) }
    }

    @Test func boundsAreReadFromTheVyperSource() {
        let source = """
            # sizes
            MAX_MEMBERS: constant(uint256) = 32
            MAX_SAMPLES: constant(uint256) = 40_000  # the paper's m
            MAX_RESULT: constant(uint256) = 1024
            x: uint256
            """
        #expect(EVMBounds(vyperSource: source) == EVMBounds(members: 32, samples: 40_000, classes: .max, rounds: .max, result: 1024))
        let withLabelCount = source + "\nMAX_CLASSES: constant(uint256) = 32\nMAX_LABEL_COUNT: constant(uint256) = 256\n"
        #expect(EVMBounds(vyperSource: withLabelCount).classes == 32 && EVMBounds(vyperSource: withLabelCount).labelCount == 256)
    }
}
