import Foundation
import Adversary
import Mechanisms
import Specs
import Testing

@testable import Fuzz

/// Reproducibility: a case's result depends on (seed, case index) alone.
@Suite struct EconomicCampaignTests {
    static func campaign(_ name: String = "paper") throws -> EconomicCampaign {
        let path = Self.specPath(name)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return EconomicCampaign(spec: try Spec.load(path: path), specPath: path, specText: text)
    }

    static func specPath(_ name: String) -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent("specs/\(name).toml").path
    }

    static func options(_ cases: [Int], threads: Int, _ properties: [FuzzPropertyID]) -> EconomicCampaign.Options {
        var o = EconomicCampaign.Options(
            seed: 11, cases: cases, threads: threads, shrinkLimit: 20, properties: properties, command: "test")
        o.ranges = FederationRanges(samples: 20 ... 40, replications: 8, honestShare: 0.7)
        return o
    }

    @Test func sameSeedSameFindingsWhateverTheThreads() throws {
        let c = try Self.campaign()
        let properties: [FuzzPropertyID] = [.honestDominatesHeuristic, .honestDominatesCollusion]
        let one = try c.run(Self.options(Array(0 ..< 6), threads: 1, properties))
        let two = try c.run(Self.options(Array(0 ..< 6), threads: 2, properties))
        #expect(one == two)
        #expect(one.properties.map(\.cases) == [6, 6])
    }

    @Test func shardsMergeIntoTheWholeCampaign() throws {
        let c = try Self.campaign()
        let properties: [FuzzPropertyID] = [.honestDominatesHeuristic]
        let whole = try c.run(Self.options(Array(0 ..< 7), threads: 2, properties))
        let shards = try (0 ..< 3).map { i in
            try c.run(Self.options((0 ..< 7).filter { $0 % 3 == i }, threads: 1, properties))
        }
        // Merged in a different order than the shards ran: merging is order-free.
        let merged = shards[2].merged(with: shards[0]).merged(with: shards[1])
        #expect(merged == whole)
    }

    @Test func federationsStayWithinTheSpec() throws {
        let c = try Self.campaign()
        for k in 0 ..< 20 {
            let f = c.federation(seed: 3, index: k, ranges: .standard)
            #expect(f.workers == 10 && f.classes == 10)
            #expect(f.accuracy.allSatisfy { $0 == 0.9 })
            #expect(f.beta == 1 && f.lambda == 1)
            #expect((50 ... 300).contains(f.samples))
            #expect(f.background.allSatisfy { StrategyCatalog.standard.names.contains($0) })
            #expect(c.federation(seed: 3, index: k, ranges: .standard) == f)
        }
        #expect(c.federation(seed: 3, index: 0, ranges: .standard) != c.federation(seed: 4, index: 0, ranges: .standard))
    }
}
