import ArgumentParser

/// Numeric options and negative numbers.
///
/// ArgumentParser reads `-1` after an option as a flag, so `--seed -1` used to fail with
/// "Missing value for '--seed <s>'". Every numeric option is therefore declared with
/// `parsing: .unconditional` (the next word is its value, whatever it looks like), so a
/// negative number reaches the command: a signed option's `validate()` names its range
/// (`--jobs -1 is outside 1 ... 256.`), and an unsigned option parses with ``unsigned(_:)``,
/// which says what an unsigned value must be.
enum UnsignedArgument {
    /// Parses an unsigned option's value: `The value '-1' is invalid for '--seed <s>': expected
    /// an integer in 0 ... 18446744073709551615`.
    @Sendable static func unsigned<T: FixedWidthInteger & UnsignedInteger>(_ text: String) throws -> T {
        guard let value = T(text) else {
            throw ValidationError("expected an integer in 0 ... \(T.max)")
        }
        return value
    }
}
