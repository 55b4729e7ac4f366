public import Adversary
internal import TOMLKit
import Messages

extension Spec {
    /// A consensus spec's `[strategies]`: one consensus strategy per worker, resolved through
    /// `StrategyCatalog.standard`'s consensus table, and the attack parameters.
    ///
    /// ```toml
    /// [strategies]
    /// workers = ["honest", "honest", "coalition", "coalition", "lazy-guesser"]
    /// copy_target = 0                 # whose commitment a commitment-copier copies
    /// junk = "all_zero"               # the E_ck rule of a junk-submitter's result
    /// coalition = [1, 1, 0]           # p, q, l of the workers named "coalition"
    /// coalition_agreed_junk = false   # sigma_3: the q junk senders agree on one junk
    /// ```
    public struct ConsensusStrategies: Hashable, Sendable {
        /// One consensus strategy name per worker.
        public var assignment: [String]
        /// The attack parameters.
        public var parameters: ConsensusStrategyParameters

        public init(assignment: [String], parameters: ConsensusStrategyParameters = .init()) {
            self.assignment = assignment
            self.parameters = parameters
        }
    }

    /// Decodes a consensus spec's `[strategies]` (checked by `validate(file:)`).
    /// - Throws: `SpecError` for a missing, mistyped or unknown key.
    static func decodeConsensusStrategies(_ t: inout TOMLReader) throws(SpecError) -> ConsensusStrategies {
        guard let items = try t.array("workers") else {
            throw t.error(
                "workers",
                "missing: a consensus spec's [strategies] names one strategy per worker "
                    + "(\(listing(StrategyCatalog.standard.consensusNames)))")
        }
        var assignment: [String] = []
        for (i, item) in items.enumerated() {
            assignment.append(try TOMLReader.asString(item, file: t.file, key: t.keyPath("workers[\(i)]")))
        }
        var parameters = ConsensusStrategyParameters()
        if let k = try t.int("copy_target") { parameters.copyTarget = k }
        if let junk = try t.choice("junk", of: ConsensusStrategyParameters.Junk.self, what: "junk rule") {
            parameters.junk = junk
        }
        let agreed = try t.bool("coalition_agreed_junk") ?? false
        let coalitionSize = assignment.filter { $0 == CoalitionMember<SyntheticConsensusTask>.strategyName }.count
        if let split = try t.array("coalition") {
            guard split.count == 3 else {
                throw t.error("coalition", "expected [p, q, l] (3 integers), got \(split.count) entries")
            }
            var pql: [Int] = []
            for (i, item) in split.enumerated() {
                let v = try TOMLReader.asInt(item, file: t.file, key: t.keyPath("coalition[\(i)]"))
                try checkRange(v, 0 ... 10_000, file: t.file, key: t.keyPath("coalition[\(i)]"))
                pql.append(v)
            }
            guard pql.reduce(0, +) >= 1 else { throw t.error("coalition", "p + q + l is 0: a coalition has a member") }
            if agreed {
                guard pql[0] == 0, pql[2] == 0, pql[1] >= 2 else {
                    throw t.error(
                        "coalition_agreed_junk",
                        "an agreed junk (sigma_3) needs coalition = [0, q, 0] with q >= 2, not \(pql)")
                }
                parameters.coalition = .sigma3(size: pql[1])
            } else {
                parameters.coalition = ConsensusCoalition(p: pql[0], q: pql[1], l: pql[2])
            }
        } else if coalitionSize > 0 {
            throw t.error(
                "coalition",
                "missing: \(coalitionSize) workers are \"coalition\"; give their split [p, q, l] "
                    + "(true result, junk, nothing)")
        } else if agreed {
            throw t.error("coalition_agreed_junk", "needs coalition = [0, q, 0]")
        }
        try t.finish()
        return ConsensusStrategies(assignment: assignment, parameters: parameters)
    }

    /// Checks a consensus spec's `[strategies]` against `[federation]`: one known name per
    /// worker, a copy target that is another worker and commits on its own, and a coalition
    /// split that covers exactly the workers named `coalition`.
    func validateConsensusStrategies(file: String) throws(SpecError) {
        guard let s = consensusStrategies else { return }
        let n = federation.workers
        let names = StrategyCatalog.standard.consensusNames
        try Spec.checkCount(s.assignment.count, n, of: "federation.workers", file: file, key: "strategies.workers")
        for (i, name) in s.assignment.enumerated() where !names.contains(name) {
            throw SpecError(
                file: file, key: "strategies.workers[\(i)]",
                reason: "unknown consensus strategy \(Echo.quoted(name)) (expected \(listing(names)))")
        }
        let copier = CommitmentCopier<SyntheticConsensusTask>.strategyName
        try Spec.checkRange(s.parameters.copyTarget, 0 ... max(n - 1, 0), file: file, key: "strategies.copy_target")
        if s.assignment.contains(copier), s.assignment[s.parameters.copyTarget] == copier {
            throw SpecError(
                file: file, key: "strategies.copy_target",
                reason: "worker \(s.parameters.copyTarget) is itself a \"\(copier)\": a copier copies "
                    + "a worker that commits its own result")
        }
        let members = s.assignment.filter { $0 == CoalitionMember<SyntheticConsensusTask>.strategyName }.count
        if members > 0, s.parameters.coalition.size != members {
            let c = s.parameters.coalition
            throw SpecError(
                file: file, key: "strategies.coalition",
                reason: "the split [\(c.p), \(c.q), \(c.l)] has \(c.size) members, but \(members) "
                    + "workers are \"coalition\"")
        }
    }
}
