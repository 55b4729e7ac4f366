# pragma version 0.4.3
"""
@title The payout rules (Sources/Mechanisms/Payout*.swift)
@notice Step 7 of the integer settlement, pure: from the settling workers' units and the
        deposit, `Payout.paper` (claims, pro-rata shortfall) or `Payout.balanced` (scaled
        deviations, losses rounded up, gains floored). Returns (payouts, residue, shortfall).
"""

from . import bounds


@internal
@pure
def payouts(
    units: DynArray[int256, bounds.MAX_MEMBERS], deposit: uint256, balanced: bool
) -> (DynArray[uint256, bounds.MAX_MEMBERS], int256, bool):
    k_n: uint256 = len(units)
    d: int256 = convert(deposit, int256)
    pool: int256 = convert(k_n, int256) * d
    out: DynArray[uint256, bounds.MAX_MEMBERS] = []
    paid: int256 = 0
    if not balanced:
        claims: DynArray[int256, bounds.MAX_MEMBERS] = []
        total: int256 = 0
        for u: int256 in units:
            claim: int256 = min(pool, max(0, d + u))
            claims.append(claim)
            total += claim
        if total <= pool:
            for claim: int256 in claims:
                out.append(convert(claim, uint256))
            return out, pool - total, False
        for claim: int256 in claims:
            p: int256 = claim * pool // total
            out.append(convert(p, uint256))
            paid += p
        return out, pool - paid, True
    kk: int256 = convert(k_n, int256)
    total: int256 = 0
    for u: int256 in units:
        total += u
    losses: DynArray[int256, bounds.MAX_MEMBERS] = []
    gains: DynArray[int256, bounds.MAX_MEMBERS] = []
    loss_total: int256 = 0
    gain_total: int256 = 0
    for u: int256 in units:
        scaled: int256 = kk * u - total
        if scaled < 0:
            loss: int256 = min(d, (-scaled + kk - 1) // kk)
            losses.append(loss)
            gains.append(0)
            loss_total += loss
        else:
            losses.append(0)
            gains.append(scaled)
            gain_total += scaled
    for i: uint256 in range(k_n, bound=bounds.MAX_MEMBERS):
        gain: int256 = 0
        if gain_total != 0:
            gain = gains[i] * loss_total // gain_total
        p: int256 = d - losses[i] + gain
        out.append(convert(p, uint256))
        paid += p
    return out, pool - paid, False
