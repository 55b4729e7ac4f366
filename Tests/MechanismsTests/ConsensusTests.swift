import Mechanisms
import Testing

@Suite struct ConsensusTests {
    static let d = 1000, r = 200
    static let input: [UInt8] = [1, 2, 3, 4]
    static let truth: [UInt8] = [0x5A, 0x13, 0xC4, 0x7E, 0x91, 0x02]

    /// A junk out of E_ck, distinct per worker (uncoordinated random junk never coincides).
    static func junk(_ w: Int) -> Consensus.Submission { .result([0xA0 &+ UInt8(w), 0x11, 0x77, 0x3C]) }

    enum Play: CaseIterable { case e, t, f }
    static func submission(_ play: Play, worker: Int) -> Consensus.Submission {
        switch play {
        case .e: .none
        case .t: .result(truth)
        case .f: junk(worker)
        }
    }

    /// Table I of Lu, Tang, Wang: utilities of (W_i, W_j).
    static func tableI(_ a: Play, _ b: Play) -> (Int, Int) {
        switch (a, b) {
        case (.e, .e): (-d, -d)
        case (.e, _): (-d, -d / 2)
        case (_, .e): (-d / 2, -d)
        case (.t, .t): (r / 2, r / 2)
        default: (-d / 2, -d / 2)
        }
    }

    @Test func twoWorkerClausesReproduceTableI() {
        for a in Play.allCases {
            for b in Play.allCases {
                let subs = [Self.submission(a, worker: 0), Self.submission(b, worker: 1)]
                let two = Consensus.settleTwoWorkers(subs, deposit: Self.d, reward: Self.r, junk: .paper, input: Self.input)
                let n = Consensus.settle(subs, deposit: Self.d, reward: Self.r, junk: .paper, input: Self.input)
                let expected = Self.tableI(a, b)
                #expect(two.utilities(deposit: Self.d) == [expected.0, expected.1], "\(a) vs \(b)")
                #expect(n == two, "n-worker clauses at n = 2, \(a) vs \(b)")
                // Every unit is accounted for: 2d + r in, payouts + refund + slashed out.
                #expect(two.payouts.reduce(0, +) + two.requesterRefund + two.slashed == 2 * Self.d + Self.r)
            }
        }
    }

    @Test func junkInTheCommonKnowledgeSetCountsAsNoSubmission() {
        let zero: Consensus.Submission = .result([0, 0, 0, 0])
        let outcome = Consensus.settleTwoWorkers(
            [zero, .result(Self.truth)], deposit: Self.d, reward: Self.r, junk: .paper, input: Self.input)
        #expect(outcome.utilities(deposit: Self.d) == [-Self.d, -Self.d / 2])
        // Both submitting the input: both junk, both lose everything.
        let copy = Consensus.settleTwoWorkers(
            [.result(Self.input), .result(Self.input)], deposit: Self.d, reward: Self.r, junk: .paper, input: Self.input)
        #expect(copy.utilities(deposit: Self.d) == [-Self.d, -Self.d])
    }

    /// Table II: a coalition of k out of n = 5 workers against the three situations.
    @Test func nWorkerClausesReproduceTableII() {
        let n = 5, k = 2, d = Self.d, r = Self.r
        func coalitionUtility(_ coalition: [Consensus.Submission], others: [Consensus.Submission]) -> Int {
            let outcome = Consensus.settle(coalition + others, deposit: d, reward: r, junk: .paper, input: Self.input)
            return outcome.utilities(deposit: d)[0 ..< coalition.count].reduce(0, +)
        }
        let truthful = [Consensus.Submission](repeating: .result(Self.truth), count: n - k)
        let situationI = [Consensus.Submission.none] + truthful.dropFirst()
        let situationII = [Self.junk(9)] + truthful.dropFirst()
        let sharedJunk: Consensus.Submission = .result([0x42, 0x99, 0x17, 0xE3])
        for others in [situationI, situationII, truthful] {
            let isIII = others == truthful
            // sigma1: all submit nothing -> -kd
            #expect(coalitionUtility([.none, .none], others: others) == -k * d)
            // sigma2: all truthful -> kr/n in situation III, else -kd/2
            #expect(coalitionUtility([.result(Self.truth), .result(Self.truth)], others: others)
                == (isIII ? k * (r / n) : -k * d / 2))
            // sigma3: the same pre-agreed junk -> -kd/2
            #expect(coalitionUtility([sharedJunk, sharedJunk], others: others) == -k * d / 2)
            // sigma4 (p = 1, l = 1): -pd/2 - ld
            #expect(coalitionUtility([.result(Self.truth), .none], others: others) == -d / 2 - d)
            // sigma5 (q = 1, l = 1): -qd/2 - ld
            #expect(coalitionUtility([Self.junk(0), .none], others: others) == -d / 2 - d)
            // sigma6 (p = 1, q = 1): -(p+q)d/2
            #expect(coalitionUtility([.result(Self.truth), Self.junk(1)], others: others) == -d)
        }
    }

    @Test func commonKnowledgeRules() {
        let set = CommonKnowledgeSet(rules: [.allZero, .allOne, .equalToInput, .minimumEntropy(bitsPerByte: 1.5)])
        #expect(set.contains([0, 0, 0], input: [9]))
        #expect(set.contains([0xFF, 0xFF], input: [9]))
        #expect(set.contains([9], input: [9]))
        #expect(set.contains([], input: [9]))
        // [1, 1, 2, 3]: the most frequent byte has frequency 1/2 -> 1 bit of min-entropy.
        #expect(CommonKnowledgeSet.minEntropy(of: [1, 1, 2, 3]) == 1)
        #expect(set.contains([1, 1, 2, 3], input: [9]))
        #expect(isClose(CommonKnowledgeSet.minEntropy(of: Array(0 ... 255)), 8, tolerance: 1e-12))
        #expect(!set.contains([1, 2, 3, 4], input: [9]))  // 2 bits
        #expect(!CommonKnowledgeSet.paper.contains([1, 1, 1, 1], input: [9]))
    }
}
