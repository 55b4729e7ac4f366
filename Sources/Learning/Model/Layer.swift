// The protocol every network stage conforms to.

/// A differentiable stage of a ``Sequential`` network acting on a batch.
///
/// Inputs and outputs are batch-major matrices: one row per example; images are flattened in
/// NCHW order, so row `n` of an image batch holds channel after channel, each row-major.
///
/// The protocol is class-bound: a layer owns mutable state that outlives a call — the caches
/// that `forward(_:training:)` leaves for `backward(_:)`, and the parameter and gradient
/// storage that an optimizer such as ``Adam`` updates in place through `parameters`. A layer
/// is therefore not `Sendable`: one network belongs to one task at a time.
///
/// Contract:
/// - `forward(_:training: true)` caches what `backward(_:)` needs; with `training: false`
///   nothing is cached and `backward(_:)` must not follow.
/// - `backward(_:)` takes ∂L/∂output of the last training forward, *adds* ∂L/∂parameters to
///   `gradients` (same shapes as `parameters`, in the same order) and returns ∂L/∂input.
/// - `zeroGradients()` sets every gradient to zero.
public protocol Layer: AnyObject {
    /// The trainable parameters (empty for parameterless layers), updated in place by optimizers.
    var parameters: [Matrix] { get set }
    /// The accumulated gradients, one per parameter and of the same shape.
    var gradients: [Matrix] { get }
    /// The layer's output for `input` (batch-major), caching what `backward` needs when training.
    func forward(_ input: Matrix, training: Bool) -> Matrix
    /// ∂L/∂input from ∂L/∂output, accumulating ∂L/∂parameters into `gradients`.
    func backward(_ gradOutput: Matrix) -> Matrix
    /// Resets every gradient to zero.
    func zeroGradients()
}

extension Layer {
    /// No parameters (parameterless layers); assigning anything but `[]` is a programming error.
    public var parameters: [Matrix] {
        get { [] }
        set { precondition(newValue.isEmpty, "\(Self.self) has no parameters") }
    }

    /// No gradients (parameterless layers).
    public var gradients: [Matrix] { [] }

    /// Nothing to reset (parameterless layers).
    public func zeroGradients() {}
}

/// The shape of one image in NCHW layout: `channels` planes of `height × width` pixels.
public struct ImageShape: Hashable, Sendable, CustomStringConvertible {
    /// The number of channels (planes).
    public let channels: Int
    /// The number of rows of each plane.
    public let height: Int
    /// The number of columns of each plane.
    public let width: Int

    /// A shape with positive dimensions.
    public init(channels: Int, height: Int, width: Int) {
        precondition(channels > 0 && height > 0 && width > 0,
                     "ImageShape needs positive dimensions, got \(channels)x\(height)x\(width)")
        self.channels = channels
        self.height = height
        self.width = width
    }

    /// The number of values of one image, `channels · height · width`.
    public var count: Int { channels * height * width }

    /// `C×H×W`.
    public var description: String { "\(channels)x\(height)x\(width)" }
}

extension Matrix {
    /// A 1×`count` row of ones, the left operand that sums a matrix's rows through ``gemm``.
    static func ones(_ count: Int) -> Matrix {
        Matrix(rows: 1, columns: count, repeating: 1)
    }

    /// Sets every element to zero in place.
    mutating func zero() {
        storage.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }
}
