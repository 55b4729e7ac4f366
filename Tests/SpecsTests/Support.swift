import Specs
import Testing

/// The repository root, found from this file's path (Tests/SpecsTests/Support.swift).
let repositoryRoot: String = {
    var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

/// The path of a file under specs/.
func specPath(_ name: String) -> String { "\(repositoryRoot)/specs/\(name)" }

/// A minimal valid PTSFD spec with `extra` appended. TOML refuses duplicate keys, so `extra`
/// may only add keys and tables the base leaves out; it lands inside `[mechanism]` unless it
/// opens a table.
func ptsfd(
    federation: String = "workers = 4\nclasses = 3\naccuracy = 0.8",
    mechanism: String = "kind = \"ptsfd\"\ndeposit = 1000",
    extra: String = ""
) -> String {
    """
    name = "t"
    [federation]
    \(federation)
    [mechanism]
    \(mechanism)
    \(extra)
    """
}

/// The error `body` throws; records an issue when it throws none.
func refusal<T>(_ body: () throws(SpecError) -> T, sourceLocation: SourceLocation = #_sourceLocation)
    -> SpecError?
{
    do {
        let value = try body()
        Issue.record("expected a refusal, got \(value)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// The refusal of the TOML text `toml`, parsed as file `x.toml`.
func specRefusal(_ toml: String, sourceLocation: SourceLocation = #_sourceLocation) -> SpecError? {
    refusal({ () throws(SpecError) in try Spec.parse(toml: toml, file: "x.toml") },
        sourceLocation: sourceLocation)
}
