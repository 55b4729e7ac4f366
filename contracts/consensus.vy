# pragma version 0.4.3
"""
@title The commit-reveal consensus contract (Lu, Tang and Wang, sections IV and VI)
@notice The Ledger's `Contract` with `.consensus` terms (Sources/Ledger), transaction for
        transaction: the same rules in the same order, each refusal a revert with the
        Ledger's `ContractError.reason`. See contracts/README.md for the ABI and the host.
        One round. The deployer (the requester) pays the reward r in at deploy.
"""

# Compile-time bounds. A configuration beyond them reverts "exceedsContractBounds".
MAX_MEMBERS: constant(uint256) = 32
MAX_RESULT: constant(uint256) = 1024
# Int.max of the Ledger (Swift Int), for saturating heights and the amount limits.
INT_MAX: constant(uint256) = 2**63 - 1
AMOUNT_LIMIT: constant(uint256) = (2**63 - 1) // 4
NEGATIVE: constant(uint256) = 2**255  # a Swift Int below 0 arrives as its two's complement

struct Seat:
    registered: bool
    committed: bool
    commitment: bytes32
    revealed: bool
    reveal_hash: bytes32
    valid: bool

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

members: DynArray[address, MAX_MEMBERS]
member_slot: HashMap[address, uint256]  # index + 1; 0 for a stranger
deployer: address
deposit: uint256
commit_window: uint256
reveal_window: uint256
reward: uint256
junk_all_zero: bool
junk_all_one: bool
junk_equal_to_input: bool
input_hash: bytes32
commitment_bound: bool

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
records: DynArray[Record, 1]
rec_workers: HashMap[uint256, DynArray[address, MAX_MEMBERS]]
rec_payouts: HashMap[uint256, DynArray[uint256, MAX_MEMBERS]]
rec_slashed: HashMap[uint256, DynArray[address, MAX_MEMBERS]]


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
    # ContractConfig.validate(), rule by rule.
    n: uint256 = len(members)
    assert n >= 1, "noMembers"
    for i: uint256 in range(n, bound=MAX_MEMBERS):
        for k: uint256 in range(i, bound=MAX_MEMBERS):
            assert members[k] != members[i], "duplicateMember"
    assert deposit >= 1 and deposit < NEGATIVE, "depositTooSmall"
    assert commit_window >= 1 and commit_window < NEGATIVE, "windowTooShort"
    assert reveal_window >= 1 and reveal_window < NEGATIVE, "windowTooShort"
    assert n >= 2, "tooFewMembers"
    assert reward < NEGATIVE, "negativeReward"
    # validateAmounts: n * n * D + r and rounds * n * D + r (rounds = 1) at most Int.max / 4.
    self._check_amounts([n, n, deposit], reward)
    self._check_amounts([1, n, deposit], reward)
    # Not Ledger rules: the knob's encoding and the requester's payment.
    assert commitment <= 1, "exceedsContractBounds"
    assert msg.value == reward, "wrongDeposit"

    self.members = members
    for i: uint256 in range(n, bound=MAX_MEMBERS):
        self.member_slot[members[i]] = i + 1
    self.deployer = msg.sender
    self.deposit = deposit
    self.commit_window = commit_window
    self.reveal_window = reveal_window
    self.reward = reward
    self.junk_all_zero = junk_all_zero
    self.junk_all_one = junk_all_one
    self.junk_equal_to_input = junk_equal_to_input
    self.input_hash = keccak256(input)
    self.commitment_bound = commitment == 1
    self.last_height = block.number
    self.start = block.number
    self.paid_in = reward
    self.escrow = reward


@internal
@pure
def _check_amounts(factors: uint256[3], extra: uint256):
    # The product with a check after every step, then the sum, as validateAmounts does.
    p: uint256 = 1
    for f: uint256 in factors:
        assert f <= AMOUNT_LIMIT, "amountsTooLarge"
        p = p * f
        assert p <= AMOUNT_LIMIT, "amountsTooLarge"
    assert extra <= AMOUNT_LIMIT, "amountsTooLarge"
    assert p + extra <= AMOUNT_LIMIT, "amountsTooLarge"


@internal
@pure
def _saturating_add(a: uint256, b: uint256) -> uint256:
    if b >= INT_MAX or a + b >= INT_MAX:
        return INT_MAX
    return a + b


@internal
def _begin() -> uint256:
    """heightWentBackwards, the first rule of every transaction."""
    assert block.number >= self.last_height, "heightWentBackwards"
    self.last_height = block.number
    return block.number


@internal
@view
def _member() -> uint256:
    """Contract.member(_:): contractFinished, then notAMember."""
    assert self.current_round < 1, "contractFinished"
    slot: uint256 = self.member_slot[msg.sender]
    assert slot != 0, "notAMember"
    return slot - 1


@internal
@view
def _in_commit_window(h: uint256) -> bool:
    return h >= self.start and h < self._saturating_add(self.start, self.commit_window)


@internal
@view
def _in_reveal_window(h: uint256) -> bool:
    opens: uint256 = self._saturating_add(self.start, self.commit_window)
    return h >= opens and h < self._saturating_add(opens, self.reveal_window)


@internal
@view
def _settle_height() -> uint256:
    return self._saturating_add(
        self._saturating_add(self.start, self.commit_window), self.reveal_window
    )


@external
@view
def mechanism() -> String[16]:
    return "consensus"


@external
@payable
def register():
    h: uint256 = self._begin()
    i: uint256 = self._member()
    r: uint256 = self.current_round
    assert self._in_commit_window(h), "outsideWindow"
    assert not self.seats[r][i].registered, "alreadyRegistered"
    assert msg.value == self.deposit, "wrongDeposit"
    self.paid_in += msg.value
    self.escrow += msg.value
    self.seats[r][i].registered = True
    log Registered(member=msg.sender, round=r)


@external
def commit(commitment: bytes32):
    h: uint256 = self._begin()
    i: uint256 = self._member()
    r: uint256 = self.current_round
    assert self._in_commit_window(h), "outsideWindow"
    assert self.seats[r][i].registered, "notRegistered"
    assert not self.seats[r][i].committed, "alreadyCommitted"
    self.seats[r][i].committed = True
    self.seats[r][i].commitment = commitment
    log Committed(member=msg.sender, round=r, commitment=commitment)


@external
def reveal(result: Bytes[MAX_RESULT], salt: bytes32):
    h: uint256 = self._begin()
    i: uint256 = self._member()
    r: uint256 = self.current_round
    assert self._in_reveal_window(h), "outsideWindow"
    assert self.seats[r][i].registered, "notRegistered"
    assert self.seats[r][i].committed, "notCommitted"
    assert not self.seats[r][i].revealed, "alreadyRevealed"
    # HashCommit.result: result ++ salt (++ sender ++ contract ++ round under bound).
    revealed: bytes32 = empty(bytes32)
    if self.commitment_bound:
        revealed = keccak256(concat(result, salt, convert(msg.sender, bytes20), convert(self, bytes20), convert(r, bytes32)))
    else:
        revealed = keccak256(concat(result, salt))
    assert revealed == self.seats[r][i].commitment, "revealMismatch"
    result_hash: bytes32 = keccak256(result)
    self.seats[r][i].revealed = True
    self.seats[r][i].reveal_hash = result_hash
    self.seats[r][i].valid = not self._is_junk(result, result_hash)
    log Revealed(member=msg.sender, round=r)


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


@internal
def _credit(r: uint256, account: address, amount: uint256):
    if amount == 0:
        return
    self.balances[account] += amount
    log Paid(round=r, account=account, amount=amount)


@external
def settle(round: uint256):
    h: uint256 = self._begin()
    r: uint256 = self.current_round
    assert round >= r, "roundAlreadySettled"
    assert r < 1, "contractFinished"
    assert round == r, "wrongRound"
    assert h >= self._settle_height(), "settleTooEarly"

    # Consensus.settle over all n members; a member without register, commit and reveal, or
    # with a result in E_ck, fails.
    n: uint256 = len(self.members)
    d: uint256 = self.deposit
    reward: uint256 = self.reward
    half: uint256 = d // 2
    registered: uint256 = 0
    any_failed: bool = False
    all_equal: bool = True
    first_hash: bytes32 = empty(bytes32)
    for i: uint256 in range(n, bound=MAX_MEMBERS):
        seat: Seat = self.seats[r][i]
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
            seat: Seat = self.seats[r][i]
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
        seat: Seat = self.seats[r][i]
        if seat.registered and not (seat.revealed and seat.valid):
            failed.append(self.members[i])
            log Slashed(round=r, member=self.members[i])
    for i: uint256 in range(n, bound=MAX_MEMBERS):
        self._credit(r, self.members[i], payouts[i])
    self._credit(r, self.deployer, refund)
    self.slashed += slashed_amount
    self.escrow -= paid_in

    self.records.append(Record(
        start_height=self.start, settle_height=h, settled_by=msg.sender, paid_in=paid_in,
        slashed_amount=slashed_amount, residue=0, shortfall=False, requester_refund=refund,
        has_seed=False, allocation_seed=0,
    ))
    self.rec_workers[r] = self.members
    self.rec_payouts[r] = payouts
    self.rec_slashed[r] = failed
    self.current_round = r + 1
    self.start = h
    log Settled(round=r, settled_by=msg.sender)


@external
def withdraw():
    self._begin()
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
def requester() -> address:
    return self.deployer


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
def record_workers(r: uint256) -> DynArray[address, MAX_MEMBERS]:
    return self.rec_workers[r]


@external
@view
def record_payouts(r: uint256) -> DynArray[uint256, MAX_MEMBERS]:
    return self.rec_payouts[r]


@external
@view
def record_rewards(r: uint256) -> DynArray[int256, MAX_MEMBERS]:
    return []


@external
@view
def record_slashed(r: uint256) -> DynArray[address, MAX_MEMBERS]:
    return self.rec_slashed[r]


@external
@view
def record_labels(r: uint256) -> Bytes[MAX_RESULT]:
    return b""
