import Foundation
import Ledger
import Mechanisms
import Messages
import Specs

/// Interesting cases kept between runs (`--corpus DIR`): near-misses of the economic
/// properties (the non-violating case closest to violation) and one contract case per refusal
/// reason the contract gave. A later run with the same corpus judges its entries first, as
/// extra cases with negative indices (entry k is case -(k+1)), so a corpus violation is reported
/// before any drawn one; results are reproducible for the same corpus content.
public struct CorpusEntry: Hashable, Sendable, Codable {
    /// The file format's version, 1.
    public var schema: Int
    /// The property the entry came close to (economic), or `refusal` entries' property list.
    public var property: String
    /// Why it was kept: `near-miss` or `refusal <reason>`.
    public var kind: String
    /// The federation of a near-miss.
    public var federation: Federation?
    /// The contract case that drew a refusal reason.
    public var contractCase: ContractCase?

    /// The entry's file name: `<property>.json` or `refusal-<reason>.json`.
    public var fileName: String {
        kind.hasPrefix("refusal ") ? "refusal-\(kind.dropFirst("refusal ".count)).json" : "\(property).json"
    }
}

extension CorpusEntry {
    /// The entries a finished run contributes: a near-miss per economic property that held
    /// (one with a finite lower bound), and the first case of every refusal reason.
    public static func harvest(
        summary: EconomicCampaign.Summary, campaign: EconomicCampaign, seed: UInt64,
        contract: ContractCampaign?, refusals: [String: Int]
    ) -> [CorpusEntry] {
        var entries: [CorpusEntry] = []
        // A consensus case is cheap and deterministic: its near-misses are not kept.
        for property in summary.properties where property.violation == nil && campaign.spec.mechanism.kind == .ptsfd {
            guard let id = FuzzPropertyID(rawValue: property.id), id.layer == .economic,
                let near = property.nearest, near.caseIndex >= 0
            else { continue }
            var federation = campaign.federation(seed: seed, index: near.caseIndex, ranges: .standard)
            federation.models = nil
            entries.append(CorpusEntry(
                schema: 1, property: property.id, kind: "near-miss", federation: federation,
                contractCase: nil))
        }
        if let contract {
            for (reason, index) in refusals.sorted(by: { $0.key < $1.key }) {
                let (contractCase, _, _, _) = contract.runCase(index, on: Contract.self)
                entries.append(CorpusEntry(
                    schema: 1, property: "contract", kind: "refusal \(reason)", federation: nil,
                    contractCase: contractCase))
            }
        }
        return entries
    }

    /// Judges the corpus entries as cases -(k+1) for `properties`: near-misses again with noise
    /// derived from the campaign seed (confirmed and shrunk like any case), refusal cases
    /// replayed against every contract property.
    public static func judge(
        _ entries: [CorpusEntry], campaign: EconomicCampaign, options: EconomicCampaign.Options,
        specText: String
    ) throws -> [PropertySummary] {
        var summaries = options.properties.map { PropertySummary(id: $0.rawValue) }
        for (k, entry) in entries.enumerated() {
            let index = -(k + 1)
            if var federation = entry.federation, let id = FuzzPropertyID(rawValue: entry.property),
                let slot = options.properties.firstIndex(of: id), id.layer == .economic
            {
                federation.models = campaign.models
                var stream = SplitMix64(seed: federation.noiseSeed, stream: options.seed)
                federation.noiseSeed = stream.next()
                let (one, _) = try campaign.judgeEconomic(id, federation, index: index, options)
                summaries[slot] = summaries[slot].merged(with: one)
            }
            if let contractCase = entry.contractCase {
                let contractIDs = options.properties.filter { $0.layer == .contract }
                let violations = try replay(contractCase, on: Contract.self, properties: contractIDs, caseIndex: index)
                for id in contractIDs {
                    guard let slot = options.properties.firstIndex(of: id) else { continue }
                    var one = PropertySummary(id: id.rawValue)
                    one.cases = 1
                    if let v = violations.first(where: { $0.property == id }) {
                        let found = ContractCounterexample(violation: v, contractCase: contractCase, originalSteps: contractCase.steps.count, replays: 0)
                        one.violation = ContractCampaignResult.finding(found, id: id, spec: campaign.spec, specPath: campaign.specPath, specText: specText, seed: options.seed, command: options.command)
                    }
                    summaries[slot] = summaries[slot].merged(with: one)
                }
            }
        }
        return summaries
    }

    /// The entries in `directory/<spec name>/`, sorted by file name (none when it is absent).
    /// - Throws: when a file is not a corpus entry (naming it).
    public static func load(directory: String, specName: String) throws -> [CorpusEntry] {
        let folder = URL(fileURLWithPath: directory).appendingPathComponent(specName)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return try names.filter { $0.hasSuffix(".json") }.sorted().map { name in
            let url = folder.appendingPathComponent(name)
            let entry: CorpusEntry
            do {
                entry = try JSONDecoder().decode(CorpusEntry.self, from: Data(contentsOf: url))
            } catch {
                throw CorpusError(file: url.path, reason: decodingReason(error))
            }
            if let defect = entry.federation?.defect {
                throw CorpusError(file: url.path, reason: "its federation cannot be played: federation." + defect)
            }
            return entry
        }
    }
}

/// A corpus file that cannot be read.
public struct CorpusError: Error, CustomStringConvertible {
    public var file: String
    public var reason: String
    public var description: String { "\(Echo.path(file)): not a corpus entry: \(reason)" }
}
