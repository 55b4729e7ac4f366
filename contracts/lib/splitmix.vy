# pragma version 0.4.3
"""
@title SplitMix64 and the peer allocation
@notice Pure, 64-bit wrapping: SplitMix64 (Sources/Mechanisms/SplitMix64.swift), its stream
        constructor, `draw(below:)` (SplitMix64+Bounded.swift: Lemire's multiply-shift with
        rejection) and `PeerAllocation.workers(for:)` as a bit mask over member indices.
"""

from . import bounds

MASK64: constant(uint256) = 2**64 - 1
SM_GAMMA: constant(uint256) = 11400714819323198485  # 0x9E3779B97F4A7C15
SM_MIX1: constant(uint256) = 13787848793156543929  # 0xBF58476D1CE4E5B9
SM_MIX2: constant(uint256) = 10723151780598845931  # 0x94D049BB133111EB
SM_STREAM: constant(uint256) = 15111065706836454659  # 0xD1B54A32D192ED03


@internal
@pure
def next(state: uint256) -> (uint256, uint256):
    """SplitMix64.next(): (new state, output), 64-bit wrapping."""
    s: uint256 = unsafe_add(state, SM_GAMMA) & MASK64
    z: uint256 = s
    z = unsafe_mul(z ^ (z >> 30), SM_MIX1) & MASK64
    z = unsafe_mul(z ^ (z >> 27), SM_MIX2) & MASK64
    return s, z ^ (z >> 31)


@internal
@pure
def stream(seed: uint256, index: uint256) -> uint256:
    """The state of SplitMix64(seed:, stream: index)."""
    state: uint256 = 0
    out: uint256 = 0
    state, out = self.next(seed ^ (unsafe_mul(index, SM_STREAM) & MASK64))
    return out


@internal
@pure
def draw(state: uint256, bound: uint256) -> (uint256, uint256):
    """SplitMix64.draw(below:): Lemire's multiply-shift with rejection. (new state, draw)."""
    s: uint256 = state
    x: uint256 = 0
    s, x = self.next(s)
    product: uint256 = x * bound
    if product & MASK64 < bound:
        threshold: uint256 = (2**64 - bound) % bound
        for attempt: uint256 in range(256):
            if product & MASK64 >= threshold:
                break
            s, x = self.next(s)
            product = x * bound
    return s, product >> 64


@internal
@pure
def assigned(seed: uint256, sample: uint256, n: uint256, k: uint256) -> uint256:
    """PeerAllocation.workers(for: sample) as a bit mask over member indices."""
    order: uint256[bounds.MAX_MEMBERS] = empty(uint256[bounds.MAX_MEMBERS])
    for t: uint256 in range(n, bound=bounds.MAX_MEMBERS):
        order[t] = t
    state: uint256 = self.stream(seed, sample)
    mask: uint256 = 0
    for t: uint256 in range(k, bound=bounds.MAX_MEMBERS):
        d: uint256 = 0
        state, d = self.draw(state, n - t)
        pick: uint256 = t + d
        chosen: uint256 = order[pick]
        order[pick] = order[t]
        order[t] = chosen
        mask |= 1 << chosen
    return mask
