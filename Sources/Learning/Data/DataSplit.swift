/// A partition of sample indices into a public set and one private set per worker.
///
/// Plain data: indices refer to the labelled set that was split. The sets are pairwise
/// disjoint and each is sorted ascending.
public struct DataSplit: Equatable, Sendable {
    /// The public set X_pub, shared by all workers.
    public var publicIndices: [Int]
    /// `workerIndices[i]` is worker i's private training set.
    public var workerIndices: [[Int]]

    /// A split from its parts.
    ///
    /// - Parameters:
    ///   - publicIndices: the public set.
    ///   - workerIndices: one private set per worker.
    public init(publicIndices: [Int], workerIndices: [[Int]]) {
        self.publicIndices = publicIndices
        self.workerIndices = workerIndices
    }
}
