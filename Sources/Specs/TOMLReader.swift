internal import TOMLKit
import Messages

/// Reads one TOML table of a spec with precise errors: every value is fetched by key, typed
/// strictly, and `finish()` refuses the keys nobody asked for.
///
/// Type rules: an integer key refuses floats (`deposit = 1.5` and `deposit = 1.0` alike), a
/// float key accepts integers (`beta = 1`), and no float may be `inf` or `nan`.
struct TOMLReader {
    let file: String
    /// The key path of this table, `""` for the document.
    let path: String
    let table: TOMLTable
    private var used: Set<String> = []

    init(file: String, path: String, table: TOMLTable) {
        self.file = file
        self.path = path
        self.table = table
    }

    /// `path.key`, or `key` at the top level.
    func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func error(_ key: String, _ reason: String) -> SpecError {
        SpecError(file: file, key: keyPath(key), reason: reason)
    }

    /// The raw value of `key`, marking it as known; `nil` when absent.
    mutating func value(_ key: String) -> TOMLValueConvertible? {
        used.insert(key)
        return table[key]
    }

    /// The value of `key`, or an error when it is missing.
    mutating func required(_ key: String) throws(SpecError) -> TOMLValueConvertible {
        guard let v = value(key) else { throw error(key, "missing required key") }
        return v
    }

    /// Marks `key` as known without reading it.
    mutating func allow(_ key: String) { used.insert(key) }

    /// Refuses every key that was not read or allowed.
    /// - Parameter laterTables: keys refused with "arrives in a later version".
    func finish(laterTables: Set<String> = []) throws(SpecError) {
        for key in table.keys.sorted() where !used.contains(key) {
            if laterTables.contains(key) {
                throw error(
                    key,
                    "unknown table: [\(keyPath(key))] arrives in a later version of serumcheck "
                        + "and is not accepted yet")
            }
            let expected = used.sorted().joined(separator: ", ")
            throw error(key, "unknown key (expected one of: \(expected))")
        }
    }

    // MARK: typed getters

    mutating func subtable(_ key: String) throws(SpecError) -> TOMLReader? {
        guard let v = value(key) else { return nil }
        return try Self.asTable(v, file: file, key: keyPath(key))
    }

    mutating func string(_ key: String) throws(SpecError) -> String? {
        guard let v = value(key) else { return nil }
        return try Self.asString(v, file: file, key: keyPath(key))
    }

    mutating func int(_ key: String) throws(SpecError) -> Int? {
        guard let v = value(key) else { return nil }
        return try Self.asInt(v, file: file, key: keyPath(key))
    }

    mutating func double(_ key: String) throws(SpecError) -> Double? {
        guard let v = value(key) else { return nil }
        return try Self.asDouble(v, file: file, key: keyPath(key))
    }

    mutating func bool(_ key: String) throws(SpecError) -> Bool? {
        guard let v = value(key) else { return nil }
        guard let b = v.bool else {
            throw Self.typeError(v, expected: "a boolean (true or false)", file: file, key: keyPath(key))
        }
        return b
    }

    mutating func array(_ key: String) throws(SpecError) -> [TOMLValueConvertible]? {
        guard let v = value(key) else { return nil }
        return try Self.asArray(v, file: file, key: keyPath(key))
    }

    // MARK: conversions of one value

    static func typeError(_ v: TOMLValueConvertible, expected: String, file: String, key: String)
        -> SpecError
    {
        SpecError(
            file: file, key: key,
            reason: "expected \(expected), found \(describe(v))")
    }

    /// `floating-point number 1.5`, `string "abc"`, `table`, ...
    static func describe(_ v: TOMLValueConvertible) -> String {
        switch v.type {
        case .int: "integer \(v.int.map(String.init) ?? "")"
        case .double: "floating-point number \(v.double.map { String($0) } ?? "")"
        case .string: "string \(Echo.quoted(v.string ?? ""))"
        case .bool: "boolean \(v.bool.map(String.init) ?? "")"
        case .table: "a table"
        case .array: "an array"
        case .date, .time, .dateTime: "a \(v.type.description)"
        }
    }

    static func asTable(_ v: TOMLValueConvertible, file: String, key: String) throws(SpecError)
        -> TOMLReader
    {
        guard let t = v.table else { throw typeError(v, expected: "a table", file: file, key: key) }
        return TOMLReader(file: file, path: key, table: t)
    }

    static func asString(_ v: TOMLValueConvertible, file: String, key: String) throws(SpecError)
        -> String
    {
        guard let s = v.string else { throw typeError(v, expected: "a string", file: file, key: key) }
        return s
    }

    static func asInt(_ v: TOMLValueConvertible, file: String, key: String) throws(SpecError)
        -> Int
    {
        guard let i = v.int else { throw typeError(v, expected: "an integer", file: file, key: key) }
        return i
    }

    static func asDouble(_ v: TOMLValueConvertible, file: String, key: String) throws(SpecError)
        -> Double
    {
        let x: Double
        if let i = v.int {
            x = Double(i)
        } else if let d = v.double {
            x = d
        } else {
            throw typeError(v, expected: "a number", file: file, key: key)
        }
        guard x.isFinite else {
            throw SpecError(file: file, key: key, reason: "\(x) is not a finite number")
        }
        return x
    }

    static func asArray(_ v: TOMLValueConvertible, file: String, key: String) throws(SpecError)
        -> [TOMLValueConvertible]
    {
        guard let a = v.array else { throw typeError(v, expected: "an array", file: file, key: key) }
        return Array(a)
    }

    /// A number, or an inline table `{ min = ..., max = ... }` with exactly those keys.
    static func asParameter(_ v: TOMLValueConvertible, file: String, key: String)
        throws(SpecError) -> Parameter
    {
        if v.type == .table {
            var range = try asTable(v, file: file, key: key)
            let min = try asDouble(try range.required("min"), file: file, key: "\(key).min")
            let max = try asDouble(try range.required("max"), file: file, key: "\(key).max")
            try range.finish()
            return .range(min: min, max: max)
        }
        guard v.type == .int || v.type == .double else {
            throw typeError(
                v, expected: "a number or a range {min = ..., max = ...}", file: file, key: key)
        }
        return .value(try asDouble(v, file: file, key: key))
    }

    /// An integer, or an inline table `{ min = ..., max = ... }` of integers with min <= max.
    mutating func integerRange(_ key: String) throws(SpecError) -> ClosedRange<Int>? {
        guard let v = value(key) else { return nil }
        let path = keyPath(key)
        if v.type == .table {
            var range = try Self.asTable(v, file: file, key: path)
            let min = try Self.asInt(try range.required("min"), file: file, key: "\(path).min")
            let max = try Self.asInt(try range.required("max"), file: file, key: "\(path).max")
            try range.finish()
            guard min <= max else {
                throw SpecError(file: file, key: path, reason: "the range is empty: min = \(min) > max = \(max)")
            }
            return min ... max
        }
        guard v.type == .int else {
            throw Self.typeError(v, expected: "an integer or a range {min = ..., max = ...} of integers", file: file, key: path)
        }
        let x = try Self.asInt(v, file: file, key: path)
        return x ... x
    }

    mutating func parameter(_ key: String) throws(SpecError) -> Parameter? {
        guard let v = value(key) else { return nil }
        return try Self.asParameter(v, file: file, key: keyPath(key))
    }
}
