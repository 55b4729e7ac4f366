# pragma version 0.4.3
"""
@title Integer arithmetic of the Ledger
@notice Pure helpers with the Ledger's semantics: saturating height arithmetic, floor division
        toward minus infinity, clamping, and `validateAmounts` (a product checked after every
        step, plus an optional summand).
"""

from . import bounds


@internal
@pure
def saturating_add(a: uint256, b: uint256) -> uint256:
    """a + b, saturating at Int.max (window ends of the Ledger's heights)."""
    if b >= bounds.INT_MAX or a + b >= bounds.INT_MAX:
        return bounds.INT_MAX
    return a + b


@internal
@pure
def floor_div(a: int256, b: int256) -> int256:
    """floor(a / b) toward minus infinity, for b > 0 (Vyper's // truncates toward zero)."""
    q: int256 = a // b
    if a % b != 0 and a < 0:
        q -= 1
    return q


@internal
@pure
def clamp(x: int256, bound: int256) -> int256:
    """x clamped to [-bound, bound]."""
    return max(-bound, min(bound, x))


@internal
@pure
def check_amounts(factors: uint256[3], extra: uint256):
    """validateAmounts: the product of `factors` with a check after every step, then the sum with
    `extra`, each at most Int.max / 4 ("amountsTooLarge")."""
    p: uint256 = 1
    for f: uint256 in factors:
        assert f <= bounds.AMOUNT_LIMIT, "amountsTooLarge"
        p = p * f
        assert p <= bounds.AMOUNT_LIMIT, "amountsTooLarge"
    assert extra <= bounds.AMOUNT_LIMIT, "amountsTooLarge"
    assert p + extra <= bounds.AMOUNT_LIMIT, "amountsTooLarge"
