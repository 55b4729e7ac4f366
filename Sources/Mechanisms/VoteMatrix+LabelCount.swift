extension VoteMatrix {
    /// labelCount_i: how often worker i reported each class (Witt et al., Algorithm 1).
    ///
    /// ```
    /// labelCount_i = (0, ..., 0)
    /// foreach j in X_pub: labelCount_i(x_ij) += 1     // missing reports are not counted
    /// ```
    /// - Complexity: O(m).
    public func labelCount(of worker: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: classes)
        let code = missingCode
        withCodes { codes in
            var k = worker
            for _ in 0 ..< samples {
                let v = codes[k]
                if v != code { counts[Int(v)] += 1 }
                k += workers
            }
        }
        return counts
    }

    /// labelCount of every worker, `result[i][x]`.
    /// - Complexity: O(m * n), one pass over the matrix.
    public func labelCounts() -> [[Int]] {
        let width = classes + 1
        var flat = [Int](repeating: 0, count: workers * width)
        withCodes { codes in
            flat.withUnsafeMutableBufferPointer { table in
                var k = 0
                for _ in 0 ..< samples {
                    for i in 0 ..< workers {
                        table[i &* width &+ Int(codes[k])] &+= 1
                        k &+= 1
                    }
                }
            }
        }
        return (0 ..< workers).map { Array(flat[$0 * width ..< $0 * width + classes]) }
    }

    /// M[i]: how many samples worker i reported (Algorithm 3, line 15).
    public func reportedCount(of worker: Int) -> Int {
        labelCount(of: worker).reduce(0, +)
    }
}
