"""Drives contracts/*.vy through the host (`evm_host.Host`) for the tests and scripts/bench-gas:
the commitments of HashCommit (Sources/Ledger/HashCommit.swift) and whole rounds."""

import sys
from pathlib import Path

from eth_utils import keccak

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evm_host import Host  # noqa: E402

HERE = Path(__file__).resolve().parent
DEPLOYER = "0x" + "d0" * 20
CONTRACT = "0x" + "c0" * 20


def member(i):
    return "0x%040x" % (0xA000 + i)


def word(v):
    return (v % 2**256).to_bytes(32, "big")


def _addr(a):
    return bytes.fromhex(a[2:])


def labels_commitment(y, label_count, salt, bound, sender, contract, rnd):
    """HashCommit.labels: Y ++ labelCount words ++ salt (++ sender ++ contract ++ round)."""
    data = bytes(y) + b"".join(word(c) for c in label_count) + salt
    if bound:
        data += _addr(sender) + _addr(contract) + word(rnd)
    return keccak(data)


def result_commitment(result, salt, bound, sender, contract, rnd):
    """HashCommit.result: result ++ salt (++ sender ++ contract ++ round)."""
    data = bytes(result) + salt
    if bound:
        data += _addr(sender) + _addr(contract) + word(rnd)
    return keccak(data)


def hx(b):
    return "0x" + bytes(b).hex()


class Chain:
    """One deployed contract on a fresh host chain."""

    def __init__(self, path, host=None):
        self.host = host or Host()
        reply = self.host.handle({"op": "load", "path": str(HERE / path)})
        self.mechanism = reply["mechanism"]

    def deploy(self, args, height=10, value="0"):
        return self.host.handle({"op": "deploy", "mechanism": self.mechanism, "args": args,
                                 "value": value, "deployer": DEPLOYER, "address": CONTRACT,
                                 "height": height})

    def tx(self, fn, sender, height, args=(), value="0"):
        return self.host.handle({"op": "tx", "fn": fn, "sender": sender, "value": str(value),
                                 "height": height, "args": list(args)})


def ptsfd_args(n, deposit=100, commit_window=5, reveal_window=5, classes=2, samples=4,
               beta_wad=5 * 10**17, lambda_wads=(10**18,), units_per_reward=1000,
               normalization=1, aggregation=1, label_count_policy=1, commitment=1,
               peers_per_sample=0, payout=1, allocation_seed=0, members=None):
    members = members if members is not None else [member(i) for i in range(n)]
    return [members, str(deposit), commit_window, reveal_window, classes, samples,
            str(beta_wad), [str(x) for x in lambda_wads], str(units_per_reward), normalization,
            aggregation, label_count_policy, commitment, peers_per_sample, payout,
            str(allocation_seed)]


def label_count_of(y, classes):
    return [sum(1 for v in y if v == c) for c in range(classes)]


def ptsfd_round(chain, ys, *, start, commit_window=5, reveal_window=5, deposit=100, classes=2,
                bound=True, rnd=0, counts=None, skip_reveal=(), chunk_words=None,
                parts_for=(), part_size=16384):
    """Registers, commits and reveals every Y (None: the member sits out), then settles.
    Returns the list of tx replies keyed by phase."""
    out = {"register": [], "commit": [], "reveal": [], "settle": [], "settle_chunk": [],
           "reveal_part": [], "reveal_staged": []}
    salt = lambda i: bytes([i + 1]) * 32  # noqa: E731
    for i, y in enumerate(ys):
        if y is None:
            continue
        out["register"].append(chain.tx("register", member(i), start, value=deposit))
        lc = counts[i] if counts else label_count_of(y, classes)
        c = labels_commitment(y, lc, salt(i), bound, member(i), CONTRACT, rnd)
        out["commit"].append(chain.tx("commit", member(i), start, [hx(c)]))
    for i, y in enumerate(ys):
        if y is None or i in skip_reveal:
            continue
        lc = counts[i] if counts else label_count_of(y, classes)
        h = start + commit_window
        if i in parts_for:
            for k in range(0, len(y), part_size):
                out["reveal_part"].append(chain.tx("reveal_part", member(i), h,
                                                   [hx(y[k:k + part_size])]))
            out["reveal_staged"].append(chain.tx("reveal_staged", member(i), h,
                                                 [[str(v) for v in lc], hx(salt(i))]))
            continue
        out["reveal"].append(chain.tx("reveal", member(i), h,
                                      [hx(y), [str(v) for v in lc], hx(salt(i))]))
    h = start + commit_window + reveal_window
    if chunk_words:
        words = (len(ys[0] if ys[0] is not None else []) + 31) // 32
        for _ in range(max(0, (words - 1) // chunk_words)):
            out["settle_chunk"].append(chain.tx("settle_chunk", DEPLOYER, h, [rnd, chunk_words]))
    out["settle"].append(chain.tx("settle", DEPLOYER, h, [rnd]))
    return out
