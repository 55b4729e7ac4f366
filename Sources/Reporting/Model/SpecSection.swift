import Fuzz
import Mechanisms
import Simulation
import Specs
import Verification

/// What a check run found for one spec: its settings, then the verification, fuzz and
/// simulation results.
public struct SpecSection: Hashable, Sendable, Codable {
    /// The spec file's path, as given.
    public var file: String
    /// The spec's `name`.
    public var name: String
    /// The spec's `description`.
    public var description: String
    /// Which mechanism the spec describes.
    public var mechanism: MechanismKind
    /// The spec's parameters (key path and value), in the spec's table order.
    public var parameters: [Setting]
    /// The PTSFD knobs with their hardened values; empty for a consensus spec.
    public var knobs: [Setting]
    /// Key path -> 1-based line of every key the spec file writes (`SpecLines`).
    public var keyLines: [String: Int]
    /// One entry per property `verify` checked, in `PropertyID` order.
    public var verification: [VerificationEntry]
    /// Parameter intervals `verify --synthesize` proved the properties on.
    public var synthesis: [SynthesizedRange]
    /// The fuzz campaign, when one ran.
    public var fuzz: FuzzSection?
    /// The simulation, when one ran.
    public var simulation: SimulationSummary?
    /// The charts of the simulation, its sweeps and the synthesized intervals
    /// (`PaperFigures`), as data; `nil` when none were drawn.
    public var charts: [ChartData]?

    enum CodingKeys: String, CodingKey {
        case file, name, description, mechanism, parameters, knobs, verification, synthesis, fuzz, simulation, charts
        case keyLines = "key_lines"
    }

    public init(
        file: String, name: String, description: String, mechanism: MechanismKind, parameters: [Setting],
        knobs: [Setting], keyLines: [String: Int], verification: [VerificationEntry],
        synthesis: [SynthesizedRange] = [], fuzz: FuzzSection? = nil, simulation: SimulationSummary? = nil,
        charts: [ChartData]? = nil
    ) {
        self.charts = charts
        self.file = file
        self.name = name
        self.description = description
        self.mechanism = mechanism
        self.parameters = parameters
        self.knobs = knobs
        self.keyLines = keyLines
        self.verification = verification.sorted { $0.id < $1.id }
        self.synthesis = synthesis
        self.fuzz = fuzz
        self.simulation = simulation
    }

    /// The section of `spec` (read from `file`, whose key lines are `lines`) with its results.
    public init(
        file: String, spec: Spec, lines: SpecLines, verification: [PropertyResult],
        synthesis: [SynthesizedRange] = [], fuzz: FuzzReport? = nil, simulation: SimulationResult? = nil,
        charts: [ChartData]? = nil
    ) {
        self.init(
            file: file, name: spec.name, description: spec.description, mechanism: MechanismKind(spec.mechanism.kind),
            parameters: Setting.parameters(of: spec), knobs: Setting.knobs(of: spec), keyLines: lines.lines,
            verification: verification.map { VerificationEntry($0, specName: spec.name) },
            synthesis: synthesis, fuzz: fuzz.map(FuzzSection.init), simulation: simulation.map(SimulationSummary.init),
            charts: charts)
    }

    /// The line of `key` in the spec file, else of its table's header, else 1.
    public func location(of key: String) -> Int {
        if let line = keyLines[key] { return line }
        if let dot = key.firstIndex(of: "."), let line = keyLines[String(key[..<dot])] { return line }
        return 1
    }
}

/// The mechanism of a spec.
public enum MechanismKind: String, Hashable, Sendable, Codable {
    case ptsfd, consensus

    public init(_ kind: Spec.Mechanism.Kind) {
        switch kind {
        case .ptsfd: self = .ptsfd
        case .consensus: self = .consensus
        }
    }
}

/// A named setting of a spec: its key path, its value as written, and for a knob the
/// hardened value.
public struct Setting: Hashable, Sendable, Codable {
    /// The TOML key path (`mechanism.beta`, `knobs.normalization`).
    public var key: String
    public var value: String
    /// The hardened value of a knob (`nil` for a parameter).
    public var hardened: String?

    public init(key: String, value: String, hardened: String? = nil) {
        self.key = key
        self.value = value
        self.hardened = hardened
    }

    /// Whether a knob is set to something other than its hardened value.
    public var isPaperLiteral: Bool { hardened.map { $0 != value } ?? false }
}
