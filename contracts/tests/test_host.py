"""The host's state reading (contracts/host_state.py): the one-call `snapshot` view and the
view-by-view fallback read the same state, and the state a reverted transaction reuses is the
state the views give."""

import pytest

from harness import CONTRACT, DEPLOYER, Chain, hx, member, ptsfd_args, ptsfd_round, result_commitment
from host_state import StateReader

SALT = b"\x07" * 32


def fallback_state(chain):
    """The state read view by view, as for a contract without `snapshot`."""
    host = chain.host
    functions = {k: f for k, f in host.contract.functions.items() if k != "snapshot"}
    reader = StateReader(host._static_call, functions, host.reader.members, host.deployer)
    assert reader.snapshot is None
    return reader.read()


def fresh_state(chain):
    chain.host.state_cache = None
    return chain.host.read_state()


def consensus_round(chain):
    members = [member(i) for i in range(3)]
    assert chain.deploy([members, "10", 3, 3, "7", True, True, True, "0x01", 1], value="7")["ok"]
    replies = []
    for a in members[:2]:
        replies.append(chain.tx("register", a, 10, value=10))
        c = result_commitment(b"\x05", SALT, True, a, CONTRACT, 0)
        replies.append(chain.tx("commit", a, 10, [hx(c)]))
    replies.append(chain.tx("reveal", members[0], 13, [hx(b"\x05"), hx(SALT)]))
    replies.append(chain.tx("settle", DEPLOYER, 16, [0]))
    replies.append(chain.tx("withdraw", members[0], 17))
    return replies


def test_consensus_snapshot_equals_the_views():
    chain = Chain("consensus.vy")
    replies = consensus_round(chain)
    assert all(r["ok"] for r in replies)
    state = chain.host.read_state()
    # A failure (member 1 silent, member 2 absent): member 0 gets half its deposit (5) and
    # withdrew it, r = 7 goes back; slashed = n * D - 5 - the absent deposit = 30 - 5 - 10 = 15.
    assert state["claimable"] == {DEPLOYER: "7"}
    assert state["funds"] == {"paid_in": "27", "withdrawn": "5", "slashed": "15", "residue": "0",
                              "escrow": "0"}
    assert state["round"] == 1 and state["height"] == 17
    assert fallback_state(chain) == state == fresh_state(chain)


def test_ptsfd_snapshot_equals_the_views():
    chain = Chain("ptsfd.vy")
    assert chain.deploy(ptsfd_args(3))["ok"]
    out = ptsfd_round(chain, [[0, 1, 1, 0], [0, 1, 1, 1], None], start=10)
    assert out["settle"][0]["ok"]
    state = chain.host.read_state()
    assert len(state["seats"]) == 3 and state["records"][0]["workers"] == [member(0), member(1)]
    assert fallback_state(chain) == state


@pytest.mark.parametrize("fn, args, value, reason", [
    ("register", [], 9, "wrongDeposit"),
    ("commit", [hx(SALT)], 0, "notRegistered"),
    ("settle", [0], 0, "settleTooEarly"),
    ("withdraw", [], 0, "nothingToWithdraw"),
])
def test_a_revert_reuses_the_state_the_views_give(fn, args, value, reason):
    chain = Chain("ptsfd.vy")
    assert chain.deploy(ptsfd_args(3))["ok"]
    assert chain.tx("register", member(0), 11, value=100)["ok"]
    r = chain.tx(fn, member(1), 12, args, value=value)
    assert not r["ok"] and r["reason"] == reason
    # the height stays at the last accepted transaction's (11), not the reverted one's (12)
    assert r["state"]["height"] == 11
    assert r["state"] == fresh_state(chain) == fallback_state(chain)


def test_deploys_do_not_stack_opcode_tracers():
    # Every boa.Env() wraps the shared SHA3 and SSTORE opcodes once more; the host unwraps them
    # so the hundredth deploy runs as fast as the first.
    chain = Chain("ptsfd.vy")
    for _ in range(3):
        assert chain.deploy(ptsfd_args(3))["ok"]
    opcodes = chain.host.state.computation_class.opcodes
    assert not hasattr(opcodes[0x20], "sha3") and not hasattr(opcodes[0x55], "sstore")
