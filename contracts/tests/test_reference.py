"""ptsfd.vy against a Python transcription of contracts/README.md "Integer settlement" (written
from the text, not from the contract) on random rounds: every knob, lies, silences, masks."""

import random

import pytest

from harness import Chain, label_count_of, member, ptsfd_args, ptsfd_round

WAD = 10**18
M64 = 2**64 - 1


def splitmix_next(state):
    state = (state + 0x9E3779B97F4A7C15) & M64
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return state, z ^ (z >> 31)


def stream(seed, index):
    _, out = splitmix_next(seed ^ ((index * 0xD1B54A32D192ED03) & M64))
    return out


def draw(state, bound):
    state, x = splitmix_next(state)
    product = x * bound
    if product & M64 < bound:
        threshold = (2**64 - bound) % bound
        while product & M64 < threshold:
            state, x = splitmix_next(state)
            product = x * bound
    return state, product >> 64


def workers_for(n, k, seed, j):
    order = list(range(n))
    state = stream(seed, j)
    for t in range(k):
        state, d = draw(state, n - t)
        order[t], order[t + d] = order[t + d], order[t]
    return sorted(order[:k])


def label(v, argmax):
    if argmax:
        best, best_votes = -1, 0
        for c, votes in enumerate(v):
            if votes > best_votes:
                best, best_votes = c, votes
        return best
    lab = 0
    for c in range(len(v) + 1):
        if (v[c] if c < len(v) else 0) > lab:
            lab = c
    return lab


def payout(units, d, balanced):
    k = len(units)
    pool = k * d
    if not balanced:
        claims = [min(pool, max(0, d + u)) for u in units]
        total = sum(claims)
        if total <= pool:
            return claims, pool - total, False
        paid = [c * pool // total for c in claims]
        return paid, pool - sum(paid), True
    total = sum(units)
    losses, gains = [], []
    for u in units:
        scaled = k * u - total
        if scaled < 0:
            losses.append(min(d, (-scaled + k - 1) // k))
            gains.append(0)
        else:
            losses.append(0)
            gains.append(scaled)
    lt, gt = sum(losses), sum(gains)
    paid = [d - losses[i] + (gains[i] * lt // gt if gt else 0) for i in range(k)]
    return paid, pool - sum(paid), False


def reference(ys, counts, revealed, *, classes, beta_wad, lambda_wad, upr, d, proper, argmax,
              verified, peers, seed, balanced, rnd=0):
    n, m = len(ys), len(ys[0])
    settling = [i for i in range(n) if revealed[i] and
                (not verified or label_count_of(ys[i], classes) == counts[i])]
    if not settling:
        return {"workers": [], "rewards": [], "payouts": [], "labels": "0x", "seed": None}
    s_r = None
    if peers:
        s_r = splitmix_next(stream(seed, rnd))[1]
    S = {i: [0] * classes for i in settling}
    count = {i: [0] * classes for i in settling}
    E = {i: 0 for i in settling}
    labels = []
    for j in range(m):
        keep = set(workers_for(n, peers, s_r, j)) if peers else set(range(n))
        x = {i: ys[i][j] for i in settling if ys[i][j] != 0xFF and i in keep}
        v = [0] * classes
        for c in x.values():
            v[c] += 1
        peers_j = sum(v) - 1
        for i, c in x.items():
            count[i][c] += 1
            if peers_j > 0:
                S[i][c] += (v[c] - 1) * WAD // peers_j
                E[i] += 1
        lab = label(v, argmax)
        labels.append(0xFF if lab == -1 else lab)
    L = {i: (count[i] if verified else counts[i]) for i in settling}
    G = [sum(L[i][c] for i in settling) for c in range(classes)]
    n2 = len(settling)
    pool = n2 * d
    units = []
    for i in settling:
        denom = (sum(G) - sum(L[i])) if proper else n2 * sum(count[i])
        matched, unbounded = 0, False
        for c in range(classes):
            if S[i][c] != 0:
                others = G[c] - L[i][c]
                if others > 0 and denom > 0:
                    matched += S[i][c] * denom // others
                else:
                    unbounded = True
        if unbounded:
            units.append(pool if lambda_wad > 0 else -pool if lambda_wad < 0 else 0)
            continue
        t = max(-pool * WAD, min(pool * WAD, lambda_wad * (matched - beta_wad * E[i]) // WAD))
        units.append(max(-pool, min(pool, t * upr // WAD)))
    paid, residue, shortfall = payout(units, d, balanced)
    return {"workers": [member(i) for i in settling], "rewards": [str(u) for u in units],
            "payouts": [str(p) for p in paid], "residue": str(residue), "shortfall": shortfall,
            "labels": "0x" + bytes(labels).hex(), "seed": None if s_r is None else str(s_r)}


@pytest.fixture(scope="module")
def chain():
    return Chain("ptsfd.vy")


@pytest.mark.parametrize("case", range(60))
def test_random_round_matches_the_text(chain, case):
    rng = random.Random(1000 + case)
    n = rng.randint(1, 5)
    m = rng.randint(1, 70)
    classes = rng.randint(1, 4)
    knobs = {k: rng.randint(0, 1) for k in ("normalization", "aggregation",
                                             "label_count_policy", "commitment", "payout")}
    peers = rng.choice([0, 0] + list(range(2, n + 1)))
    seed = rng.getrandbits(64)
    beta_wad = rng.choice([0, 5 * 10**17, -3 * 10**17, rng.randint(-4096 * WAD, 4096 * WAD)])
    lambda_wad = rng.choice([WAD, 0, -WAD, 3 * 10**17, rng.randint(-4096 * WAD, 4096 * WAD)])
    upr = rng.choice([1, 1000, 10**6])
    d = rng.choice([1, 100, 10**9])
    agree = rng.random()
    truth = [rng.randrange(classes) for _ in range(m)]
    ys = [[0xFF if rng.random() < 0.15 else t if rng.random() < agree else
           rng.randrange(classes) for t in truth] for _ in range(n)]
    counts = [label_count_of(y, classes) if rng.random() < 0.7 else
              [rng.randint(0, m) for _ in range(classes)] for y in ys]
    silent = {i for i in range(n) if rng.random() < 0.15}
    sits_out = {i for i in range(n) if rng.random() < 0.1}
    ys_in = [None if i in sits_out else y for i, y in enumerate(ys)]
    assert chain.deploy(ptsfd_args(n, deposit=d, classes=classes, samples=m, beta_wad=beta_wad,
                                   lambda_wads=[lambda_wad], units_per_reward=upr,
                                   peers_per_sample=peers, allocation_seed=seed, **knobs))["ok"]
    out = ptsfd_round(chain, ys_in, start=10, deposit=d, classes=classes, counts=counts,
                      bound=knobs["commitment"] == 1, skip_reveal=silent)
    assert all(r["ok"] for phase in out.values() for r in phase)
    rec = out["settle"][0]["state"]["records"][0]
    revealed = [i not in silent and i not in sits_out for i in range(n)]
    want = reference(ys, counts, revealed, classes=classes, beta_wad=beta_wad,
                     lambda_wad=lambda_wad, upr=upr, d=d, proper=knobs["normalization"] == 1,
                     argmax=knobs["aggregation"] == 1, verified=knobs["label_count_policy"] == 1,
                     peers=peers, seed=seed, balanced=knobs["payout"] == 1)
    got = {"workers": rec["workers"], "rewards": rec["rewards"], "payouts": rec["payouts"],
           "labels": rec["labels"], "seed": rec["allocation_seed"]}
    if want["workers"]:
        got.update(residue=rec["residue"], shortfall=rec["shortfall"])
    assert got == want
