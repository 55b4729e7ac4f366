import Mechanisms
import Testing

@Suite struct PeerAllocationTests {
    @Test func eachSampleGetsExactlyKDistinctWorkersDeterministically() {
        for (n, k) in [(2, 2), (5, 2), (10, 3), (7, 7)] {
            let allocation = PeerAllocation(workers: n, samples: 200, peersPerSample: k, seed: 42)
            var load = [Int](repeating: 0, count: n)
            for j in 0 ..< 200 {
                let chosen = allocation.workers(for: j)
                #expect(chosen.count == k && Set(chosen).count == k, "n \(n) k \(k) sample \(j)")
                #expect(chosen.allSatisfy { (0 ..< n).contains($0) })
                #expect(chosen == allocation.workers(for: j))
                for i in chosen { load[i] += 1 }
            }
            #expect(load.reduce(0, +) == 200 * k)
            // Every worker gets work (200 samples leave no room for an empty share).
            #expect(load.allSatisfy { $0 > 0 }, "n \(n) k \(k) load \(load)")
        }
    }

    @Test func theSeedChangesTheAllocation() {
        let a = PeerAllocation(workers: 10, samples: 50, peersPerSample: 2, seed: 1)
        let b = PeerAllocation(workers: 10, samples: 50, peersPerSample: 2, seed: 2)
        #expect((0 ..< 50).map(a.workers(for:)) != (0 ..< 50).map(b.workers(for:)))
    }

    @Test func settlingWithKPeersRewardsOnlyAssignedVotes() throws {
        // Every worker votes j % 2 on sample j; with k = 2 the two assigned workers agree, so
        // each assigned vote earns 1 * 1/R_i(x) - beta with R_i the share of x among the
        // OTHER workers' assigned votes (proper normalization).
        let n = 4, m = 12
        let rows: [[Int?]] = (0 ..< n).map { _ in (0 ..< m).map { $0 % 2 } }
        let votes = try VoteMatrix(rows: rows, classes: 2)
        let allocation = PeerAllocation(workers: n, samples: m, peersPerSample: 2, seed: 7)
        var count = [[Int]](repeating: [0, 0], count: n)  // assigned votes per worker and class
        for j in 0 ..< m { for i in allocation.workers(for: j) { count[i][j % 2] += 1 } }
        let total = [count.map { $0[0] }.reduce(0, +), count.map { $0[1] }.reduce(0, +)]
        var expected = [Double](repeating: 0, count: n)
        for i in 0 ..< n {
            let others = (total[0] - count[i][0]) + (total[1] - count[i][1])
            for x in 0 ..< 2 where count[i][x] > 0 {
                let r = Double(total[x] - count[i][x]) / Double(others)
                expected[i] += Double(count[i][x]) * (1 / r - 1)
            }
        }
        let result = PTSFD.settle(
            votes: votes, parameters: .init(), knobs: Knobs(peersPerSample: .k(2)), allocationSeed: 7)
        #expect(result.reported == count.map { $0[0] + $0[1] })
        for i in 0 ..< n { #expect(isClose(result.rewards[i], expected[i]), "worker \(i)") }
    }

    @Test func kEqualToNChangesNothing() throws {
        var rng = SplitMix64(seed: 3)
        let votes = randomVotes(workers: 5, samples: 30, classes: 4, missing: 0.1, using: &rng)
        let all = PTSFD.settle(votes: votes, parameters: .init(), knobs: .hardened)
        let five = PTSFD.settle(votes: votes, parameters: .init(), knobs: Knobs(peersPerSample: .k(5)))
        #expect(all == five)
    }
}

/// The project's own bounded draw, pinned to values checked by hand against a reference
/// transcription of SplitMix64 and Lemire's Algorithm 5 (Python integers).
@Suite struct BoundedDrawTests {
    @Test func splitMixSeedZeroStartsWithTheReferenceOutput() {
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test func drawsMatchTheHandCheckedValues() {
        var rng = SplitMix64(seed: 0)
        // 0xE220A8397B1DCDAF * 10 / 2^64 = 8.83..., so 8; and so on.
        let bounds: [UInt64] = [10, 3, 1000, 1 << 63 + 1, 7]
        #expect(bounds.map { rng.draw(below: $0) } == [8, 1, 26, 8_954_805_688_390_271_222, 0])
    }

    @Test func rejectionDrawsAgain() {
        // Bound 2^63 + 1: the low halves of the first two products fall below
        // 2^64 mod bound, so the third output decides.
        var rng = SplitMix64(seed: 0)
        #expect(rng.draw(below: 1 << 63 + 1) == 243_808_509_735_772_839)
        #expect(rng.state == 15_755_400_384_260_043_839)  // three outputs consumed
    }

    @Test func allocationsMatchTheHandCheckedValues() {
        let a = PeerAllocation(workers: 5, samples: 6, peersPerSample: 2, seed: 42)
        #expect((0 ..< 6).map(a.workers(for:)) == [[1, 4], [0, 1], [0, 3], [3, 4], [0, 2], [2, 4]])
        let b = PeerAllocation(workers: 4, samples: 4, peersPerSample: 3, seed: 7)
        #expect((0 ..< 4).map(b.workers(for:)) == [[0, 2, 3], [1, 2, 3], [0, 1, 3], [0, 1, 3]])
    }
}
