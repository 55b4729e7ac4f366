import Mechanisms
import Testing

/// Hand-computed settlements of `tinyVotes()` for every value of the reward knobs.
@Suite struct PTSFDSettleTests {
    // normalization = proper: R_i = (G - labelCount_i) / (11 - M_i)
    //   1/R_0 = [7/4, 7/3]   1/R_1 = [7/3, 7/4]   1/R_2 = [8/5, 8/3]
    // tau_ij = (agreeing peers / n_peers) * 1/R_i(x_ij) - 1   (beta = 1, lambda = 1)
    //   j0 (0,0,0):  w0 3/4    w1 4/3   w2 3/5
    //   j1 (1,1,-):  w0 4/3    w1 3/4
    //   j2 (1,0,1):  w0 1/6    w1 -1    w2 1/3
    //   j3 (0,0,1):  w0 -1/8   w1 1/6   w2 -1
    //   totals:      w0 17/8   w1 5/4   w2 -1/15
    static let properRewards = [17.0 / 8, 5.0 / 4, -1.0 / 15]

    // normalization = paper (Algorithm 3, line 20): R_i = (G - labelCount_i) / (3 * M_i)
    //   1/R_0 = [3, 4]   1/R_1 = [4, 3]   1/R_2 = [9/5, 3]
    //   j0: w0 2     w1 3    w2 4/5
    //   j1: w0 3     w1 2
    //   j2: w0 1     w1 -1   w2 1/2
    //   j3: w0 1/2   w1 1    w2 -1
    //   totals: w0 13/2   w1 5   w2 3/10
    static let paperRewards = [13.0 / 2, 5.0, 3.0 / 10]

    @Test(arguments: [Normalization.proper, .paper])
    func normalizationMatchesHandComputation(_ normalization: Normalization) throws {
        let knobs = Knobs(normalization: normalization)
        let result = PTSFD.settle(votes: try tinyVotes(), parameters: .init(beta: 1, lambda: 1), knobs: knobs)
        let expected = normalization == .proper ? Self.properRewards : Self.paperRewards
        for i in 0 ..< 3 { #expect(isClose(result.rewards[i], expected[i]), "worker \(i)") }
        #expect(result.reported == [4, 4, 3])
        #expect(isClose(result.meanReward(of: 2), expected[2] / 3))
    }

    @Test func lambdaScalesOnceAndBetaIsChargedPerRewardedSample() throws {
        // lambda = 2, beta = 0.5: each tau_ij moves by +0.5, then doubles.
        // w0: 2 * (17/8 + 4 * 0.5) = 33/4; w1: 2 * (5/4 + 2) = 13/2; w2: 2 * (-1/15 + 1.5) = 43/15
        let result = PTSFD.settle(
            votes: try tinyVotes(), parameters: .init(beta: 0.5, lambda: 2), knobs: .hardened)
        let expected = [33.0 / 4, 13.0 / 2, 43.0 / 15]
        for i in 0 ..< 3 { #expect(isClose(result.rewards[i], expected[i]), "worker \(i)") }
    }

    @Test func aggregationArgmaxTakesMostVotesAndPaperLoopComparesCountWithIndex() throws {
        // Votes per sample: j0 [3,0], j1 [0,2], j2 [1,2], j3 [2,1].
        // argmax: 0, 1, 1, 0.  Printed loop at j3: c=0: 2 > 0 -> label 0; c=1: 1 > 0 -> label 1.
        let votes = try tinyVotes()
        let argmax = PTSFD.settle(votes: votes, parameters: .init(), knobs: Knobs(aggregation: .argmax))
        let paper = PTSFD.settle(votes: votes, parameters: .init(), knobs: Knobs(aggregation: .paper))
        #expect(argmax.labels == [0, 1, 1, 0])
        #expect(paper.labels == [0, 1, 1, 1])
    }

    @Test func aggregationBreaksTiesToLowestClassAndMarksUnreportedSamples() {
        #expect(MajorityAggregation.label(votes: [0, 2, 2, 1], rule: .argmax) == 1)
        #expect(MajorityAggregation.label(votes: [0, 0, 0], rule: .argmax) == -1)
        #expect(MajorityAggregation.label(votes: [0, 0, 0], rule: .paper) == 0)
        // Printed loop with counts [5, 0, 0, 4]: c=0 -> 0, c=3: 4 > 0 -> 3 (argmax says 0).
        #expect(MajorityAggregation.label(votes: [5, 0, 0, 4], rule: .paper) == 3)
    }

    @Test func labelCountPaperTrustsTheReportedCountsAndVerifiedRecomputes() throws {
        // w2 claims labelCount [0, 0]. Trusted: G = [5, 3].
        //   1/R_0 = 4 / [3, 1] = [4/3, 4]; 1/R_1 = 4 / [2, 2] = [2, 2]; R_2 unchanged.
        //   w0: j0 1/3, j1 3, j2 1, j3 -1/3 -> 4
        //   w1: j0 1, j1 1, j2 -1, j3 0     -> 1
        let votes = try tinyVotes()
        let claimed = [[2, 2], [3, 1], [0, 0]]
        let trusted = PTSFD.settle(
            votes: votes, reportedLabelCounts: claimed, parameters: .init(),
            knobs: Knobs(labelCount: .paper))
        #expect(isClose(trusted.rewards[0], 4))
        #expect(isClose(trusted.rewards[1], 1))
        #expect(isClose(trusted.rewards[2], -1.0 / 15))
        #expect(trusted.labelCounts == claimed)
        let verified = PTSFD.settle(
            votes: votes, reportedLabelCounts: claimed, parameters: .init(),
            knobs: Knobs(labelCount: .verified))
        for i in 0 ..< 3 { #expect(isClose(verified.rewards[i], Self.properRewards[i])) }
        #expect(verified.labelCounts == [[2, 2], [3, 1], [1, 2]])
    }

    @Test func aClassNobodyElseReportedIsAnInfiniteClaimUnderTrustedCounts() throws {
        // w0 and w1 both vote 1 on one sample, but both claim labelCount [1, 0]: R_i(1) = 0.
        let votes = try VoteMatrix(rows: [[1], [1]], classes: 2)
        let result = PTSFD.settle(
            votes: votes, reportedLabelCounts: [[1, 0], [1, 0]], parameters: .init(),
            knobs: Knobs(labelCount: .paper))
        #expect(result.rewards == [.infinity, .infinity])
    }

    @Test func aSampleWithoutPeersEarnsAndCostsNothing() throws {
        // Only w0 reports sample 1; sample 0 is shared. G = [2, 1].
        // R_0 = ([2, 1] - [1, 1]) / 1 -> 1/R_0(0) = 1: w0 earns j0 1 * 1 - 1 = 0, j1 no peers -> 0
        //   (without the no-peer rule w0 would pay beta for j1 and end at -1).
        // R_1 = ([2, 1] - [1, 0]) / 2 -> 1/R_1(0) = 2: w1 earns j0 1 * 2 - 1 = 1.
        let votes = try VoteMatrix(rows: [[0, 1], [0, nil]], classes: 2)
        let result = PTSFD.settle(votes: votes, parameters: .init(beta: 1, lambda: 1), knobs: .hardened)
        #expect(result.rewards == [0, 1])
        #expect(result.reported == [2, 1])
        let literal = Algorithm3.settle(
            votes: votes, labelCounts: votes.labelCounts(), beta: 1, lambda: 1, normalization: .proper)
        #expect(literal.rewards == [0, 1])
    }

    @Test func algorithm3ReproducesTheHandComputedCases() throws {
        let votes = try tinyVotes()
        let paper = Algorithm3.settle(votes: votes, labelCounts: votes.labelCounts(), beta: 1, lambda: 1)
        let proper = Algorithm3.settle(
            votes: votes, labelCounts: votes.labelCounts(), beta: 1, lambda: 1,
            normalization: .proper, aggregation: .argmax)
        for i in 0 ..< 3 {
            #expect(isClose(paper.rewards[i], Self.paperRewards[i]))
            #expect(isClose(proper.rewards[i], Self.properRewards[i]))
        }
        #expect(paper.labels == [0, 1, 1, 1])
        #expect(proper.labels == [0, 1, 1, 0])
    }
}
