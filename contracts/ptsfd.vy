# pragma version 0.4.3
"""
@title The PTSFD contract (Witt et al., section 4, Algorithms 2 and 3)
@notice The Ledger's `Contract` with `.ptsfd` terms (Sources/Ledger), transaction for
        transaction: the same rules in the same order, each refusal a revert with the Ledger's
        `ContractError.reason`. Settlement is the integer settlement of contracts/README.md,
        step for step. See the README for the ABI and the host protocol.

        Storage: a revealed Y is kept as ceil(m / 32) words per member (one byte per sample),
        the aggregated labels of a round likewise. Settlement reads each sample once
        (O(m * (n + |C|)), not the O(m * n^2) peer loop of Algorithm 3). A round too big for
        one block can be settled in steps: `settle_chunk(round, words)` accumulates the next
        `words * 32` samples and keeps the running sums; `settle(round)` accumulates what is
        left and pays out, with exactly the result of a single `settle(round)`.
"""

# Compile-time bounds; a configuration beyond them reverts "exceedsContractBounds".
# m = 40,000, n = 10, |C| = 10 (the paper's setting) fits.
MAX_MEMBERS: constant(uint256) = 32
MAX_SAMPLES: constant(uint256) = 40000
MAX_WORDS: constant(uint256) = 1250  # MAX_SAMPLES / 32, rounded up
MAX_CLASSES: constant(uint256) = 32
MAX_ROUNDS: constant(uint256) = 64
MAX_PART: constant(uint256) = 16384  # samples per reveal_part
# A revealed labelCount may be longer than |C| (refused as wrongLabelCountLength, as in Swift).
MAX_LABEL_COUNT: constant(uint256) = 256

WAD: constant(int256) = 10**18
WAD_U: constant(uint256) = 10**18
PARAMETER_LIMIT: constant(int256) = 4096 * 10**18
INT_MAX: constant(uint256) = 2**63 - 1
AMOUNT_LIMIT: constant(uint256) = (2**63 - 1) // 4
NEGATIVE: constant(uint256) = 2**255  # a Swift Int below 0 arrives as its two's complement
NO_VOTE: constant(uint256) = 255
MASK64: constant(uint256) = 2**64 - 1
# SplitMix64 (Sources/Mechanisms/SplitMix64.swift)
SM_GAMMA: constant(uint256) = 11400714819323198485  # 0x9E3779B97F4A7C15
SM_MIX1: constant(uint256) = 13787848793156543929  # 0xBF58476D1CE4E5B9
SM_MIX2: constant(uint256) = 10723151780598845931  # 0x94D049BB133111EB
SM_STREAM: constant(uint256) = 15111065706836454659  # 0xD1B54A32D192ED03

struct Seat:
    registered: bool
    committed: bool
    commitment: bytes32
    revealed: bool
    reveal_hash: bytes32
    truthful: bool

struct Sums:
    s: uint256[MAX_MEMBERS * MAX_CLASSES]  # S_i[x] at i * MAX_CLASSES + x, scaled by WAD
    count: uint256[MAX_MEMBERS * MAX_CLASSES]  # count_i[x]
    lonely: uint256[MAX_MEMBERS]  # votes of i on samples without a peer; E_i = M_i - lonely_i

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

# Terms.
members: DynArray[address, MAX_MEMBERS]
member_slot: HashMap[address, uint256]  # index + 1; 0 for a stranger
deployer: address
deposit: uint256
commit_window: uint256
reveal_window: uint256
classes: uint256
samples: uint256
beta_wad: int256
lambda_wads: DynArray[int256, MAX_ROUNDS]
units_per_reward: uint256
normalization_proper: bool
aggregation_argmax: bool
label_count_verified: bool
commitment_bound: bool
peers_per_sample: uint256
payout_balanced: bool
allocation_seed: uint64

# State.
last_height: uint256
current_round: uint256
start: uint256
seats: HashMap[uint256, HashMap[uint256, Seat]]  # round -> member -> seat
y_words: HashMap[uint256, bytes32]  # member * MAX_WORDS + word -> 32 samples of Y
reported: HashMap[uint256, HashMap[uint256, uint256]]  # member -> class -> revealed labelCount
staged: HashMap[uint256, HashMap[uint256, uint256]]  # round -> member -> labels staged by reveal_part
staged_histogram: HashMap[uint256, HashMap[uint256, uint256]]  # member -> class -> count so far
balances: HashMap[address, uint256]
paid_in: uint256
withdrawn: uint256
slashed: uint256
residue: uint256
escrow: uint256
records: DynArray[Record, MAX_ROUNDS]
rec_workers: HashMap[uint256, DynArray[address, MAX_MEMBERS]]
rec_payouts: HashMap[uint256, DynArray[uint256, MAX_MEMBERS]]
rec_rewards: HashMap[uint256, DynArray[int256, MAX_MEMBERS]]
rec_slashed: HashMap[uint256, DynArray[address, MAX_MEMBERS]]
rec_label_words: HashMap[uint256, HashMap[uint256, bytes32]]
rec_label_count: HashMap[uint256, uint256]

# Settlement in steps: words of samples accumulated so far in the current round, and the sums.
acc_words: uint256
acc_s: HashMap[uint256, uint256]  # settling position * MAX_CLASSES + class
acc_count: HashMap[uint256, uint256]
acc_lonely: HashMap[uint256, uint256]


@deploy
def __init__(
    members: DynArray[address, MAX_MEMBERS],
    deposit: uint256,
    commit_window: uint256,
    reveal_window: uint256,
    classes: uint256,
    samples: uint256,
    beta_wad: int256,
    lambda_wads: DynArray[int256, MAX_ROUNDS],
    units_per_reward: uint256,
    normalization: uint8,
    aggregation: uint8,
    label_count_policy: uint8,
    commitment: uint8,
    peers_per_sample: uint256,
    payout: uint8,
    allocation_seed: uint64,
):
    # ContractConfig.validate() and PTSFDTerms.validate(members:), rule by rule.
    n: uint256 = len(members)
    assert n >= 1, "noMembers"
    for i: uint256 in range(n, bound=MAX_MEMBERS):
        for k: uint256 in range(i, bound=MAX_MEMBERS):
            assert members[k] != members[i], "duplicateMember"
    assert deposit >= 1 and deposit < NEGATIVE, "depositTooSmall"
    assert commit_window >= 1 and commit_window < NEGATIVE, "windowTooShort"
    assert reveal_window >= 1 and reveal_window < NEGATIVE, "windowTooShort"
    assert len(lambda_wads) >= 1, "emptyLambdaSchedule"
    assert abs(beta_wad) <= PARAMETER_LIMIT, "parameterOutOfRange"
    for lam: int256 in lambda_wads:
        assert abs(lam) <= PARAMETER_LIMIT, "parameterOutOfRange"
    assert classes >= 1 and classes <= 254, "classesOutOfRange"
    assert samples >= 1 and samples <= AMOUNT_LIMIT, "samplesOutOfRange"
    assert samples * n <= AMOUNT_LIMIT, "samplesOutOfRange"
    assert units_per_reward >= 1 and units_per_reward < NEGATIVE, "unitsPerRewardTooSmall"
    if peers_per_sample != 0:
        assert peers_per_sample >= 2 and peers_per_sample <= n, "peersPerSampleOutOfRange"
    # validateAmounts: n * n * D and rounds * n * D at most Int.max / 4 (no reward here).
    self._check_amounts([n, n, deposit])
    self._check_amounts([len(lambda_wads), n, deposit])
    # Not Ledger rules: what this compiled contract can hold.
    assert classes <= MAX_CLASSES and samples <= MAX_SAMPLES, "exceedsContractBounds"
    assert normalization <= 1 and aggregation <= 1 and label_count_policy <= 1, "exceedsContractBounds"
    assert commitment <= 1 and payout <= 1, "exceedsContractBounds"

    self.members = members
    for i: uint256 in range(n, bound=MAX_MEMBERS):
        self.member_slot[members[i]] = i + 1
    self.deployer = msg.sender
    self.deposit = deposit
    self.commit_window = commit_window
    self.reveal_window = reveal_window
    self.classes = classes
    self.samples = samples
    self.beta_wad = beta_wad
    self.lambda_wads = lambda_wads
    self.units_per_reward = units_per_reward
    self.normalization_proper = normalization == 1
    self.aggregation_argmax = aggregation == 1
    self.label_count_verified = label_count_policy == 1
    self.commitment_bound = commitment == 1
    self.peers_per_sample = peers_per_sample
    self.payout_balanced = payout == 1
    self.allocation_seed = allocation_seed
    self.last_height = block.number
    self.start = block.number


@internal
@pure
def _check_amounts(factors: uint256[3]):
    p: uint256 = 1
    for f: uint256 in factors:
        assert f <= AMOUNT_LIMIT, "amountsTooLarge"
        p = p * f
        assert p <= AMOUNT_LIMIT, "amountsTooLarge"


@internal
@pure
def _saturating_add(a: uint256, b: uint256) -> uint256:
    if b >= INT_MAX or a + b >= INT_MAX:
        return INT_MAX
    return a + b


@internal
@pure
def _floor_div(a: int256, b: int256) -> int256:
    """floor(a / b) toward minus infinity, for b > 0 (Vyper's // truncates toward zero)."""
    q: int256 = a // b
    if a % b != 0 and a < 0:
        q -= 1
    return q


@internal
@pure
def _clamp(x: int256, bound: int256) -> int256:
    return max(-bound, min(bound, x))


@internal
def _begin() -> uint256:
    assert block.number >= self.last_height, "heightWentBackwards"
    self.last_height = block.number
    return block.number


@internal
@view
def _member() -> uint256:
    assert self.current_round < len(self.lambda_wads), "contractFinished"
    slot: uint256 = self.member_slot[msg.sender]
    assert slot != 0, "notAMember"
    return slot - 1


@internal
@view
def _commit_closes() -> uint256:
    return self._saturating_add(self.start, self.commit_window)


@internal
@view
def _settle_height() -> uint256:
    return self._saturating_add(self._commit_closes(), self.reveal_window)


@external
@view
def mechanism() -> String[16]:
    return "ptsfd"


@external
@payable
def register():
    h: uint256 = self._begin()
    i: uint256 = self._member()
    r: uint256 = self.current_round
    assert h >= self.start and h < self._commit_closes(), "outsideWindow"
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
    assert h >= self.start and h < self._commit_closes(), "outsideWindow"
    assert self.seats[r][i].registered, "notRegistered"
    assert not self.seats[r][i].committed, "alreadyCommitted"
    self.seats[r][i].committed = True
    self.seats[r][i].commitment = commitment
    log Committed(member=msg.sender, round=r, commitment=commitment)


@internal
def _open_reveal() -> (uint256, uint256):
    """The rules every reveal checks first: height, member, window, registered, committed,
    not yet revealed. Returns (member index, round)."""
    h: uint256 = self._begin()
    i: uint256 = self._member()
    r: uint256 = self.current_round
    opens: uint256 = self._commit_closes()
    assert h >= opens and h < self._saturating_add(opens, self.reveal_window), "outsideWindow"
    assert self.seats[r][i].registered, "notRegistered"
    assert self.seats[r][i].committed, "notCommitted"
    assert not self.seats[r][i].revealed, "alreadyRevealed"
    return i, r


@internal
def _store_labels(i: uint256, y: Bytes[MAX_SAMPLES], first_word: uint256, histogram: uint256[256]) -> uint256[256]:
    """One pass over labels that start at word `first_word` of Y: check every byte
    (labelOutOfRange at the first bad sample), count the classes (labelCount of Y, for
    `verified`) and store the words (a revert undoes it)."""
    length: uint256 = len(y)
    c: uint256 = self.classes
    hist: uint256[256] = histogram
    padded: Bytes[MAX_SAMPLES + 32] = concat(y, empty(bytes32))
    base: uint256 = i * MAX_WORDS + first_word
    for w: uint256 in range((length + 31) // 32, bound=MAX_WORDS):
        word: bytes32 = extract32(padded, w * 32)
        bits: uint256 = convert(word, uint256)
        for b: uint256 in range(32):
            if w * 32 + b >= length:
                break
            x: uint256 = (bits >> (248 - 8 * b)) & 255
            assert x < c or x == NO_VOTE, "labelOutOfRange"
            hist[x] = unsafe_add(hist[x], 1)
        self.y_words[base + w] = word
    return hist


@internal
def _finish_reveal(i: uint256, r: uint256, y: Bytes[MAX_SAMPLES + 32], label_count: DynArray[uint256, MAX_LABEL_COUNT], salt: bytes32, histogram: uint256[256]):
    """The labelCount checks, the hashCommit check, and the reveal recorded."""
    c: uint256 = self.classes
    assert len(label_count) == c, "wrongLabelCountLength"
    for x: uint256 in label_count:
        assert x < NEGATIVE, "negativeLabelCount"
    # HashCommit.labels: Y ++ labelCount words ++ salt (++ sender ++ contract ++ round).
    counts: Bytes[32 * MAX_LABEL_COUNT + 32] = abi_encode(label_count, ensure_tuple=False)
    revealed: bytes32 = empty(bytes32)
    if self.commitment_bound:
        revealed = keccak256(concat(y, slice(counts, 32, 32 * c), salt, convert(msg.sender, bytes20), convert(self, bytes20), convert(r, bytes32)))
    else:
        revealed = keccak256(concat(y, slice(counts, 32, 32 * c), salt))
    assert revealed == self.seats[r][i].commitment, "revealMismatch"
    truthful: bool = True
    for x: uint256 in range(c, bound=MAX_CLASSES):
        if histogram[x] != label_count[x]:
            truthful = False
        if not self.label_count_verified:
            self.reported[i][x] = label_count[x]
    self.seats[r][i].revealed = True
    self.seats[r][i].reveal_hash = keccak256(y)
    self.seats[r][i].truthful = truthful
    log Revealed(member=msg.sender, round=r)


@external
def reveal(y: Bytes[MAX_SAMPLES], label_count: DynArray[uint256, MAX_LABEL_COUNT], salt: bytes32):
    i: uint256 = 0
    r: uint256 = 0
    i, r = self._open_reveal()
    assert len(y) == self.samples, "wrongLabelsLength"
    histogram: uint256[256] = self._store_labels(i, y, 0, empty(uint256[256]))
    self._finish_reveal(i, r, y, label_count, salt, histogram)


# Reveal in parts, for a Y too big for one block (not a Ledger transaction; `reveal` is the
# Ledger's). `reveal_part` appends the next part of Y (every part but the last a whole number of
# 32-byte words; refused "partNotAligned" otherwise, "wrongLabelsLength" beyond m), checked and
# stored as `reveal` would; `reveal_staged(label_count, salt)` then checks labelCount and the
# commitment against the staged Y (refused "wrongLabelsLength" until all m labels are staged)
# and records the reveal exactly as `reveal(Y, label_count, salt)` does.

@external
def reveal_part(part: Bytes[MAX_PART]):
    i: uint256 = 0
    r: uint256 = 0
    i, r = self._open_reveal()
    staged: uint256 = self.staged[r][i]
    assert staged % 32 == 0, "partNotAligned"
    assert staged + len(part) <= self.samples, "wrongLabelsLength"
    c: uint256 = self.classes
    histogram: uint256[256] = empty(uint256[256])
    if staged > 0:
        for x: uint256 in range(c, bound=MAX_CLASSES):
            histogram[x] = self.staged_histogram[i][x]
        histogram[NO_VOTE] = self.staged_histogram[i][NO_VOTE]
    histogram = self._store_labels(i, part, staged // 32, histogram)
    for x: uint256 in range(c, bound=MAX_CLASSES):
        self.staged_histogram[i][x] = histogram[x]
    self.staged_histogram[i][NO_VOTE] = histogram[NO_VOTE]
    self.staged[r][i] = staged + len(part)


@external
def reveal_staged(label_count: DynArray[uint256, MAX_LABEL_COUNT], salt: bytes32):
    i: uint256 = 0
    r: uint256 = 0
    i, r = self._open_reveal()
    m: uint256 = self.samples
    assert self.staged[r][i] == m, "wrongLabelsLength"
    words: DynArray[bytes32, MAX_WORDS] = []
    for w: uint256 in range((m + 31) // 32, bound=MAX_WORDS):
        words.append(self.y_words[i * MAX_WORDS + w])
    encoded: Bytes[MAX_WORDS * 32 + 32] = abi_encode(words, ensure_tuple=False)
    histogram: uint256[256] = empty(uint256[256])
    for x: uint256 in range(self.classes, bound=MAX_CLASSES):
        histogram[x] = self.staged_histogram[i][x]
    self._finish_reveal(i, r, slice(encoded, 32, m), label_count, salt, histogram)


# Settlement.

@internal
@view
def _check_settle(requested: uint256, h: uint256) -> uint256:
    r: uint256 = self.current_round
    assert requested >= r, "roundAlreadySettled"
    assert r < len(self.lambda_wads), "contractFinished"
    assert requested == r, "wrongRound"
    assert h >= self._settle_height(), "settleTooEarly"
    return r


@internal
@view
def _settling(r: uint256) -> DynArray[uint256, MAX_MEMBERS]:
    """Step 1: the settling workers (revealed, and truthful under `verified`), member order."""
    out: DynArray[uint256, MAX_MEMBERS] = []
    for i: uint256 in range(len(self.members), bound=MAX_MEMBERS):
        s: Seat = self.seats[r][i]
        if s.registered and s.revealed and (s.truthful or not self.label_count_verified):
            out.append(i)
    return out


@internal
@pure
def _splitmix_next(state: uint256) -> (uint256, uint256):
    """SplitMix64.next(): (new state, output), 64-bit wrapping."""
    s: uint256 = unsafe_add(state, SM_GAMMA) & MASK64
    z: uint256 = s
    z = unsafe_mul(z ^ (z >> 30), SM_MIX1) & MASK64
    z = unsafe_mul(z ^ (z >> 27), SM_MIX2) & MASK64
    return s, z ^ (z >> 31)


@internal
@pure
def _stream(seed: uint256, index: uint256) -> uint256:
    """The state of SplitMix64(seed:, stream: index)."""
    state: uint256 = 0
    out: uint256 = 0
    state, out = self._splitmix_next(seed ^ (unsafe_mul(index, SM_STREAM) & MASK64))
    return out


@internal
@pure
def _draw(state: uint256, bound: uint256) -> (uint256, uint256):
    """SplitMix64.draw(below:): Lemire's multiply-shift with rejection. (new state, draw)."""
    s: uint256 = state
    x: uint256 = 0
    s, x = self._splitmix_next(s)
    product: uint256 = x * bound
    if product & MASK64 < bound:
        threshold: uint256 = (2**64 - bound) % bound
        for attempt: uint256 in range(256):
            if product & MASK64 >= threshold:
                break
            s, x = self._splitmix_next(s)
            product = x * bound
    return s, product >> 64


@internal
@pure
def _assigned(seed: uint256, sample: uint256, n: uint256, k: uint256) -> uint256:
    """PeerAllocation.workers(for: sample) as a bit mask over member indices."""
    order: uint256[MAX_MEMBERS] = empty(uint256[MAX_MEMBERS])
    for t: uint256 in range(n, bound=MAX_MEMBERS):
        order[t] = t
    state: uint256 = self._stream(seed, sample)
    mask: uint256 = 0
    for t: uint256 in range(k, bound=MAX_MEMBERS):
        d: uint256 = 0
        state, d = self._draw(state, n - t)
        pick: uint256 = t + d
        chosen: uint256 = order[pick]
        order[pick] = order[t]
        order[t] = chosen
        mask |= 1 << chosen
    return mask


@internal
@view
def _round_seed(r: uint256) -> uint256:
    state: uint256 = self._stream(convert(self.allocation_seed, uint256), r)
    out: uint256 = 0
    state, out = self._splitmix_next(state)
    return out


@internal
def _accumulate(
    r: uint256,
    settling: DynArray[uint256, MAX_MEMBERS],
    first_word: uint256,
    stop_word: uint256,
    acc: Sums,
) -> Sums:
    """Steps 2 and 3 for the samples of words [first_word, stop_word): S_i, count_i, E_i and the
    aggregated labels (stored word by word). The hot loop: unchecked arithmetic where the
    bounds are evident (votes <= n, S_i[x] < m * WAD, indices below their arrays' sizes)."""
    m: uint256 = self.samples
    c: uint256 = self.classes
    n: uint256 = len(self.members)
    n_settling: uint256 = len(settling)
    k_peers: uint256 = self.peers_per_sample
    seed: uint256 = 0
    if k_peers != 0:
        seed = self._round_seed(r)
    argmax: bool = self.aggregation_argmax
    masking: bool = k_peers != 0
    votes: uint256[MAX_CLASSES] = empty(uint256[MAX_CLASSES])
    rows: uint256[MAX_MEMBERS] = empty(uint256[MAX_MEMBERS])
    x_of: uint256[MAX_MEMBERS] = empty(uint256[MAX_MEMBERS])
    who: uint256[MAX_MEMBERS] = empty(uint256[MAX_MEMBERS])
    for k: uint256 in range(n_settling, bound=MAX_MEMBERS):
        who[k] = settling[k]
    for w: uint256 in range(first_word, stop_word, bound=MAX_WORDS):
        for k: uint256 in range(n_settling, bound=MAX_MEMBERS):
            rows[k] = convert(self.y_words[unsafe_add(unsafe_mul(who[k], MAX_WORDS), w)], uint256)
        label_bits: uint256 = 0
        for b: uint256 in range(32):
            j: uint256 = unsafe_add(unsafe_mul(w, 32), b)
            if j >= m:
                break
            mask: uint256 = max_value(uint256)
            if k_peers != 0:
                mask = self._assigned(seed, j, n, k_peers)
            offset: uint256 = unsafe_sub(248, unsafe_mul(8, b))
            reporters: uint256 = 0
            best: uint256 = NO_VOTE
            best_votes: uint256 = 0
            # BEGIN per-sample accumulation
            for k: uint256 in range(n_settling, bound=MAX_MEMBERS):
                x: uint256 = (rows[k] >> offset) & 255
                if masking and x != NO_VOTE and (mask >> who[k]) & 1 == 0:
                    x = NO_VOTE
                x_of[k] = x
                if x != NO_VOTE:
                    v: uint256 = unsafe_add(votes[x], 1)
                    votes[x] = v
                    reporters = unsafe_add(reporters, 1)
                    if v > best_votes or (v == best_votes and x < best):
                        best = x
                        best_votes = v
            if reporters >= 2:
                peers: uint256 = unsafe_sub(reporters, 1)
                for k: uint256 in range(n_settling, bound=MAX_MEMBERS):
                    x: uint256 = x_of[k]
                    if x != NO_VOTE:
                        cell: uint256 = unsafe_add(unsafe_mul(k, MAX_CLASSES), x)
                        acc.count[cell] = unsafe_add(acc.count[cell], 1)
                        acc.s[cell] = unsafe_add(acc.s[cell], unsafe_div(unsafe_mul(unsafe_sub(votes[x], 1), WAD_U), peers))
            elif reporters == 1:
                # The lone reporter: counted, but no peer (E_i = its votes minus these).
                for k: uint256 in range(n_settling, bound=MAX_MEMBERS):
                    x: uint256 = x_of[k]
                    if x != NO_VOTE:
                        cell: uint256 = unsafe_add(unsafe_mul(k, MAX_CLASSES), x)
                        acc.count[cell] = unsafe_add(acc.count[cell], 1)
                        acc.lonely[k] = unsafe_add(acc.lonely[k], 1)
            # END per-sample accumulation
            # MajorityAggregation.label: argmax (most votes, ties to the lowest class, none ->
            # 0xFF, tracked while counting) or the printed loop over the classes.
            label: uint256 = best
            if not argmax:
                label = 0
                for x: uint256 in range(c, bound=MAX_CLASSES):
                    if votes[x] > label:
                        label = x
            label_bits |= label << offset
            for k: uint256 in range(n_settling, bound=MAX_MEMBERS):
                x: uint256 = x_of[k]
                if x != NO_VOTE:
                    votes[x] = 0
        self.rec_label_words[r][w] = convert(label_bits, bytes32)
    return acc


@internal
@view
def _load(n_settling: uint256) -> Sums:
    acc: Sums = empty(Sums)
    if self.acc_words == 0:
        return acc
    c: uint256 = self.classes
    for k: uint256 in range(n_settling, bound=MAX_MEMBERS):
        acc.lonely[k] = self.acc_lonely[k]
        for x: uint256 in range(c, bound=MAX_CLASSES):
            acc.s[k * MAX_CLASSES + x] = self.acc_s[k * MAX_CLASSES + x]
            acc.count[k * MAX_CLASSES + x] = self.acc_count[k * MAX_CLASSES + x]
    return acc


@external
def settle_chunk(round: uint256, words: uint256):
    """Accumulates the next `words` words (32 samples each) of the current round's settlement
    and keeps the sums; `settle(round)` finishes. Refused exactly like `settle(round)`."""
    h: uint256 = self._begin()
    r: uint256 = self._check_settle(round, h)
    settling: DynArray[uint256, MAX_MEMBERS] = self._settling(r)
    done: uint256 = self.acc_words
    stop: uint256 = min(done + words, (self.samples + 31) // 32)
    if len(settling) == 0 or stop <= done:
        return
    acc: Sums = self._accumulate(r, settling, done, stop, self._load(len(settling)))
    c: uint256 = self.classes
    for k: uint256 in range(len(settling), bound=MAX_MEMBERS):
        self.acc_lonely[k] = acc.lonely[k]
        for x: uint256 in range(c, bound=MAX_CLASSES):
            self.acc_s[k * MAX_CLASSES + x] = acc.s[k * MAX_CLASSES + x]
            self.acc_count[k * MAX_CLASSES + x] = acc.count[k * MAX_CLASSES + x]
    self.acc_words = stop


@internal
@view
def _units(
    settling: DynArray[uint256, MAX_MEMBERS],
    acc: Sums,
    lam: int256,
) -> DynArray[int256, MAX_MEMBERS]:
    """Steps 4 to 6: units_i of every settling worker."""
    c: uint256 = self.classes
    n_settling: uint256 = len(settling)
    nn: int256 = convert(n_settling, int256)
    pool: int256 = nn * convert(self.deposit, int256)
    upr: int256 = convert(self.units_per_reward, int256)
    beta: int256 = self.beta_wad
    verified: bool = self.label_count_verified
    labels: int256[MAX_CLASSES][MAX_MEMBERS] = empty(int256[MAX_CLASSES][MAX_MEMBERS])
    g: int256[MAX_CLASSES] = empty(int256[MAX_CLASSES])
    g_total: int256 = 0
    for k: uint256 in range(n_settling, bound=MAX_MEMBERS):
        for x: uint256 in range(c, bound=MAX_CLASSES):
            v: int256 = 0
            if verified:
                v = convert(acc.count[k * MAX_CLASSES + x], int256)
            else:
                v = convert(self.reported[settling[k]][x], int256)
            labels[k][x] = v
            g[x] += v
            g_total += v
    units: DynArray[int256, MAX_MEMBERS] = []
    for k: uint256 in range(n_settling, bound=MAX_MEMBERS):
        reported: int256 = 0
        own: int256 = 0
        for x: uint256 in range(c, bound=MAX_CLASSES):
            reported += convert(acc.count[k * MAX_CLASSES + x], int256)
            own += labels[k][x]
        denom: int256 = 0
        if self.normalization_proper:
            denom = g_total - own
        else:
            denom = nn * reported
        matched: int256 = 0
        unbounded: bool = False
        for x: uint256 in range(c, bound=MAX_CLASSES):
            s: int256 = convert(acc.s[k * MAX_CLASSES + x], int256)
            if s != 0:
                others: int256 = g[x] - labels[k][x]
                if others > 0 and denom > 0:
                    matched += self._floor_div(s * denom, others)
                else:
                    unbounded = True
        u: int256 = 0
        if unbounded:
            if lam > 0:
                u = pool
            elif lam < 0:
                u = -pool
        else:
            e: int256 = reported - convert(acc.lonely[k], int256)  # E_i
            inner: int256 = matched - beta * e
            t: int256 = self._clamp(self._floor_div(lam * inner, WAD), pool * WAD)
            u = self._clamp(self._floor_div(t * upr, WAD), pool)
        units.append(u)
    return units


@internal
@view
def _payouts(units: DynArray[int256, MAX_MEMBERS]) -> (DynArray[uint256, MAX_MEMBERS], int256, bool):
    """Step 7: Payout.paper or Payout.balanced out of the pool of the settling deposits."""
    k_n: uint256 = len(units)
    d: int256 = convert(self.deposit, int256)
    pool: int256 = convert(k_n, int256) * d
    payouts: DynArray[uint256, MAX_MEMBERS] = []
    paid: int256 = 0
    if not self.payout_balanced:
        claims: DynArray[int256, MAX_MEMBERS] = []
        total: int256 = 0
        for u: int256 in units:
            claim: int256 = min(pool, max(0, d + u))
            claims.append(claim)
            total += claim
        if total <= pool:
            for claim: int256 in claims:
                payouts.append(convert(claim, uint256))
            return payouts, pool - total, False
        for claim: int256 in claims:
            p: int256 = claim * pool // total
            payouts.append(convert(p, uint256))
            paid += p
        return payouts, pool - paid, True
    kk: int256 = convert(k_n, int256)
    total: int256 = 0
    for u: int256 in units:
        total += u
    losses: DynArray[int256, MAX_MEMBERS] = []
    gains: DynArray[int256, MAX_MEMBERS] = []
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
    for i: uint256 in range(k_n, bound=MAX_MEMBERS):
        gain: int256 = 0
        if gain_total != 0:
            gain = gains[i] * loss_total // gain_total
        p: int256 = d - losses[i] + gain
        payouts.append(convert(p, uint256))
        paid += p
    return payouts, pool - paid, False


@external
def settle(round: uint256):
    h: uint256 = self._begin()
    r: uint256 = self._check_settle(round, h)
    n: uint256 = len(self.members)
    d: uint256 = self.deposit
    settling: DynArray[uint256, MAX_MEMBERS] = self._settling(r)

    registered: uint256 = 0
    slashed_members: DynArray[address, MAX_MEMBERS] = []
    for i: uint256 in range(n, bound=MAX_MEMBERS):
        s: Seat = self.seats[r][i]
        if not s.registered:
            continue
        registered += 1
        if not s.revealed or (self.label_count_verified and not s.truthful):
            slashed_members.append(self.members[i])
            log Slashed(round=r, member=self.members[i])

    workers: DynArray[address, MAX_MEMBERS] = []
    payouts: DynArray[uint256, MAX_MEMBERS] = []
    units: DynArray[int256, MAX_MEMBERS] = []
    residue: int256 = 0
    shortfall: bool = False
    has_seed: bool = False
    seed: uint64 = 0
    if len(settling) > 0:
        words: uint256 = (self.samples + 31) // 32
        acc: Sums = self._accumulate(r, settling, self.acc_words, words, self._load(len(settling)))
        units = self._units(settling, acc, self.lambda_wads[r])
        payouts, residue, shortfall = self._payouts(units)
        for i: uint256 in settling:
            workers.append(self.members[i])
        self.rec_label_count[r] = self.samples
        if self.peers_per_sample != 0:
            has_seed = True
            seed = convert(self._round_seed(r), uint64)
    for k: uint256 in range(len(workers), bound=MAX_MEMBERS):
        if payouts[k] > 0:
            self.balances[workers[k]] += payouts[k]
            log Paid(round=r, account=workers[k], amount=payouts[k])

    paid_in: uint256 = registered * d
    slashed_amount: uint256 = len(slashed_members) * d
    self.slashed += slashed_amount
    self.residue += convert(residue, uint256)
    self.escrow -= paid_in
    self.records.append(Record(
        start_height=self.start, settle_height=h, settled_by=msg.sender, paid_in=paid_in,
        slashed_amount=slashed_amount, residue=convert(residue, uint256), shortfall=shortfall,
        requester_refund=0, has_seed=has_seed, allocation_seed=seed,
    ))
    self.rec_workers[r] = workers
    self.rec_payouts[r] = payouts
    self.rec_rewards[r] = units
    self.rec_slashed[r] = slashed_members
    self.acc_words = 0
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
    return self.rec_rewards[r]


@external
@view
def record_slashed(r: uint256) -> DynArray[address, MAX_MEMBERS]:
    return self.rec_slashed[r]


@external
@view
def record_labels(r: uint256) -> Bytes[MAX_WORDS * 32 + 32]:
    m: uint256 = self.rec_label_count[r]
    words: DynArray[bytes32, MAX_WORDS] = []
    for w: uint256 in range((m + 31) // 32, bound=MAX_WORDS):
        words.append(self.rec_label_words[r][w])
    encoded: Bytes[MAX_WORDS * 32 + 32] = abi_encode(words, ensure_tuple=False)
    return slice(encoded, 32, m)
