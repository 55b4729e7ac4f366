import Mechanisms
import Testing

@testable import Ledger

/// Deployment validation: every rule refuses with its own typed error.
@Suite struct ContractDeployTests {
    typealias F = Fixture

    static func refused(
        _ config: ContractConfig, height: Int = F.deployHeight, _ expected: ContractError,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            _ = try Contract(config: config, deployer: F.deployer, height: height)
            Issue.record("deployed", sourceLocation: sourceLocation)
        } catch {
            #expect(error == expected, sourceLocation: sourceLocation)
        }
    }

    static func terms(_ edit: (inout PTSFDTerms) -> Void) -> ContractConfig {
        var config = F.ptsfd()
        guard case .ptsfd(var terms) = config.mechanism else { return config }
        edit(&terms)
        config.mechanism = .ptsfd(terms)
        return config
    }

    @Test func members() {
        Self.refused(F.ptsfd(members: []), .noMembers)
        let w = F.workers
        Self.refused(F.ptsfd(members: [w[0], w[1], w[0]]), .duplicateMember(w[0]))
        Self.refused(F.consensus(members: [w[0]]), .tooFewMembers(count: 1, minimum: 2))
    }

    @Test func depositWindowsAndHeight() {
        var config = F.ptsfd()
        config.deposit = 0
        Self.refused(config, .depositTooSmall(0))
        config = F.ptsfd()
        config.commitWindow = 0
        Self.refused(config, .windowTooShort(.commit, blocks: 0))
        config = F.ptsfd()
        config.revealWindow = -1
        Self.refused(config, .windowTooShort(.reveal, blocks: -1))
        Self.refused(F.ptsfd(), height: -1, .negativeHeight(-1))
    }

    @Test func ptsfdTerms() {
        Self.refused(F.ptsfd(lambdas: []), .emptyLambdaSchedule)
        Self.refused(
            Self.terms { $0.beta = .infinity }, .nonFiniteParameter(name: "beta", value: .infinity))
        Self.refused(
            F.ptsfd(lambdas: [1, -.infinity]),
            .nonFiniteParameter(name: "lambdaSchedule[1]", value: -.infinity))
        Self.refused(Self.terms { $0.classes = 0 }, .classesOutOfRange(0))
        // beyond +-4096 the integer settlement's beta_wad or lambda_wad could pass 2^72.
        let beta = ContractError.parameterOutOfRange(name: "beta", value: -4096.5, limit: 4096)
        Self.refused(Self.terms { $0.beta = -4096.5 }, beta)
        #expect(beta.reason == "parameterOutOfRange")
        Self.refused(
            F.ptsfd(lambdas: [4096, 5000]),
            .parameterOutOfRange(name: "lambdaSchedule[1]", value: 5000, limit: 4096))
        // the finite checks come first, the range check before the classes.
        Self.refused(
            Self.terms { $0.beta = 5000; $0.lambdaSchedule = [.infinity] },
            .nonFiniteParameter(name: "lambdaSchedule[0]", value: .infinity))
        Self.refused(
            Self.terms { $0.beta = 5000; $0.classes = 0 },
            .parameterOutOfRange(name: "beta", value: 5000, limit: 4096))
        Self.refused(Self.terms { $0.classes = 255 }, .classesOutOfRange(255))
        Self.refused(Self.terms { $0.samples = 0 }, .samplesOutOfRange(samples: 0, members: 3))
        Self.refused(
            Self.terms { $0.samples = Int.max }, .samplesOutOfRange(samples: Int.max, members: 3))
        Self.refused(Self.terms { $0.unitsPerReward = 0 }, .unitsPerRewardTooSmall(0))
        for k in [1, 4] {
            Self.refused(
                Self.terms { $0.knobs.peersPerSample = .k(k) },
                .peersPerSampleOutOfRange(k: k, members: 3))
        }
    }

    @Test func consensusTerms() {
        Self.refused(F.consensus(reward: -1), .negativeReward(-1))
        var config = F.consensus()
        config.mechanism = .consensus(
            ConsensusTerms(
                reward: 1,
                junk: CommonKnowledgeSet(rules: [.minimumEntropy(bitsPerByte: .infinity)])))
        Self.refused(config, .nonFiniteParameter(name: "minimumEntropy", value: .infinity))
    }

    /// Limit L = Int.max / 4. With 3 members `n^2 * D <= L` allows `D = L / 9` but not one
    /// unit more; with 10 rounds `R * n * D = 30 * D <= L` refuses `D = L / 27 + 1`, which the
    /// first rule allows; a consensus reward of L breaks `n^2 * D + r <= L`.
    @Test func amountsThatCouldOverflow() {
        let limit = Int.max / 4
        #expect(throws: Never.self) { try F.deploy(F.ptsfd(deposit: limit / 9)) }
        Self.refused(
            F.ptsfd(deposit: limit / 9 + 1),
            .amountsTooLarge(members: 3, rounds: 1, deposit: limit / 9 + 1, reward: 0))
        let tenRounds = [Double](repeating: 1, count: 10)
        Self.refused(
            F.ptsfd(lambdas: tenRounds, deposit: limit / 27 + 1),
            .amountsTooLarge(members: 3, rounds: 10, deposit: limit / 27 + 1, reward: 0))
        Self.refused(
            F.consensus(reward: limit),
            .amountsTooLarge(members: 2, rounds: 1, deposit: 1000, reward: limit))
        Self.refused(
            F.ptsfd(deposit: Int.max),
            .amountsTooLarge(members: 3, rounds: 1, deposit: Int.max, reward: 0))
    }

    /// The requester's reward is paid in and held in escrow from deploy.
    @Test func consensusDeployFundsTheReward() throws {
        let c = try F.deploy(F.consensus(reward: 600))
        #expect(c.funds.paidIn == 600 && c.funds.escrow == 600)
        #expect(c.round == 0 && c.commitBlocks == 100 ..< 110 && c.settleHeight == 120)
        #expect(c.checkInvariants().isEmpty)
    }
}
