# pragma version 0.4.3
"""
@title PTSFD settlement (contracts/README.md, "Integer settlement")
@notice Steps 1 to 7 of a round: the settling workers, the per-sample accumulation of S_i,
        count_i and E_i with the aggregated labels (reading each sample once: O(m * (n + |C|)),
        not the O(m * n^2) peer loop of Algorithm 3), R_i and units_i, the payouts (lib/payout),
        and the round closed in the core. A round too big for one block is settled in steps:
        `settle_chunk(round, words)` accumulates the next `words * 32` samples and keeps the
        running sums; `settle(round)` accumulates what is left and pays out, with exactly the
        result of a single `settle(round)`. Owns those sums and the PTSFD parts of a record
        (units_i, the labels).
"""

from . import arith
from . import bounds
from . import commit_reveal as core
from . import payout
from . import ptsfd_reveal as reveals
from . import ptsfd_terms as terms
from . import splitmix

uses: core
uses: terms
uses: reveals

MAX_MEMBERS: constant(uint256) = bounds.MAX_MEMBERS
MAX_WORDS: constant(uint256) = terms.MAX_WORDS
MAX_CLASSES: constant(uint256) = terms.MAX_CLASSES
NO_VOTE: constant(uint256) = terms.NO_VOTE
WAD: constant(int256) = bounds.WAD
WAD_U: constant(uint256) = bounds.WAD_U

struct Sums:
    s: uint256[MAX_MEMBERS * MAX_CLASSES]  # S_i[x] at i * MAX_CLASSES + x, scaled by WAD
    count: uint256[MAX_MEMBERS * MAX_CLASSES]  # count_i[x]
    lonely: uint256[MAX_MEMBERS]  # votes of i on samples without a peer; E_i = M_i - lonely_i

rec_rewards: HashMap[uint256, DynArray[int256, MAX_MEMBERS]]
rec_label_words: HashMap[uint256, HashMap[uint256, bytes32]]
rec_label_count: HashMap[uint256, uint256]

# Settlement in steps: words of samples accumulated so far in the current round, and the sums.
acc_words: uint256
acc_s: HashMap[uint256, uint256]  # settling position * MAX_CLASSES + class
acc_count: HashMap[uint256, uint256]
acc_lonely: HashMap[uint256, uint256]


@internal
@view
def _settling(r: uint256) -> DynArray[uint256, MAX_MEMBERS]:
    """Step 1: the settling workers (revealed, and truthful under `verified`), member order."""
    out: DynArray[uint256, MAX_MEMBERS] = []
    for i: uint256 in range(len(core.members), bound=MAX_MEMBERS):
        s: core.Seat = core.seats[r][i]
        if s.registered and s.revealed and (s.valid or not terms.label_count_verified):
            out.append(i)
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
    m: uint256 = terms.samples
    c: uint256 = terms.classes
    n: uint256 = len(core.members)
    n_settling: uint256 = len(settling)
    k_peers: uint256 = terms.peers_per_sample
    seed: uint256 = 0
    if k_peers != 0:
        seed = terms.round_seed(r)
    argmax: bool = terms.aggregation_argmax
    masking: bool = k_peers != 0
    votes: uint256[MAX_CLASSES] = empty(uint256[MAX_CLASSES])
    rows: uint256[MAX_MEMBERS] = empty(uint256[MAX_MEMBERS])
    x_of: uint256[MAX_MEMBERS] = empty(uint256[MAX_MEMBERS])
    who: uint256[MAX_MEMBERS] = empty(uint256[MAX_MEMBERS])
    for k: uint256 in range(n_settling, bound=MAX_MEMBERS):
        who[k] = settling[k]
    for w: uint256 in range(first_word, stop_word, bound=MAX_WORDS):
        for k: uint256 in range(n_settling, bound=MAX_MEMBERS):
            rows[k] = convert(reveals.y_words[unsafe_add(unsafe_mul(who[k], MAX_WORDS), w)], uint256)
        label_bits: uint256 = 0
        for b: uint256 in range(32):
            j: uint256 = unsafe_add(unsafe_mul(w, 32), b)
            if j >= m:
                break
            mask: uint256 = max_value(uint256)
            if k_peers != 0:
                mask = splitmix.assigned(seed, j, n, k_peers)
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
    c: uint256 = terms.classes
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
    h: uint256 = core.begin()
    r: uint256 = core.check_settle(round, h)
    settling: DynArray[uint256, MAX_MEMBERS] = self._settling(r)
    done: uint256 = self.acc_words
    stop: uint256 = min(done + words, (terms.samples + 31) // 32)
    if len(settling) == 0 or stop <= done:
        return
    acc: Sums = self._accumulate(r, settling, done, stop, self._load(len(settling)))
    c: uint256 = terms.classes
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
    c: uint256 = terms.classes
    n_settling: uint256 = len(settling)
    nn: int256 = convert(n_settling, int256)
    pool: int256 = nn * convert(core.deposit, int256)
    upr: int256 = convert(terms.units_per_reward, int256)
    beta: int256 = terms.beta_wad
    verified: bool = terms.label_count_verified
    labels: int256[MAX_CLASSES][MAX_MEMBERS] = empty(int256[MAX_CLASSES][MAX_MEMBERS])
    g: int256[MAX_CLASSES] = empty(int256[MAX_CLASSES])
    g_total: int256 = 0
    for k: uint256 in range(n_settling, bound=MAX_MEMBERS):
        for x: uint256 in range(c, bound=MAX_CLASSES):
            v: int256 = 0
            if verified:
                v = convert(acc.count[k * MAX_CLASSES + x], int256)
            else:
                v = convert(reveals.reported[settling[k]][x], int256)
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
        if terms.normalization_proper:
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
                    matched += arith.floor_div(s * denom, others)
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
            t: int256 = arith.clamp(arith.floor_div(lam * inner, WAD), pool * WAD)
            u = arith.clamp(arith.floor_div(t * upr, WAD), pool)
        units.append(u)
    return units


@external
def settle(round: uint256):
    h: uint256 = core.begin()
    r: uint256 = core.check_settle(round, h)
    n: uint256 = len(core.members)
    d: uint256 = core.deposit
    settling: DynArray[uint256, MAX_MEMBERS] = self._settling(r)

    registered: uint256 = 0
    slashed_members: DynArray[address, MAX_MEMBERS] = []
    for i: uint256 in range(n, bound=MAX_MEMBERS):
        s: core.Seat = core.seats[r][i]
        if not s.registered:
            continue
        registered += 1
        if not s.revealed or (terms.label_count_verified and not s.valid):
            slashed_members.append(core.members[i])
            log core.Slashed(round=r, member=core.members[i])

    workers: DynArray[address, MAX_MEMBERS] = []
    payouts: DynArray[uint256, MAX_MEMBERS] = []
    units: DynArray[int256, MAX_MEMBERS] = []
    residue: int256 = 0
    shortfall: bool = False
    has_seed: bool = False
    seed: uint64 = 0
    if len(settling) > 0:
        words: uint256 = (terms.samples + 31) // 32
        acc: Sums = self._accumulate(r, settling, self.acc_words, words, self._load(len(settling)))
        units = self._units(settling, acc, terms.lambda_wads[r])
        payouts, residue, shortfall = payout.payouts(units, d, terms.payout_balanced)
        for i: uint256 in settling:
            workers.append(core.members[i])
        self.rec_label_count[r] = terms.samples
        if terms.peers_per_sample != 0:
            has_seed = True
            seed = convert(terms.round_seed(r), uint64)
    for k: uint256 in range(len(workers), bound=MAX_MEMBERS):
        core.credit(r, workers[k], payouts[k])

    paid_in: uint256 = registered * d
    slashed_amount: uint256 = len(slashed_members) * d
    self.rec_rewards[r] = units
    self.acc_words = 0
    core.close_round(r, h, core.Record(
        start_height=core.start, settle_height=h, settled_by=msg.sender, paid_in=paid_in,
        slashed_amount=slashed_amount, residue=convert(residue, uint256), shortfall=shortfall,
        requester_refund=0, has_seed=has_seed, allocation_seed=seed,
    ), workers, payouts, slashed_members)


@external
@view
def record_rewards(r: uint256) -> DynArray[int256, MAX_MEMBERS]:
    return self.rec_rewards[r]


@external
@view
def record_labels(r: uint256) -> Bytes[MAX_WORDS * 32 + 32]:
    m: uint256 = self.rec_label_count[r]
    words: DynArray[bytes32, MAX_WORDS] = []
    for w: uint256 in range((m + 31) // 32, bound=MAX_WORDS):
        words.append(self.rec_label_words[r][w])
    encoded: Bytes[MAX_WORDS * 32 + 32] = abi_encode(words, ensure_tuple=False)
    return slice(encoded, 32, m)
