# pragma version 0.4.3
"""
@title Bounds shared by both contracts
@notice The compile-time bound on members and the Ledger's integer limits (a Swift `Int`): heights
        saturate at Int.max, amounts stay below Int.max / 4, and a word at or above 2^255 is a
        negative Int sent as its two's complement. WAD scales the PTSFD settlement's fractions.
"""

MAX_MEMBERS: constant(uint256) = 32
INT_MAX: constant(uint256) = 2**63 - 1
AMOUNT_LIMIT: constant(uint256) = (2**63 - 1) // 4
NEGATIVE: constant(uint256) = 2**255  # a Swift Int below 0 arrives as its two's complement
WAD: constant(int256) = 10**18
WAD_U: constant(uint256) = 10**18
