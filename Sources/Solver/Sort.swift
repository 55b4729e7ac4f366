/// A Z3 sort, used as a phantom type parameter of `Term` (`Term<RealSort>`).
///
/// Only the sorts declared in this module are supported; the wrapper never builds terms of
/// any other conforming type.
public protocol Sort {}

/// A sort with arithmetic (`+ - *`, comparisons): `RealSort` and `IntSort`.
public protocol NumericSort: Sort {}

/// The sort of real numbers (SMT-LIB `Real`).
public enum RealSort: NumericSort {}

/// The sort of mathematical integers (SMT-LIB `Int`); convert with `toReal()`.
public enum IntSort: NumericSort {}

/// The sort of Booleans (SMT-LIB `Bool`).
public enum BoolSort: Sort {}

/// The three sorts the wrapper knows, for building numerals and placeholders.
enum _SortKind {
    case real, int, bool

    init<S: Sort>(_ sort: S.Type) {
        if sort == IntSort.self {
            self = .int
        } else if sort == BoolSort.self {
            self = .bool
        } else {
            self = .real
        }
    }
}
