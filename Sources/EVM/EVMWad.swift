/// Stand-in for the Ledger's `FixedPoint.wad` until the integer settlement lands on main:
/// `round(x * 10^18)`, the IEEE product rounded to nearest, ties to even (contracts/README.md,
/// "Integer settlement").
enum EVMWad {
    /// `x` in wad. - Precondition: `x` finite with `|x| <= 4096`.
    static func wad(_ x: Double) -> Int128 {
        Int128((x * 1e18).rounded(.toNearestOrEven))
    }
}
