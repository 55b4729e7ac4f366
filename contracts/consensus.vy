# pragma version 0.4.3
"""
@title The commit-reveal consensus contract (Lu, Tang and Wang, sections IV and VI)
@notice The Ledger's `Contract` with `.consensus` terms (Sources/Ledger), transaction for
        transaction: the same rules in the same order, each refusal a revert with the
        Ledger's `ContractError.reason`. See contracts/README.md for the ABI and the host.
        One round. The deployer (the requester) pays the reward r in at deploy.

        Membership, timeline, escrow, register/commit/withdraw and the views are the shared
        core (lib/commit_reveal.vy); this file owns the consensus terms, the result reveal
        (HashCommit.result, the junk set E_ck) and `Consensus.settle`.
"""

from lib import arith
from lib import bounds
from lib import commit_reveal as core

initializes: core

exports: (
    core.register,
    core.commit,
    core.withdraw,
    core.height,
    core.round,
    core.round_start,
    core.member_count,
    core.member,
    core.seat,
    core.claimable,
    core.funds,
    core.record_count,
    core.record,
    core.record_workers,
    core.record_payouts,
    core.record_slashed,
    core.snapshot,
)

# Compile-time bounds. A configuration beyond them reverts "exceedsContractBounds".
# MAX_MEMBERS restates lib/bounds.vy as a literal, for the EVM bridge (contracts/tests checks it).
MAX_MEMBERS: constant(uint256) = 32
MAX_RESULT: constant(uint256) = 1024

reward: uint256
junk_all_zero: bool
junk_all_one: bool
junk_equal_to_input: bool
input_hash: bytes32
commitment_bound: bool


@deploy
@payable
def __init__(
    members: DynArray[address, MAX_MEMBERS],
    deposit: uint256,
    commit_window: uint256,
    reveal_window: uint256,
    reward: uint256,
    junk_all_zero: bool,
    junk_all_one: bool,
    junk_equal_to_input: bool,
    input: Bytes[MAX_RESULT],
    commitment: uint8,
):
    # ContractConfig.validate(), rule by rule (members, deposit and windows in the core).
    core.__init__(members, deposit, commit_window, reveal_window, 1)
    n: uint256 = len(members)
    assert n >= 2, "tooFewMembers"
    assert reward < bounds.NEGATIVE, "negativeReward"
    # validateAmounts: n * n * D + r and rounds * n * D + r (rounds = 1) at most Int.max / 4.
    arith.check_amounts([n, n, deposit], reward)
    arith.check_amounts([1, n, deposit], reward)
    # Not Ledger rules: the knob's encoding and the requester's payment.
    assert commitment <= 1, "exceedsContractBounds"
    assert msg.value == reward, "wrongDeposit"

    self.reward = reward
    self.junk_all_zero = junk_all_zero
    self.junk_all_one = junk_all_one
    self.junk_equal_to_input = junk_equal_to_input
    self.input_hash = keccak256(input)
    self.commitment_bound = commitment == 1
    core.paid_in = reward
    core.escrow = reward


@external
@view
def mechanism() -> String[16]:
    return "consensus"


@external
@view
def requester() -> address:
    return core.deployer


@external
def reveal(result: Bytes[MAX_RESULT], salt: bytes32):
    i: uint256 = 0
    r: uint256 = 0
    i, r = core.open_reveal()
    # HashCommit.result: result ++ salt (++ sender ++ contract ++ round under bound).
    revealed: bytes32 = empty(bytes32)
    if self.commitment_bound:
        revealed = keccak256(concat(result, salt, convert(msg.sender, bytes20), convert(self, bytes20), convert(r, bytes32)))
    else:
        revealed = keccak256(concat(result, salt))
    assert revealed == core.seats[r][i].commitment, "revealMismatch"
    result_hash: bytes32 = keccak256(result)
    core.record_reveal(i, r, result_hash, not self._is_junk(result, result_hash))


@internal
@view
def _is_junk(result: Bytes[MAX_RESULT], result_hash: bytes32) -> bool:
    """CommonKnowledgeSet.contains for the rules allZero, allOne, equalToInput."""
    if self.junk_equal_to_input and result_hash == self.input_hash:
        return True
    if not (self.junk_all_zero or self.junk_all_one):
        return False
    all_zero: bool = True
    all_one: bool = True
    for k: uint256 in range(len(result), bound=MAX_RESULT):
        b: bytes1 = convert(slice(result, k, 1), bytes1)
        if b != 0x00:
            all_zero = False
        if b != 0xff:
            all_one = False
        if not (all_zero or all_one):
            break
    return (self.junk_all_zero and all_zero) or (self.junk_all_one and all_one)


@external
def settle(round: uint256):
    h: uint256 = core.begin()
    r: uint256 = core.check_settle(round, h)

    # Consensus.settle over all n members; a member without register, commit and reveal, or
    # with a result in E_ck, fails.
    n: uint256 = len(core.members)
    d: uint256 = core.deposit
    reward: uint256 = self.reward
    half: uint256 = d // 2
    registered: uint256 = 0
    any_failed: bool = False
    all_equal: bool = True
    first_hash: bytes32 = empty(bytes32)
    for i: uint256 in range(n, bound=MAX_MEMBERS):
        seat: core.Seat = core.seats[r][i]
        if seat.registered:
            registered += 1
        ok: bool = seat.registered and seat.revealed and seat.valid
        if not ok:
            any_failed = True
        # Submissions compared as Consensus does: equal results (a missing one is `.none`).
        this_hash: bytes32 = empty(bytes32)
        if seat.registered and seat.revealed:
            this_hash = seat.reveal_hash
        if i == 0:
            first_hash = this_hash
        elif this_hash != first_hash:
            all_equal = False

    payouts: DynArray[uint256, MAX_MEMBERS] = []
    refund: uint256 = reward
    total_slashed: uint256 = 0
    if any_failed:
        paid: uint256 = 0
        for i: uint256 in range(n, bound=MAX_MEMBERS):
            seat: core.Seat = core.seats[r][i]
            p: uint256 = 0
            if seat.registered and seat.revealed and seat.valid:
                p = half
            payouts.append(p)
            paid += p
        total_slashed = n * d - paid
    elif all_equal:
        share: uint256 = reward // n
        for i: uint256 in range(n, bound=MAX_MEMBERS):
            payouts.append(d + share)
        refund = reward - n * share
    else:
        for i: uint256 in range(n, bound=MAX_MEMBERS):
            payouts.append(half)
        total_slashed = n * d - n * half

    # A member that never registered paid nothing: its deposit leaves the slashed amount.
    unpaid: uint256 = (n - registered) * d
    assert total_slashed >= unpaid, "arithmeticOverflow"
    slashed_amount: uint256 = total_slashed - unpaid
    paid_in: uint256 = registered * d + reward

    failed: DynArray[address, MAX_MEMBERS] = []
    for i: uint256 in range(n, bound=MAX_MEMBERS):
        seat: core.Seat = core.seats[r][i]
        if seat.registered and not (seat.revealed and seat.valid):
            failed.append(core.members[i])
            log core.Slashed(round=r, member=core.members[i])
    for i: uint256 in range(n, bound=MAX_MEMBERS):
        core.credit(r, core.members[i], payouts[i])
    core.credit(r, core.deployer, refund)
    core.close_round(r, h, core.Record(
        start_height=core.start, settle_height=h, settled_by=msg.sender, paid_in=paid_in,
        slashed_amount=slashed_amount, residue=0, shortfall=False, requester_refund=refund,
        has_seed=False, allocation_seed=0,
    ), core.members, payouts, failed)


@external
@view
def record_rewards(r: uint256) -> DynArray[int256, MAX_MEMBERS]:
    return []


@external
@view
def record_labels(r: uint256) -> Bytes[MAX_RESULT]:
    return b""
