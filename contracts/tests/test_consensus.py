"""consensus.vy on py-evm: Consensus.settle's clauses by hand, and a revert reason per rule."""

import pytest

from harness import CONTRACT, DEPLOYER, Chain, hx, member, result_commitment

SALT = b"\x07" * 32


def args(n=3, deposit=10, reward=7, junk=(True, True, True), input_=b"\x01\x02", bound=1,
         members=None, commit_window=3, reveal_window=3):
    members = members if members is not None else [member(i) for i in range(n)]
    return [members, str(deposit), commit_window, reveal_window, str(reward), *junk,
            hx(input_), bound]


@pytest.fixture(scope="module")
def chain():
    return Chain("consensus.vy")


def run(chain, results, deposit=10, reward=7, **kw):
    """results[i]: bytes revealed by member i; "silent" registers and commits only; None never
    registers."""
    assert chain.deploy(args(len(results), deposit=deposit, reward=reward, **kw),
                        value=str(reward))["ok"]
    for i, res in enumerate(results):
        if res is None:
            continue
        assert chain.tx("register", member(i), 10, value=deposit)["ok"]
        c = result_commitment(res if res != "silent" else b"", SALT, True, member(i),
                              CONTRACT, 0)
        assert chain.tx("commit", member(i), 10, [hx(c)])["ok"]
    for i, res in enumerate(results):
        if res is None or res == "silent":
            continue
        r = chain.tx("reveal", member(i), 13, [hx(res), hx(SALT)])
        assert r["ok"], r
    return chain.tx("settle", DEPLOYER, 16, [0])


def test_equal_results_share_the_reward(chain):
    # r / n = 7 // 3 = 2 each on top of the deposit; the requester gets 7 - 3 * 2 = 1 back.
    s = run(chain, [b"\x05", b"\x05", b"\x05"])
    rec = s["state"]["records"][0]
    assert rec["payouts"] == ["12", "12", "12"] and rec["requester_refund"] == "1"
    assert rec["slashed_amount"] == "0" and rec["paid_in"] == "37"
    assert s["state"]["claimable"][DEPLOYER] == "1"
    assert [e["name"] for e in s["events"]] == ["Paid"] * 4 + ["Settled"]


def test_different_results_lose_half(chain):
    # every worker valid, results differ: half = 10 // 2 = 5 back each, 3 * 5 slashed, r back.
    rec = run(chain, [b"\x05", b"\x06", b"\x05"])["state"]["records"][0]
    assert rec["payouts"] == ["5", "5", "5"] and rec["slashed_amount"] == "15"
    assert rec["requester_refund"] == "7" and rec["slashed"] == []


def test_a_silent_worker_loses_all(chain):
    # member 2 commits but never reveals: it fails; the others get half (5) back; slashed
    # 30 - 10 = 20; failed list [member 2].
    rec = run(chain, [b"\x05", b"\x05", "silent"])["state"]["records"][0]
    assert rec["payouts"] == ["5", "5", "0"] and rec["slashed_amount"] == "20"
    assert rec["slashed"] == [member(2)]


def test_an_unregistered_member_pays_nothing(chain):
    # member 2 never registers: Consensus.settle slashes 3 * 10 - 10 = 20, of which its unpaid
    # 10 is taken back out: 10 slashed; paid in 2 * 10 + 7 = 27; it is not in the failed list.
    rec = run(chain, [b"\x05", b"\x05", None])["state"]["records"][0]
    assert rec["payouts"] == ["5", "5", "0"] and rec["slashed_amount"] == "10"
    assert rec["paid_in"] == "27" and rec["slashed"] == []


@pytest.mark.parametrize("result,junk,failed", [
    (b"\x00\x00", (True, False, False), True),     # allZero
    (b"", (True, False, False), True),              # empty counts as all-zero
    (b"\xff", (False, True, False), True),          # allOne
    (b"\x01\x02", (False, False, True), True),      # equalToInput
    (b"\x00\x00", (False, True, True), False),      # rule off: a valid result
])
def test_junk_rules(chain, result, junk, failed):
    rec = run(chain, [b"\x05", b"\x05", result], junk=junk)["state"]["records"][0]
    assert (rec["slashed"] == [member(2)]) == failed


def test_odd_deposit_half_rounds_down(chain):
    rec = run(chain, [b"\x05", b"\x06"], deposit=11, reward=0)["state"]["records"][0]
    assert rec["payouts"] == ["5", "5"] and rec["slashed_amount"] == "12"


@pytest.mark.parametrize("a,value,reason", [
    (args(members=[]), 7, "noMembers"),
    (args(members=[member(0), member(0)]), 7, "duplicateMember"),
    (args(deposit=0), 7, "depositTooSmall"),
    (args(commit_window=0), 7, "windowTooShort"),
    (args(reveal_window=0), 7, "windowTooShort"),
    (args(n=1), 7, "tooFewMembers"),
    (args(reward=-1), 0, "negativeReward"),
    (args(deposit=(2**63 - 1) // 4 // 9 + 1), 7, "amountsTooLarge"),
    (args(reward=(2**63 - 1) // 4), (2**63 - 1) // 4, "amountsTooLarge"),
    (args(), 6, "wrongDeposit"),
    (args(deposit=0, n=1), 7, "depositTooSmall"),
])
def test_deploy_refusals(chain, a, value, reason):
    reply = chain.deploy(a, value=str(value))
    assert not reply["ok"] and reply["reason"] == reason


def test_transaction_refusals(chain):
    assert chain.deploy(args(2), value="7")["ok"]
    good = result_commitment(b"\x05", SALT, True, member(0), CONTRACT, 0)
    checks = [
        ("register", "0x" + "ee" * 20, 10, [], 10, "notAMember"),
        ("register", member(0), 10, [], 9, "wrongDeposit"),
        ("commit", member(0), 10, [hx(good)], 0, "notRegistered"),
        ("register", member(0), 10, [], 10, None),
        ("register", member(0), 9, [], 10, "heightWentBackwards"),
        ("register", member(0), 11, [], 10, "alreadyRegistered"),
        ("commit", member(0), 11, [hx(good)], 0, None),
        ("commit", member(0), 12, [hx(good)], 0, "alreadyCommitted"),
        ("commit", member(0), 13, [hx(good)], 0, "outsideWindow"),
        ("reveal", member(0), 12, [hx(b"\x05"), hx(SALT)], 0, "outsideWindow"),
        ("reveal", member(0), 13, [hx(b"\x06"), hx(SALT)], 0, "revealMismatch"),
        ("reveal", member(1), 13, [hx(b"\x05"), hx(SALT)], 0, "notRegistered"),
        ("reveal", member(0), 13, [hx(b"\x05"), hx(SALT)], 0, None),
        ("reveal", member(0), 14, [hx(b"\x05"), hx(SALT)], 0, "alreadyRevealed"),
        ("reveal", member(0), 14, [hx(b"\x00" * 1025), hx(SALT)], 0, "exceedsContractBounds"),
        ("settle", DEPLOYER, 15, [0], 0, "settleTooEarly"),
        ("settle", DEPLOYER, 16, [1], 0, "wrongRound"),
        ("settle", DEPLOYER, 16, [0], 0, None),
        ("settle", DEPLOYER, 16, [0], 0, "roundAlreadySettled"),
        ("settle", DEPLOYER, 16, [1], 0, "contractFinished"),
        ("commit", member(0), 16, [hx(good)], 0, "contractFinished"),
        ("withdraw", member(1), 17, [], 0, "nothingToWithdraw"),
        ("withdraw", member(0), 17, [], 0, None),
    ]
    for fn, sender, height, a, value, reason in checks:
        r = chain.tx(fn, sender, height, a, value=value)
        assert r.get("reason") == reason, (fn, height, reason, r.get("reason"))
        assert r["ok"] == (reason is None)
