import Learning

extension Sequential {
    /// Replaces every parameter with `values`, taken in ``Sequential/flatParameters`` order.
    ///
    /// - Parameter values: Exactly ``Sequential/parameterCount`` floats.
    /// - Returns: false (changing nothing) when the count differs.
    @discardableResult
    public func load(flatParameters values: [Float]) -> Bool {
        guard values.count == parameterCount else { return false }
        var offset = 0
        for layer in layers {
            let shapes = layer.parameters
            guard !shapes.isEmpty else { continue }
            layer.parameters = shapes.map { matrix in
                defer { offset += matrix.storage.count }
                return Matrix(rows: matrix.rows, columns: matrix.columns,
                              storage: Array(values[offset ..< offset + matrix.storage.count]))
            }
        }
        return true
    }
}
