import Foundation
import Ledger
import Simulation
import Specs
import Messages

/// Replays a counterexample: the stored property judged again on the stored minimal
/// federation with the stored seeds.
public enum Replay {
    /// Why a counterexample cannot be replayed.
    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        case unsupportedSchema(Int)
        case unknownProperty(String)
        case noFederation(String)
        case notEconomic(String)
        case needsModels(String)
        case invalid(String, String)

        public var description: String {
            switch self {
            case .unsupportedSchema(let s): "schema \(s) is not supported (this serumcheck reads schema \(Counterexample.schema))"
            case .unknownProperty(let id): "no property is called \(Echo.quoted(id))"
            case .noFederation(let id): "the counterexample of \(id) holds no federation or transaction sequence"
            case .notEconomic(let id): "\(id) has no replayable counterexample"
            case .needsModels(let id): "the counterexample of \(id) replays real predictions, which were not loaded"
            case .invalid(let id, let defect): "the counterexample of \(id) cannot be played: \(defect)"
            }
        }
    }

    /// What a replay found.
    public struct Result: Hashable, Sendable {
        /// Whether the property is still violated.
        public var violated: Bool
        /// The deciding comparison or the violated step, in words.
        public var detail: String
    }

    /// Judges `counterexample` again; with `spec`, the federation (or the contract) is deployed
    /// with that spec's knobs instead (for example the hardened ones), everything else as stored.
    /// - Returns: `violated` while the defect is there.
    /// - Parameter models: the real predictions of a `bank` federation (loaded again from the
    ///   embedded spec by the caller).
    ///   `bank` is where a pipeline replay keeps its local models.
    public static func judge(
        _ counterexample: Counterexample, knobsFrom spec: Spec? = nil, models: BankModels? = nil,
        bank: PredictionBank? = nil
    ) throws -> Result {
        guard counterexample.schema == Counterexample.schema else {
            throw Failure.unsupportedSchema(counterexample.schema)
        }
        guard let id = FuzzPropertyID(rawValue: counterexample.property) else {
            throw Failure.unknownProperty(counterexample.property)
        }
        switch id.layer {
        case .economic:
            if var consensus = counterexample.consensus {
                if let defect = consensus.defect { throw Failure.invalid(id.rawValue, "consensus." + defect) }
                if let spec { consensus.commitment = spec.knobs.commitment }
                let verdict = try ConsensusScenario.make(id, consensus)
                    .judge(consensus, confidence: counterexample.confidence)
                return Result(
                    violated: verdict.violated,
                    detail: "\(consensus.shape); \(verdict.label); largest gain \(Self.figure(verdict.test.maximum))")
            }
            guard var federation = counterexample.federation else { throw Failure.noFederation(id.rawValue) }
            if let defect = federation.defect { throw Failure.invalid(id.rawValue, "federation." + defect) }
            if let spec { federation.knobs = spec.knobs }
            if federation.source != .synthetic {
                guard let models else { throw Failure.needsModels(id.rawValue) }
                federation.models = models
            }
            let verdict = try EconomicProperty().scenario(id, federation)
                .judge(federation, confidence: counterexample.confidence)
            return Result(
                violated: verdict.violated,
                detail: "\(federation.shape); \(verdict.label); mean gain \(Self.figure(verdict.test.mean)), "
                    + "lower bound \(Self.figure(verdict.test.lowerBound))")
        case .contract:
            guard var contractCase = counterexample.contract?.contractCase else { throw Failure.noFederation(id.rawValue) }
            if let spec, case .ptsfd(var terms) = contractCase.config.mechanism {
                terms.knobs = spec.knobs
                contractCase.config.mechanism = .ptsfd(terms)
            }
            let violations = try replay(contractCase, on: Contract.self, properties: [id], caseIndex: counterexample.caseIndex)
            return Result(
                violated: !violations.isEmpty,
                detail: "\(contractCase.steps.count) transactions; "
                    + (violations.first.map { "step \($0.step): \($0.message)" } ?? "no step violates it"))
        case .pipeline:
            let embedded = try Spec.parse(toml: counterexample.specText, file: counterexample.specPath)
            let verdict = try PipelineCheck.judge(
                spec: embedded, path: counterexample.specPath, seed: counterexample.seed,
                index: counterexample.caseIndex, knobs: spec?.knobs, bank: bank)
            return Result(violated: verdict.violated, detail: verdict.label)
        case .equilibrium:
            guard var federation = counterexample.federation,
                let profile = EquilibriumProfile.profiles.first(where: { $0.name == counterexample.profile })
            else { throw Failure.noFederation(id.rawValue) }
            if let defect = federation.defect { throw Failure.invalid(id.rawValue, "federation." + defect) }
            if let spec { federation.knobs = spec.knobs }
            if federation.source != .synthetic {
                guard let models else { throw Failure.needsModels(id.rawValue) }
                federation.models = models
            }
            let observation = try EconomicProperty().observe(
                profile, federation, confidence: counterexample.confidence)
            // A profile other than all-honest violates the property while it stays stable;
            // all-honest violates it while a single worker leaves it.
            let honest = profile.name == EquilibriumProfile.profiles[0].name
            return Result(
                violated: honest ? observation.left : !observation.left,
                detail: "\(federation.shape); \(profile.name) "
                    + (observation.left ? "is left: \(observation.deviation)" : "is stable; closest: \(observation.deviation)"))
        }
    }
}

extension Replay {
    /// A figure with four significant digits.
    static func figure(_ x: Double) -> String { String(format: "%.4g", x) }
}
