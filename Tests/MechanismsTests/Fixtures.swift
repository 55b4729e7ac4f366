import Mechanisms

/// The tiny case worked by hand throughout these tests: 3 workers, 4 samples, classes {0, 1}.
///
///     w0: 0, 1, 1, 0     labelCount [2, 2]  M = 4
///     w1: 0, 1, 0, 0     labelCount [3, 1]  M = 4
///     w2: 0, -, 1, 1     labelCount [1, 2]  M = 3      G = [6, 5], 11 votes
func tinyVotes() throws -> VoteMatrix {
    try VoteMatrix(rows: [[0, 1, 1, 0], [0, 1, 0, 0], [0, nil, 1, 1]], classes: 2)
}

/// A seeded random vote matrix: labels drawn with a bias towards a per-sample "truth" so that
/// agreement is common, and each report missing with probability `missing`.
func randomVotes(
    workers n: Int, samples m: Int, classes: Int, missing: Double, using rng: inout SplitMix64
) -> VoteMatrix {
    var votes = VoteMatrix(workers: n, samples: m, classes: classes)
    for j in 0 ..< m {
        let truth = Int.random(in: 0 ..< classes, using: &rng)
        for i in 0 ..< n {
            if Double.random(in: 0 ..< 1, using: &rng) < missing { continue }
            let honest = Double.random(in: 0 ..< 1, using: &rng) < 0.7
            votes[worker: i, sample: j] = honest ? truth : Int.random(in: 0 ..< classes, using: &rng)
        }
    }
    return votes
}

/// `|a - b| <= tolerance * max(1, |a|, |b|)`, with equal infinities equal.
func isClose(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool {
    if a == b { return true }
    return abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}
