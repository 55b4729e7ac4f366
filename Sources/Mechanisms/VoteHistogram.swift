/// The votes per class of one sample: the kernel both settlements (`PTSFD.settle` and the
/// Ledger's integer settlement) run once per sample.
public enum VoteHistogram {
    /// Counts the codes `row[0 ..< n]` (a class, or `width - 1` for "no report") into
    /// `histogram[0 ..< width]`.
    ///
    /// Four interleaved histograms break the store-to-load chain when workers agree (most
    /// votes of a sample hit the same slot); they are added into the first at the end.
    /// - Parameters:
    ///   - row: one sample's codes, one per worker.
    ///   - n: the workers.
    ///   - width: classes + 1.
    ///   - histogram: scratch of `4 * width` counts; on return the first `width` hold the votes.
    /// - Complexity: O(n + width).
    @inlinable
    public static func count(
        _ row: UnsafePointer<UInt8>, workers n: Int, width: Int, into histogram: UnsafeMutablePointer<Int>
    ) {
        histogram.update(repeating: 0, count: 4 &* width)
        var i = 0
        while i &+ 4 <= n {
            histogram[Int(row[i])] &+= 1
            histogram[width &+ Int(row[i &+ 1])] &+= 1
            histogram[2 &* width &+ Int(row[i &+ 2])] &+= 1
            histogram[3 &* width &+ Int(row[i &+ 3])] &+= 1
            i &+= 4
        }
        while i < n {
            histogram[Int(row[i])] &+= 1
            i &+= 1
        }
        for c in 0 ..< width {
            histogram[c] = histogram[c] &+ histogram[width &+ c]
                &+ histogram[2 &* width &+ c] &+ histogram[3 &* width &+ c]
        }
    }
}
