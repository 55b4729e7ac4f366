"""ptsfd.vy on py-evm: a hand-computed settlement, the Swift Ledger's hash and allocation
vectors, a revert reason per rule, and chunked settlement equal to one settle."""

import random

import boa
import pytest
from eth_utils import keccak

from harness import (CONTRACT, DEPLOYER, HERE, Chain, hx, label_count_of, labels_commitment,
                     member, ptsfd_args, ptsfd_round)

WAD = 10**18

# Three workers, four samples, two classes (classes 0 and 1):
#   Y_0 = 0 0 1 1,  Y_1 = 0 1 1 1,  Y_2 = 0 0 0 1
# per sample v_j = (3,0), (2,1), (1,2), (0,3); peers_j = 2 everywhere, so
#   S_i[x] += floor((v_j[x] - 1) * WAD / 2):
#   S_0 = (WAD + WAD/2, WAD/2 + WAD)   = (1.5, 1.5) WAD
#   S_1 = (WAD, 0 + WAD/2 + WAD)       = (1.0, 1.5) WAD
#   S_2 = (WAD + WAD/2 + 0, WAD)       = (1.5, 1.0) WAD
#   E_i = 4, count_0 = (2,2), count_1 = (1,3), count_2 = (3,1), G = (6,6), Gtot = 12.
# beta = 0.5, lambda = 1, unitsPerReward = 1000, deposit 10,000 (pool 30,000).
# proper: denom_i = 12 - 4 = 8; others_0 = (4,4), others_1 = (5,3), others_2 = (3,5)
#   matched_0 = 1.5*8/4 + 1.5*8/4 = 6.0, inner 6.0 - 0.5*4 = 4.0  -> 4000 units
#   matched_1 = 1.0*8/5 + 1.5*8/3 = 1.6 + 4.0 = 5.6, inner 3.6  -> 3600
#   matched_2 = 1.5*8/3 + 1.0*8/5 = 5.6, inner 3.6             -> 3600
# paper: denom_i = n' * M_i = 3 * 4 = 12
#   matched_0 = 1.5*12/4 * 2 = 9.0, inner 7.0 -> 7000
#   matched_1 = 1.0*12/5 + 1.5*12/3 = 2.4 + 6.0 = 8.4, inner 6.4 -> 6400; worker 2 the same.
# Payout.paper: claims D + u; proper: 14000 + 13600 + 13600 = 41200 > 30000, pro rata:
#   floor(14000 * 30000 / 41200) = 10194, floor(13600 * 30000 / 41200) = 9902 (twice),
#   residue 30000 - 29998 = 2, shortfall. paper: 17000 + 16400 * 2 = 49800:
#   floor(17000 * 30000 / 49800) = 10240, floor(16400 * 30000 / 49800) = 9879, residue 2.
# Payout.balanced: proper: sum u = 11200, k = 3, k*u - sum = (800, -400, -400):
#   losses ceil(400/3) = 134 each, gain 800 * 268 / 800 = 268 -> (10268, 9866, 9866).
#   paper: sum 19800, (1200, -600, -600): losses 200 each, gain 400 -> (10400, 9800, 9800).
# Labels, argmax: (0, 0, 1, 1); the printed loop ("if Votes[j,c] > label: label = c"):
#   sample 1 has v = (2,1): c=0: 2 > 0 -> 0; c=1: 1 > 0 -> 1. So (0, 1, 1, 1).
YS = [[0, 0, 1, 1], [0, 1, 1, 1], [0, 0, 0, 1]]
HAND = {
    # (normalization, payout): (units, payouts, residue, shortfall)
    (1, 1): (["4000", "3600", "3600"], ["10268", "9866", "9866"], "0", False),
    (1, 0): (["4000", "3600", "3600"], ["10194", "9902", "9902"], "2", True),
    (0, 1): (["7000", "6400", "6400"], ["10400", "9800", "9800"], "0", False),
    (0, 0): (["7000", "6400", "6400"], ["10240", "9879", "9879"], "2", True),
}


@pytest.fixture(scope="module")
def chain():
    return Chain("ptsfd.vy")


@pytest.mark.parametrize("normalization,payout", sorted(HAND))
def test_hand_computed_settlement(chain, normalization, payout):
    assert chain.deploy(ptsfd_args(3, deposit=10000, normalization=normalization,
                                   payout=payout))["ok"]
    out = ptsfd_round(chain, YS, start=10, deposit=10000)
    assert all(r["ok"] for phase in out.values() for r in phase)
    settle = out["settle"][0]
    rec = settle["state"]["records"][0]
    units, payouts, residue, shortfall = HAND[(normalization, payout)]
    assert rec["rewards"] == units
    assert rec["payouts"] == payouts
    assert (rec["residue"], rec["shortfall"]) == (residue, shortfall)
    assert rec["labels"] == "0x00000101"
    assert rec["workers"] == [member(i) for i in range(3)]
    assert [e["name"] for e in settle["events"]] == ["Paid"] * 3 + ["Settled"]
    state = settle["state"]
    assert state["funds"]["escrow"] == "0" and state["funds"]["residue"] == residue
    assert state["claimable"][member(0)] == payouts[0]
    # withdraw pays the whole balance once
    w = chain.tx("withdraw", member(0), 30)
    assert w["ok"] and w["events"] == [{"name": "Withdrawn", "args": {
        "account": member(0), "amount": int(payouts[0])}}]
    assert chain.tx("withdraw", member(0), 30)["reason"] == "nothingToWithdraw"


def test_paper_aggregation_labels(chain):
    assert chain.deploy(ptsfd_args(3, deposit=10000, aggregation=0))["ok"]
    out = ptsfd_round(chain, YS, start=10, deposit=10000)
    assert out["settle"][0]["state"]["records"][0]["labels"] == "0x00010101"


def test_slashing_and_unbounded(chain):
    # Worker 2 commits but never reveals: slashed. Worker 1 reveals a labelCount that is not
    # Y's under `verified`: slashed. Worker 0 settles alone: peers_j = 0 on every sample, so
    # S = 0, E = 0: units 0, payout its deposit back.
    assert chain.deploy(ptsfd_args(3, deposit=100))["ok"]
    counts = [label_count_of(y, 2) for y in YS]
    counts[1] = [2, 2]
    out = ptsfd_round(chain, YS, start=10, counts=counts, skip_reveal=(2,))
    settle = out["settle"][0]
    rec = settle["state"]["records"][0]
    assert rec["slashed"] == [member(1), member(2)]
    assert rec["slashed_amount"] == "200" and rec["workers"] == [member(0)]
    assert rec["rewards"] == ["0"] and rec["payouts"] == ["100"]
    assert [e["name"] for e in settle["events"]] == ["Slashed", "Slashed", "Paid", "Settled"]


def test_paper_label_count_unbounded(chain):
    # labelCount = paper with every worker reporting (0, 0): G = (0, 0), so others_i[x] = 0
    # wherever S_i[x] != 0 (every worker agrees with a peer somewhere): every worker is
    # unbounded, and with lambda > 0 its units are +pool = 3 * 100.
    assert chain.deploy(ptsfd_args(3, deposit=100, label_count_policy=0, payout=1))["ok"]
    counts = [[0, 0], [0, 0], [0, 0]]
    out = ptsfd_round(chain, YS, start=10, counts=counts)
    rec = out["settle"][0]["state"]["records"][0]
    assert rec["rewards"] == ["300", "300", "300"]


def test_swift_hashcommit_vectors():
    # Tests/LedgerTests/HashCommitTests.swift: salt = 0..31, Y = (0, 1, 0xFF, 1), counts (1, 2),
    # sender Address(index: 1), contract Address(index: 99), round 2.
    salt = bytes(range(32))
    addr = lambda i: "0x" + keccak(i.to_bytes(32, "big"))[12:].hex()  # noqa: E731
    y = [0, 1, 0xFF, 1]
    assert labels_commitment(y, [1, 2], salt, False, addr(1), addr(99), 2).hex() == \
        "d86b935368e33d01194debf1768c9f178e306cd7ee19470fb6d66088d18c91d9"
    assert labels_commitment(y, [1, 2], salt, True, addr(1), addr(99), 2).hex() == \
        "cb80983eb0d2617705221be8a18f9a5f172a06650d68d05a34a2d50de25f593b"


def test_contract_accepts_the_swift_bound_vector():
    # The same vector on chain: deploy at Address(index: 99), settle rounds 0 and 1 empty, and
    # in round 2 Address(index: 1) commits the Swift hash and reveals; the contract's own
    # keccak must equal it.
    addr = lambda i: "0x" + keccak(i.to_bytes(32, "big"))[12:].hex()  # noqa: E731
    chain = Chain("ptsfd.vy")
    members = [addr(1), member(1)]
    host = chain.host
    reply = host.handle({"op": "deploy", "mechanism": "ptsfd", "value": "0",
                         "deployer": DEPLOYER, "address": addr(99), "height": 0,
                         "args": ptsfd_args(2, commit_window=1, reveal_window=1,
                                            lambda_wads=[WAD] * 3, members=members)})
    assert reply["ok"]
    assert chain.tx("settle", DEPLOYER, 2, [0])["ok"]
    assert chain.tx("settle", DEPLOYER, 4, [1])["ok"]
    assert chain.tx("register", addr(1), 4, value=100)["ok"]
    vector = "0xcb80983eb0d2617705221be8a18f9a5f172a06650d68d05a34a2d50de25f593b"
    assert chain.tx("commit", addr(1), 4, [vector])["ok"]
    r = chain.tx("reveal", addr(1), 5, ["0x0001ff01", ["1", "2"], hx(bytes(range(32)))])
    assert r["ok"], r
    assert r["state"]["seats"][0]["reveal_hash"] == "0x" + keccak(bytes([0, 1, 0xFF, 1])).hex()


def test_swift_allocation_vectors():
    # Tests/MechanismsTests/PeerAllocationTests.swift (BoundedDrawTests).
    # lib/splitmix.vy, the module ptsfd.vy draws its peer allocation with.
    c = boa.load(str(HERE / "lib" / "splitmix.vy"))
    state, out = c.internal.next(0)
    assert out == 0xE220A8397B1DCDAF
    draws, s = [], 0
    for bound in [10, 3, 1000, (1 << 63) + 1, 7]:
        s, d = c.internal.draw(s, bound)
        draws.append(d)
    assert draws == [8, 1, 26, 8_954_805_688_390_271_222, 0]
    s, d = c.internal.draw(0, (1 << 63) + 1)
    assert (d, s) == (243_808_509_735_772_839, 15_755_400_384_260_043_839)
    bits = lambda mask: [i for i in range(32) if mask >> i & 1]  # noqa: E731
    assert [bits(c.internal.assigned(42, j, 5, 2)) for j in range(6)] == \
        [[1, 4], [0, 1], [0, 3], [3, 4], [0, 2], [2, 4]]
    assert [bits(c.internal.assigned(7, j, 4, 3)) for j in range(4)] == \
        [[0, 2, 3], [1, 2, 3], [0, 1, 3], [0, 1, 3]]


@pytest.mark.parametrize("peers", [0, 2])
def test_chunked_settlement_equals_one_settle(chain, peers):
    rng = random.Random(7 + peers)
    m, n, classes = 200, 4, 3
    ys = [[rng.choice([0, 1, 2, 0xFF]) for _ in range(m)] for _ in range(n)]
    args = ptsfd_args(n, classes=classes, samples=m, peers_per_sample=peers,
                      allocation_seed=12345, payout=0, normalization=0)
    records = []
    for chunk in (None, 1, 3):
        assert chain.deploy(args)["ok"]
        out = ptsfd_round(chain, ys, start=10, classes=classes, chunk_words=chunk)
        assert all(r["ok"] for phase in out.values() for r in phase)
        if chunk:
            assert len(out["settle_chunk"]) >= 2
        rec = dict(out["settle"][0]["state"]["records"][0])
        records.append(rec)
    assert records[0] == records[1] == records[2]
    assert (records[0]["allocation_seed"] is not None) == (peers != 0)
    assert len(records[0]["labels"]) == 2 + 2 * m


DEPLOY_RULES = [
    # (field overrides, reason): each breaks exactly one rule, in validate()'s order
    ({"members": []}, "noMembers"),
    ({"members": [member(0), member(1), member(0)]}, "duplicateMember"),
    ({"deposit": 0}, "depositTooSmall"),
    ({"commit_window": 0}, "windowTooShort"),
    ({"reveal_window": 0}, "windowTooShort"),
    ({"lambda_wads": []}, "emptyLambdaSchedule"),
    ({"beta_wad": 4096 * WAD + 1}, "parameterOutOfRange"),
    ({"lambda_wads": [WAD, -4096 * WAD - 1]}, "parameterOutOfRange"),
    ({"classes": 0}, "classesOutOfRange"),
    ({"classes": 255}, "classesOutOfRange"),
    ({"samples": 0}, "samplesOutOfRange"),
    ({"samples": (2**63 - 1) // 4 // 3 + 1}, "samplesOutOfRange"),
    ({"units_per_reward": 0}, "unitsPerRewardTooSmall"),
    ({"peers_per_sample": 1}, "peersPerSampleOutOfRange"),
    ({"peers_per_sample": 4}, "peersPerSampleOutOfRange"),
    ({"deposit": (2**63 - 1) // 4 // 9 + 1}, "amountsTooLarge"),
    ({"lambda_wads": [WAD] * 5, "deposit": (2**63 - 1) // 4 // 15 + 1, "members":
      [member(i) for i in range(5)]}, "amountsTooLarge"),
    ({"classes": 33}, "exceedsContractBounds"),
    ({"samples": 40001}, "exceedsContractBounds"),
    # the first failing rule wins
    ({"deposit": 0, "classes": 0}, "depositTooSmall"),
    ({"lambda_wads": [], "beta_wad": 2**200}, "emptyLambdaSchedule"),
    ({"beta_wad": 2**200, "classes": 0}, "parameterOutOfRange"),
]


@pytest.mark.parametrize("overrides,reason", DEPLOY_RULES)
def test_deploy_refusals(chain, overrides, reason):
    kwargs = dict(overrides)
    n = len(kwargs.get("members", [0, 1, 2]))
    reply = chain.deploy(ptsfd_args(n, **kwargs))
    assert reply == {"ok": False, "reason": reason, "gas": reply["gas"]}


def test_transaction_refusals(chain):
    assert chain.deploy(ptsfd_args(3, commit_window=5, reveal_window=5))["ok"]
    y = [0, 1, 1, 0]
    lc = label_count_of(y, 2)
    salt = b"\x01" * 32
    good = labels_commitment(y, lc, salt, True, member(0), CONTRACT, 0)
    rv = lambda yy=y, cc=lc, ss=salt: [hx(yy), [str(v) for v in cc], hx(ss)]  # noqa: E731
    checks = [
        ("register", member(0), 9, [], 100, "heightWentBackwards"),
        ("register", "0x" + "ee" * 20, 10, [], 100, "notAMember"),
        ("register", member(0), 15, [], 100, "outsideWindow"),
        ("register", member(0), 10, [], 99, "wrongDeposit"),
        ("commit", member(0), 10, [hx(good)], 0, "notRegistered"),
        ("register", member(0), 10, [], 100, None),
        ("register", member(0), 10, [], 100, "alreadyRegistered"),
        ("reveal", member(0), 15, rv(), 0, "notCommitted"),
        ("commit", member(0), 10, [hx(good)], 0, None),
        ("commit", member(0), 11, [hx(good)], 0, "alreadyCommitted"),
        ("reveal", member(0), 14, rv(), 0, "outsideWindow"),
        ("reveal", member(1), 15, rv(), 0, "notRegistered"),
        ("reveal", member(0), 15, rv(yy=[0, 1, 1]), 0, "wrongLabelsLength"),
        ("reveal", member(0), 15, rv(yy=[0, 2, 1, 0]), 0, "labelOutOfRange"),
        ("reveal", member(0), 15, rv(cc=[2]), 0, "wrongLabelCountLength"),
        ("reveal", member(0), 15, rv(cc=[2, -1]), 0, "negativeLabelCount"),
        ("reveal", member(0), 15, rv(ss=b"\x02" * 32), 0, "revealMismatch"),
        ("settle", DEPLOYER, 15, [0], 0, "settleTooEarly"),
        ("reveal", member(0), 15, rv(), 0, None),
        ("reveal", member(0), 15, rv(), 0, "alreadyRevealed"),
        ("settle", DEPLOYER, 20, [1], 0, "wrongRound"),
        ("withdraw", member(0), 20, [], 0, "nothingToWithdraw"),
        ("settle", DEPLOYER, 20, [0], 0, None),
        ("settle", DEPLOYER, 20, [0], 0, "roundAlreadySettled"),
        ("settle", DEPLOYER, 20, [1], 0, "contractFinished"),
        ("register", member(0), 20, [], 100, "contractFinished"),
        ("withdraw", member(0), 20, [], 0, None),
    ]
    for fn, sender, height, args, value, reason in checks:
        r = chain.tx(fn, sender, height, args, value=value)
        assert r.get("reason") == reason, (fn, height, reason, r.get("reason"))
        assert r["ok"] == (reason is None)


def test_reveal_in_parts_equals_one_reveal(chain):
    # Workers 1 and 2 reveal Y in parts of 64 samples (two whole words) then reveal_staged;
    # the seats and the settled record equal those of single reveals.
    rng = random.Random(3)
    m, n, classes = 150, 3, 3
    ys = [[rng.choice([0, 1, 2, 0xFF]) for _ in range(m)] for _ in range(n)]
    args = ptsfd_args(n, classes=classes, samples=m)
    results = []
    for parts in ((), (1, 2)):
        assert chain.deploy(args)["ok"]
        out = ptsfd_round(chain, ys, start=10, classes=classes, parts_for=parts, part_size=64)
        assert all(r["ok"] for phase in out.values() for r in phase)
        assert len(out["reveal_part"]) == (6 if parts else 0)
        results.append((out["reveal"] + out["reveal_staged"])[-1]["state"]["seats"])
        results.append(out["settle"][0]["state"]["records"][0])
    assert results[0] == results[2] and results[1] == results[3]


def test_reveal_part_refusals(chain):
    m = 100
    assert chain.deploy(ptsfd_args(2, samples=m))["ok"]
    y = [0, 1] * 50
    c = labels_commitment(y, label_count_of(y, 2), b"\x01" * 32, True, member(0), CONTRACT, 0)
    assert chain.tx("register", member(0), 10, value=100)["ok"]
    assert chain.tx("commit", member(0), 10, [hx(c)])["ok"]
    assert chain.tx("reveal_part", member(0), 14, [hx(y[:40])])["reason"] == "outsideWindow"
    assert chain.tx("reveal_part", member(0), 15, [hx(y[:40])])["ok"]
    assert chain.tx("reveal_part", member(0), 15, [hx(y[40:])])["reason"] == "partNotAligned"
    assert chain.tx("reveal_staged", member(0), 15, [["50", "50"], hx(b"\x01" * 32)])[
        "reason"] == "wrongLabelsLength"
    assert chain.deploy(ptsfd_args(2, samples=m))["ok"]
    assert chain.tx("register", member(0), 10, value=100)["ok"]
    assert chain.tx("commit", member(0), 10, [hx(c)])["ok"]
    assert chain.tx("reveal_part", member(0), 15, [hx(y[:64])])["ok"]
    assert chain.tx("reveal_part", member(0), 15, [hx(y[64:] + [0])])["reason"] == \
        "wrongLabelsLength"
    assert chain.tx("reveal_part", member(0), 15, [hx(y[64:99] + [7])])["reason"] == \
        "labelOutOfRange"
    assert chain.tx("reveal_part", member(0), 15, [hx(y[64:])])["ok"]
    assert chain.tx("reveal_staged", member(0), 15, [["50", "50"], hx(b"\x02" * 32)])[
        "reason"] == "revealMismatch"
    assert chain.tx("reveal_staged", member(0), 15, [["50", "50"], hx(b"\x01" * 32)])["ok"]
    assert chain.tx("reveal", member(0), 15, [hx(y), ["50", "50"], hx(b"\x01" * 32)])[
        "reason"] == "alreadyRevealed"


def test_host_maps_negative_heights_and_values(chain):
    assert chain.deploy(ptsfd_args(3), height=-1) == {"ok": False, "reason": "negativeHeight",
                                                       "gas": 0}
    assert chain.deploy(ptsfd_args(3, deposit=0), height=-1)["reason"] == "depositTooSmall"
    assert chain.deploy(ptsfd_args(3))["ok"]
    assert chain.tx("register", member(0), -1, value=100)["reason"] == "heightWentBackwards"
    assert chain.tx("register", member(0), 10, value=-100)["reason"] == "wrongDeposit"
    bad = chain.host.handle({"op": "tx", "fn": "nope", "sender": member(0), "height": 10})
    assert bad["ok"] is False and "error" in bad
