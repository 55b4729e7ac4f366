# pragma version 0.4.3
"""
@title The commit-reveal core shared by both contracts
@notice Members, the round timeline, seats, escrow and funds, and the settled records: the Ledger
        `Contract`'s rules that do not depend on the mechanism (heightWentBackwards,
        contractFinished, notAMember, the windows, register, commit, withdraw, the settle
        preconditions), the events, and the views the differential reads. A mechanism module
        checks its reveal payload between `open_reveal` and `record_reveal`, credits payouts
        with `credit` and ends a round with `close_round`. `snapshot` (optional in the ABI)
        answers the per-transaction views in one call.
"""

from . import arith
from . import bounds

struct Seat:
    registered: bool
    committed: bool
    commitment: bytes32
    revealed: bool
    reveal_hash: bytes32
    valid: bool  # the reveal counts: PTSFD labelCount truthful, consensus result not in E_ck

struct Record:
    start_height: uint256
    settle_height: uint256
    settled_by: address
    paid_in: uint256
    slashed_amount: uint256
    residue: uint256
    shortfall: bool
    requester_refund: uint256
    has_seed: bool
    allocation_seed: uint64

event Registered:
    member: address
    round: uint256

event Committed:
    member: address
    round: uint256
    commitment: bytes32

event Revealed:
    member: address
    round: uint256

event Slashed:
    round: uint256
    member: address

event Paid:
    round: uint256
    account: address
    amount: uint256

event Settled:
    round: uint256
    settled_by: address

event Withdrawn:
    account: address
    amount: uint256

struct SeatView:
    registered: bool
    committed: bool
    commitment: bytes32
    revealed: bool
    reveal_hash: bytes32

MAX_RECORDS: constant(uint256) = 64
MAX_ACCOUNTS: constant(uint256) = bounds.MAX_MEMBERS + 1  # the members and the deployer

ROUNDS: immutable(uint256)  # rounds the contract runs (PTSFD: the lambda schedule; consensus: 1)

members: DynArray[address, bounds.MAX_MEMBERS]
member_slot: HashMap[address, uint256]  # index + 1; 0 for a stranger
deployer: address
deposit: uint256
commit_window: uint256
reveal_window: uint256

last_height: uint256
current_round: uint256
start: uint256
seats: HashMap[uint256, HashMap[uint256, Seat]]  # round -> member index -> seat
balances: HashMap[address, uint256]
paid_in: uint256
withdrawn: uint256
slashed: uint256
residue: uint256
escrow: uint256
records: DynArray[Record, MAX_RECORDS]
rec_workers: HashMap[uint256, DynArray[address, bounds.MAX_MEMBERS]]
rec_payouts: HashMap[uint256, DynArray[uint256, bounds.MAX_MEMBERS]]
rec_slashed: HashMap[uint256, DynArray[address, bounds.MAX_MEMBERS]]


@deploy
def __init__(
    members: DynArray[address, bounds.MAX_MEMBERS],
    deposit: uint256,
    commit_window: uint256,
    reveal_window: uint256,
    rounds: uint256,
):
    """ContractConfig.validate()'s first rules (members, deposit, windows), then the state."""
    n: uint256 = len(members)
    assert n >= 1, "noMembers"
    for i: uint256 in range(n, bound=bounds.MAX_MEMBERS):
        for k: uint256 in range(i, bound=bounds.MAX_MEMBERS):
            assert members[k] != members[i], "duplicateMember"
    assert deposit >= 1 and deposit < bounds.NEGATIVE, "depositTooSmall"
    assert commit_window >= 1 and commit_window < bounds.NEGATIVE, "windowTooShort"
    assert reveal_window >= 1 and reveal_window < bounds.NEGATIVE, "windowTooShort"
    self.members = members
    for i: uint256 in range(n, bound=bounds.MAX_MEMBERS):
        self.member_slot[members[i]] = i + 1
    self.deployer = msg.sender
    self.deposit = deposit
    self.commit_window = commit_window
    self.reveal_window = reveal_window
    ROUNDS = rounds
    self.last_height = block.number
    self.start = block.number


@internal
def begin() -> uint256:
    """heightWentBackwards, the first rule of every transaction."""
    assert block.number >= self.last_height, "heightWentBackwards"
    self.last_height = block.number
    return block.number


@internal
@view
def sender_index() -> uint256:
    """Contract.member(_:): contractFinished, then notAMember. The sender's index."""
    assert self.current_round < ROUNDS, "contractFinished"
    slot: uint256 = self.member_slot[msg.sender]
    assert slot != 0, "notAMember"
    return slot - 1


@internal
@view
def commit_closes() -> uint256:
    return arith.saturating_add(self.start, self.commit_window)


@internal
def open_commit() -> (uint256, uint256):
    """The rules register and commit check first: height, member, commit window.
    Returns (member index, round)."""
    h: uint256 = self.begin()
    i: uint256 = self.sender_index()
    assert h >= self.start and h < self.commit_closes(), "outsideWindow"
    return i, self.current_round


@external
@payable
def register():
    i: uint256 = 0
    r: uint256 = 0
    i, r = self.open_commit()
    assert not self.seats[r][i].registered, "alreadyRegistered"
    assert msg.value == self.deposit, "wrongDeposit"
    self.paid_in += msg.value
    self.escrow += msg.value
    self.seats[r][i].registered = True
    log Registered(member=msg.sender, round=r)


@external
def commit(commitment: bytes32):
    i: uint256 = 0
    r: uint256 = 0
    i, r = self.open_commit()
    assert self.seats[r][i].registered, "notRegistered"
    assert not self.seats[r][i].committed, "alreadyCommitted"
    self.seats[r][i].committed = True
    self.seats[r][i].commitment = commitment
    log Committed(member=msg.sender, round=r, commitment=commitment)


@internal
def open_reveal() -> (uint256, uint256):
    """The rules every reveal checks first: height, member, window, registered, committed,
    not yet revealed. Returns (member index, round)."""
    h: uint256 = self.begin()
    i: uint256 = self.sender_index()
    r: uint256 = self.current_round
    opens: uint256 = self.commit_closes()
    assert h >= opens and h < arith.saturating_add(opens, self.reveal_window), "outsideWindow"
    assert self.seats[r][i].registered, "notRegistered"
    assert self.seats[r][i].committed, "notCommitted"
    assert not self.seats[r][i].revealed, "alreadyRevealed"
    return i, r


@internal
def record_reveal(i: uint256, r: uint256, reveal_hash: bytes32, valid: bool):
    """A reveal whose payload and commitment the mechanism has checked."""
    self.seats[r][i].revealed = True
    self.seats[r][i].reveal_hash = reveal_hash
    self.seats[r][i].valid = valid
    log Revealed(member=msg.sender, round=r)


@internal
@view
def check_settle(requested: uint256, h: uint256) -> uint256:
    """settle(round)'s rules: roundAlreadySettled, contractFinished, wrongRound, settleTooEarly.
    Returns the round."""
    r: uint256 = self.current_round
    assert requested >= r, "roundAlreadySettled"
    assert r < ROUNDS, "contractFinished"
    assert requested == r, "wrongRound"
    assert h >= arith.saturating_add(self.commit_closes(), self.reveal_window), "settleTooEarly"
    return r


@internal
def credit(r: uint256, account: address, amount: uint256):
    """A payout credited to `account`'s claimable balance (nothing, and no event, for 0)."""
    if amount == 0:
        return
    self.balances[account] += amount
    log Paid(round=r, account=account, amount=amount)


@internal
def close_round(
    r: uint256,
    h: uint256,
    record: Record,
    workers: DynArray[address, bounds.MAX_MEMBERS],
    payouts: DynArray[uint256, bounds.MAX_MEMBERS],
    slashed_members: DynArray[address, bounds.MAX_MEMBERS],
):
    """The round's funds booked (slashed, residue, the escrow released), its record stored, and
    the next round opened at the settle height."""
    self.slashed += record.slashed_amount
    self.residue += record.residue
    self.escrow -= record.paid_in
    self.records.append(record)
    self.rec_workers[r] = workers
    self.rec_payouts[r] = payouts
    self.rec_slashed[r] = slashed_members
    self.current_round = r + 1
    self.start = h
    log Settled(round=r, settled_by=msg.sender)


@external
def withdraw():
    self.begin()
    amount: uint256 = self.balances[msg.sender]
    assert amount > 0, "nothingToWithdraw"
    self.withdrawn += amount
    self.balances[msg.sender] = 0
    send(msg.sender, amount)
    log Withdrawn(account=msg.sender, amount=amount)


# Views the differential reads.

@external
@view
def height() -> uint256:
    return self.last_height


@external
@view
def round() -> uint256:
    return self.current_round


@external
@view
def round_start() -> uint256:
    return self.start


@external
@view
def member_count() -> uint256:
    return len(self.members)


@external
@view
def member(i: uint256) -> address:
    return self.members[i]


@external
@view
def seat(i: uint256) -> (bool, bool, bytes32, bool, bytes32):
    s: Seat = self.seats[self.current_round][i]
    return s.registered, s.committed, s.commitment, s.revealed, s.reveal_hash


@external
@view
def claimable(a: address) -> uint256:
    return self.balances[a]


@external
@view
def funds() -> (uint256, uint256, uint256, uint256, uint256):
    return self.paid_in, self.withdrawn, self.slashed, self.residue, self.escrow


@external
@view
def record_count() -> uint256:
    return len(self.records)


@external
@view
def record(r: uint256) -> (uint256, uint256, address, uint256, uint256, uint256, bool, uint256, bool, uint64):
    x: Record = self.records[r]
    return x.start_height, x.settle_height, x.settled_by, x.paid_in, x.slashed_amount, x.residue, x.shortfall, x.requester_refund, x.has_seed, x.allocation_seed


@external
@view
def record_workers(r: uint256) -> DynArray[address, bounds.MAX_MEMBERS]:
    return self.rec_workers[r]


@external
@view
def record_payouts(r: uint256) -> DynArray[uint256, bounds.MAX_MEMBERS]:
    return self.rec_payouts[r]


@external
@view
def record_slashed(r: uint256) -> DynArray[address, bounds.MAX_MEMBERS]:
    return self.rec_slashed[r]


@external
@view
def snapshot(
    accounts: DynArray[address, MAX_ACCOUNTS]
) -> (uint256, uint256, uint256, DynArray[SeatView, bounds.MAX_MEMBERS],
      DynArray[uint256, MAX_ACCOUNTS], uint256[5], uint256):
    """height(), round(), round_start(), seat(i) of every member, claimable(a) of each of
    `accounts`, funds() and record_count() in one call (what the host reads after every
    transaction; a contract without it is read view by view)."""
    r: uint256 = self.current_round
    seats: DynArray[SeatView, bounds.MAX_MEMBERS] = []
    for i: uint256 in range(len(self.members), bound=bounds.MAX_MEMBERS):
        s: Seat = self.seats[r][i]
        seats.append(SeatView(registered=s.registered, committed=s.committed,
                              commitment=s.commitment, revealed=s.revealed,
                              reveal_hash=s.reveal_hash))
    amounts: DynArray[uint256, MAX_ACCOUNTS] = []
    for a: address in accounts:
        amounts.append(self.balances[a])
    funds: uint256[5] = [self.paid_in, self.withdrawn, self.slashed, self.residue, self.escrow]
    return self.last_height, r, self.start, seats, amounts, funds, len(self.records)
