import Testing
import Mechanisms
@testable import Learning

/// `gemm` against a naive triple loop on seeded random matrices of odd shapes.
@Suite("BLAS gemm", .serialized)
struct BLASGEMMTests {
    /// (m, k, n) shapes of op(A) · op(B).
    static let shapes: [(m: Int, k: Int, n: Int)] = [(1, 1, 1), (3, 5, 2), (17, 33, 9), (4, 1, 6)]
    static let scalings: [(alpha: Float, beta: Float)] = [(1, 0), (0.75, -1.25), (-2, 0.5)]

    static func random(_ rows: Int, _ columns: Int, using generator: inout SplitMix64) -> Matrix {
        Matrix(rows: rows, columns: columns) { _, _ in Float.random(in: -1...1, using: &generator) }
    }

    /// `alpha · op(A) · op(B) + beta · C` by definition, accumulated in Double.
    static func naive(_ a: Matrix, _ transposeA: Bool, _ b: Matrix, _ transposeB: Bool,
                      alpha: Float, beta: Float, c: Matrix) -> Matrix {
        let opA = transposeA ? a.transposed : a
        let opB = transposeB ? b.transposed : b
        return Matrix(rows: opA.rows, columns: opB.columns) { i, j in
            var sum = 0.0
            for p in 0..<opA.columns { sum += Double(opA[i, p]) * Double(opB[p, j]) }
            let prior = beta == 0 ? 0 : Double(beta) * Double(c[i, j])
            return Float(Double(alpha) * sum + prior)
        }
    }

    /// Whether every element agrees within `relative` of the larger magnitude (or of 1).
    static func close(_ x: Matrix, _ y: Matrix, relative: Float = 1e-4) -> Bool {
        x.rows == y.rows && x.columns == y.columns
            && zip(x.storage, y.storage).allSatisfy { abs($0 - $1) <= relative * max(1, abs($0), abs($1)) }
    }

    @Test("gemm matches the naive product", arguments: [UInt64(1), 2, 3])
    func matchesNaive(seed: UInt64) {
        BLAS.setThreads(1)
        for shape in Self.shapes {
            for transposeA in [false, true] {
                for transposeB in [false, true] {
                    for scaling in Self.scalings {
                        var generator = SplitMix64(seed: seed)
                        let a = transposeA ? Self.random(shape.k, shape.m, using: &generator)
                                           : Self.random(shape.m, shape.k, using: &generator)
                        let b = transposeB ? Self.random(shape.n, shape.k, using: &generator)
                                           : Self.random(shape.k, shape.n, using: &generator)
                        var c = Self.random(shape.m, shape.n, using: &generator)
                        let expected = Self.naive(a, transposeA, b, transposeB,
                                                  alpha: scaling.alpha, beta: scaling.beta, c: c)
                        gemm(a, transposeA: transposeA, b, transposeB: transposeB,
                             alpha: scaling.alpha, beta: scaling.beta, into: &c)
                        #expect(Self.close(c, expected),
                                "seed \(seed) shape \(shape) tA \(transposeA) tB \(transposeB) \(scaling)")
                    }
                }
            }
        }
    }

    @Test("beta 0 ignores NaN in C; empty inner dimension scales C")
    func edgeCases() {
        let a = Matrix(rows: 2, columns: 3, storage: [1, 2, 3, 4, 5, 6])
        let b = Matrix(rows: 3, columns: 1, storage: [1, 0, -1])
        var c = Matrix(rows: 2, columns: 1, repeating: .nan)
        gemm(a, b, into: &c)
        #expect(c.storage == [-2, -2])
        var d = Matrix(rows: 2, columns: 2, repeating: 3)
        gemm(Matrix(rows: 2, columns: 0), Matrix(rows: 0, columns: 2), alpha: 1, beta: 2, into: &d)
        #expect(d.storage == [6, 6, 6, 6])
    }

    @Test("C may be passed as its own operand (value semantics)")
    func selfOperand() {
        var m = Matrix(rows: 2, columns: 2, storage: [1, 2, 3, 4])
        gemm(m, m, into: &m)
        #expect(m.storage == [7, 10, 15, 22])
    }

    @Test("thread count round-trips")
    func threads() {
        BLAS.setThreads(1)
        #expect(BLAS.threads == 1)
    }
}
