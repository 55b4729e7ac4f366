/// Integer arithmetic that reports overflow as a typed error instead of trapping.

/// `a + b`, or `ContractError.arithmeticOverflow(what)`.
@inline(__always)
func checkedAdd(
    _ a: Int, _ b: Int, _ what: @autoclosure () -> String
) throws(ContractError) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    if overflow { throw .arithmeticOverflow(what()) }
    return sum
}

/// `a - b`, or `ContractError.arithmeticOverflow(what)`.
@inline(__always)
func checkedSubtract(
    _ a: Int, _ b: Int, _ what: @autoclosure () -> String
) throws(ContractError) -> Int {
    let (difference, overflow) = a.subtractingReportingOverflow(b)
    if overflow { throw .arithmeticOverflow(what()) }
    return difference
}

/// `a * b`, or `ContractError.arithmeticOverflow(what)`.
@inline(__always)
func checkedMultiply(
    _ a: Int, _ b: Int, _ what: @autoclosure () -> String
) throws(ContractError) -> Int {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    if overflow { throw .arithmeticOverflow(what()) }
    return product
}

/// The sum of `values`, or `ContractError.arithmeticOverflow(what)`.
func checkedSum<S: Sequence<Int>>(
    _ values: S, _ what: @autoclosure () -> String
) throws(ContractError) -> Int {
    var total = 0
    for v in values { total = try checkedAdd(total, v, what()) }
    return total
}

/// `a + b`, clamped to `Int.max` / `Int.min` instead of overflowing (for block heights).
@inline(__always)
func saturatingAdd(_ a: Int, _ b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    if overflow { return b > 0 ? Int.max : Int.min }
    return sum
}

/// The sum of `values`, or `nil` on overflow (for invariant checks, which must not trap).
func sumOrNil<S: Sequence<Int>>(_ values: S) -> Int? {
    var total = 0
    for v in values {
        let (sum, overflow) = total.addingReportingOverflow(v)
        if overflow { return nil }
        total = sum
    }
    return total
}
