/// A seeded allocation of public samples to workers so that each sample is labelled by exactly
/// k workers (Witt et al., section 4.7: "each sample is classified by a maximum of two workers",
/// Eq. 15, generalised to k).
///
/// Sample j is given to the first k entries of a partial Fisher-Yates shuffle of the workers:
/// step t swaps position t with position `t + draw(below: n - t)` of stream j of the seed
/// (`SplitMix64(seed:stream:)`, `SplitMix64.draw(below:)`), so the same seed allocates the same
/// samples on every platform, so the allocation of one sample can be recomputed on its own, as a
/// contract would from a public seed (for example a block hash).
public struct PeerAllocation: Hashable, Sendable {
    public let workers: Int
    public let samples: Int
    /// k, the number of workers that label each sample.
    public let peersPerSample: Int
    public let seed: UInt64

    /// - Precondition: `2 <= peersPerSample <= workers`.
    public init(workers: Int, samples: Int, peersPerSample: Int, seed: UInt64) {
        precondition(peersPerSample >= 2 && peersPerSample <= workers, "need 2 <= k <= n")
        self.workers = workers
        self.samples = samples
        self.peersPerSample = peersPerSample
        self.seed = seed
    }

    /// The k workers assigned to `sample`, in ascending order.
    /// - Complexity: O(n).
    public func workers(for sample: Int) -> [Int] {
        var order = Array(0 ..< workers)
        var rng = SplitMix64(seed: seed, stream: UInt64(sample))
        for t in 0 ..< peersPerSample {
            let pick = t + Int(rng.draw(below: UInt64(workers - t)))
            order.swapAt(t, pick)
        }
        return order[0 ..< peersPerSample].sorted()
    }

    /// Whether `worker` is assigned to label `sample`.
    public func isAssigned(worker: Int, sample: Int) -> Bool {
        workers(for: sample).contains(worker)
    }

    /// The votes with every report on an unassigned sample dropped (read as "no report").
    /// - Precondition: `votes` has this allocation's workers and samples.
    /// - Complexity: O(m * n).
    public func masking(_ votes: VoteMatrix) -> VoteMatrix {
        precondition(votes.workers == workers && votes.samples == samples, "shape mismatch")
        var masked = VoteMatrix(workers: workers, samples: samples, classes: votes.classes)
        votes.withCodes { source in
            masked.withMutableCodes { target in
                for j in 0 ..< samples {
                    for i in workers(for: j) { target[j * workers + i] = source[j * workers + i] }
                }
            }
        }
        return masked
    }
}

extension VoteMatrix {
    /// The votes that count under `peersPerSample`: all of them under `.all`, the
    /// `PeerAllocation` of `seed` under `.k` (section 4.7).
    /// - Complexity: O(1) under `.all`; O(m * n) under `.k`.
    public func masked(peersPerSample: PeersPerSample, seed: UInt64) -> VoteMatrix {
        switch peersPerSample {
        case .all:
            return self
        case .k(let k):
            return PeerAllocation(workers: workers, samples: samples, peersPerSample: k, seed: seed).masking(self)
        }
    }
}
