import Fuzz
import Specs
import Verification

/// Every property id a spec's `[checks]` may name: `verify`'s and `fuzz`'s.
let knownCheckIDs = PropertyID.allCases.map(\.rawValue) + FuzzPropertyID.allCases.map(\.rawValue)

/// Loads a spec for a command: parsed, validated, and with no `[checks]` key that names an
/// unknown property (a typo would otherwise silently check nothing).
/// - Throws: `CommandFailure` (exit 2) naming the file, the key and the reason.
func loadSpec(_ path: String) throws -> Spec {
    do {
        let spec = try Spec.load(path: path)
        try spec.refuseUnknownChecks(known: knownCheckIDs, file: path)
        return spec
    } catch {
        throw CommandFailure.badInput(error)
    }
}
