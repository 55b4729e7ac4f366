import Adversary
import Specs
import Testing
@testable import Simulation

@Suite("Simulation plan")
struct SimulationPlanTests {
    func spec(_ extra: String, mechanism: String = "beta = 1.0") throws -> Spec {
        try Spec.parse(toml: """
            name = "plan"
            [federation]
            workers = 3
            classes = 10
            accuracy = 0.8
            [mechanism]
            kind = "ptsfd"
            \(mechanism)
            deposit = 100
            [contract]
            rounds = 2
            lambda_schedule = [1.0, 0.5]
            \(extra)
            """, file: "plan.toml")
    }

    @Test("strategies come from the catalog by name, in worker order")
    func strategies() throws {
        let plan = try SimulationPlan(spec: spec("[strategies]\nworkers = [\"heuristic\", \"honest\", \"colluding\"]"), file: "plan.toml")
        #expect(plan.strategies.map(\.name) == ["heuristic", "honest", "colluding"])
        #expect((plan.strategies[2] as? ColludingStrategy)?.classMap == [0, 0, 0, 0, 0, 9, 9, 9, 9, 9])
        #expect((plan.strategies[0] as? HeuristicStrategy)?.distribution == [Double](repeating: 0.1, count: 10))
        #expect(plan.beta == 1 && plan.lambdas == [1, 0.5])
    }

    @Test("--rounds past the schedule repeats its last lambda; --seed replaces both seeds")
    func roundsAndSeed() throws {
        let plan = try SimulationPlan(spec: spec("[data]\nseed = 3\n[training]\nseed = 4"), file: "plan.toml",
                                      rounds: 4, seed: 11)
        #expect(plan.lambdas == [1, 0.5, 0.5, 0.5])
        #expect(plan.simulation.data.seed == 11 && plan.simulation.training.seed == 11)
        let kept = try SimulationPlan(spec: spec("[data]\nseed = 3\n[training]\nseed = 4"), file: "plan.toml", rounds: 1)
        #expect(kept.lambdas == [1])
        #expect(kept.simulation.data.seed == 3 && kept.simulation.training.seed == 4)
        // Each worker's effort has its own seed.
        #expect(Set((0..<3).map { kept.effort(of: $0).seed }).count == 3)
    }

    @Test("refusals name the key: no simulation tables, a beta range, an unknown strategy")
    func refusals() throws {
        #expect(throws: SimulationError.notASimulationSpec(file: "plan.toml")) {
            try SimulationPlan(spec: spec(""), file: "plan.toml")
        }
        let ranged = try spec("[data]", mechanism: "beta = {min = 0.5, max = 1}")
        do throws(SimulationError) {
            _ = try SimulationPlan(spec: ranged, file: "plan.toml")
            Issue.record("accepted a beta range")
        } catch {
            guard case .badSpecValue(_, let key, _) = error else { Issue.record("\(error)"); return }
            #expect(key == "mechanism.beta")
        }
        let unknown = StrategyCatalog().registering("honest") { _ in HonestStrategy() }
        let mixed = try spec("[strategies]\nworkers = [\"honest\", \"heuristic\", \"honest\"]")
        do throws(SimulationError) {
            _ = try SimulationPlan(spec: mixed, file: "plan.toml", catalog: unknown)
            Issue.record("accepted a strategy missing from the catalog")
        } catch {
            #expect(error.description.contains("strategies.workers[1]"))
            #expect(error.description.contains("unknown strategy \"heuristic\""))
        }
    }
}
