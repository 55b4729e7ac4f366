import Foundation
import Solver
import Testing

@Suite("SMT-LIB2: scripts replay in the z3 binary")
struct SMTLIB2Tests {
    /// Queries with their known answers.
    static var queries: [(name: String, expected: String, build: (Context) -> [Term<BoolSort>])] {[
        ("linear sat", "sat", { c in [3 * c.real("x") .== 1] }),
        ("linear unsat", "unsat", { c in [c.real("x") .> 1, c.real("x") .< 1] }),
        ("integer unsat", "unsat", { c in [2 * c.int("n") .== 7] }),
        ("mixed sorts", "sat", { c in [c.int("n").toReal() * 2 .== c.real("x"), c.real("x") .> 0.1] }),
        ("nonlinear sat", "sat", { c in [c.real("x") * c.real("x") .== 2, c.real("x") .> 0] }),
        ("nonlinear unsat", "unsat", { c in [c.real("x") * c.real("x") .< 0] }),
        ("quantified valid", "unsat", { c in [!forall([c.real("x").erased], c.real("x") * c.real("x") .>= 0)] }),
        ("quantified sat", "sat", { c in
            [forall([c.real("y").erased], implies(c.real("y") .> c.real("x[1] odd|name"), c.real("y") .> 0))]
        }),
        ("no assertions", "sat", { _ in [] }),
        ("exact numerals", "unsat", { c in [c.real("x") .== Rational(1, 3), 3 * c.real("x") .!= 1] }),
    ]}

    @Test(arguments: 0..<10)
    func replaysToTheSameAnswer(index: Int) throws {
        let query = Self.queries[index]
        let context = Context()
        let solver = Solver(context: context, timeoutMilliseconds: 10_000)
        for assertion in query.build(context) { solver.add(assertion) }
        let script = solver.smtlib2()
        #expect(script.hasSuffix("(check-sat)\n"))

        let ours: String
        switch try solver.check() {
        case .sat: ours = "sat"
        case .unsat: ours = "unsat"
        case .unknown(let reason): ours = "unknown (\(reason))"
        }
        #expect(ours == query.expected, "\(query.name)")
        #expect(try runZ3(script) == query.expected, "\(query.name):\n\(script)")
    }

    /// Runs `/usr/bin/z3 -smt2 FILE` and returns its first output line.
    private func runZ3(_ script: String) throws -> String {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("solver-test-\(UUID().uuidString).smt2")
        try script.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/z3")
        process.arguments = ["-smt2", "-T:20", file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        return text.split(separator: "\n").first.map(String.init) ?? ""
    }
}
