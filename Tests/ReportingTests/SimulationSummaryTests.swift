import Foundation
import Reporting
import Simulation
import Testing

@Suite struct SimulationSummaryTests {
    @Test func groupsByStrategyInWorkerOrderWithMeans() throws {
        func worker(_ k: Int, _ strategy: String, reward: Double, net: Int, before: Double?, after: Double?) -> String {
            """
            {"worker": \(k), "strategy": "\(strategy)", "privateSize": 100, "epochs": 1, "reports": 10,
             "reward": \(reward), "net": \(net), "fromBank": false\(before.map { ", \"accuracyBefore\": \($0)" } ?? "")\(after.map { ", \"accuracyAfter\": \($0)" } ?? "")}
            """
        }
        let json = """
            {"spec": "t", "specPath": "t.toml", "command": "", "dataSeed": 0, "trainingSeed": 0, "blasThreads": 1,
             "publicSamples": 10, "testSamples": 10,
             "workers": [\(worker(0, "honest", reward: 10, net: 5, before: 0.5, after: 0.75)),
                         \(worker(1, "heuristic", reward: -2, net: -10, before: nil, after: nil)),
                         \(worker(2, "honest", reward: 20, net: 15, before: 0.625, after: 0.875))],
             "rounds": [{"round": 0, "lambda": 1, "labelled": 10, "aggregatedAccuracy": 0.5, "reports": [], "rewards": [],
                         "payouts": [], "slashed": [], "accuracyAfter": [], "seconds": 0}],
             "timings": {"loading": 0, "training": 0, "rounds": 0, "total": 0}}
            """
        let result = try JSONDecoder().decode(SimulationResult.self, from: Data(json.utf8))
        let summary = SimulationSummary(result)
        #expect(summary.rounds == 1)
        #expect(summary.groups.map(\.strategy) == ["honest", "heuristic"])
        // honest: rewards 10 and 20 -> 15; nets 5 and 15 -> 10; accuracy (0.5 + 0.625)/2 =
        // 0.5625 before, (0.75 + 0.875)/2 = 0.8125 after (all exact in binary).
        let honest = summary.groups[0]
        #expect(honest.workers == 2 && honest.meanReward == 15 && honest.meanNet == 10)
        #expect(honest.accuracyBefore == 0.5625 && honest.accuracyAfter == 0.8125)
        let heuristic = summary.groups[1]
        #expect(heuristic.workers == 1 && heuristic.meanReward == -2 && heuristic.meanNet == -10)
        #expect(heuristic.accuracyBefore == nil)
    }
}
