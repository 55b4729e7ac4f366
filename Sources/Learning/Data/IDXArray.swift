/// An unsigned-byte IDX array: its dimensions and its bytes in row-major order.
///
/// `bytes.count` is always the product of `dimensions`; both come from a validated file
/// (see ``IDXReader``).
public struct IDXArray: Equatable, Sendable {
    /// The dimension sizes, outermost first (e.g. `[10000, 28, 28]` for an image file).
    public var dimensions: [Int]
    /// The elements, last dimension varying fastest.
    public var bytes: [UInt8]

    /// An array from its dimensions and bytes.
    ///
    /// - Parameters:
    ///   - dimensions: the sizes, outermost first.
    ///   - bytes: the elements in row-major order; `bytes.count` must equal the product of
    ///     `dimensions` (checked with a precondition).
    public init(dimensions: [Int], bytes: [UInt8]) {
        precondition(dimensions.reduce(1, *) == bytes.count, "IDXArray: size does not match dimensions")
        self.dimensions = dimensions
        self.bytes = bytes
    }
}
