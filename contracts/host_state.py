"""The `state` object of the host protocol (contracts/README.md, "Host protocol"), read from a
deployed contract through its views. Every call's data is encoded once per deployment. When the
contract has the optional `snapshot(accounts)` view (lib/commit_reveal.vy) the per-transaction
part (height, round, round_start, the seats, the claimable balances, funds, record_count) is one
call; otherwise it is read view by view (`seat(i)` per member, `claimable(a)` per account, ...).
A settled round's record never changes, so it is read once and kept."""

SNAPSHOT_INPUTS = ["address[]"]
SNAPSHOT_OUTPUTS = ["uint256", "uint256", "uint256", "(bool,bool,bytes32,bool,bytes32)[]",
                    "uint256[]", "uint256[5]", "uint256"]
FUNDS = ["paid_in", "withdrawn", "slashed", "residue", "escrow"]
RECORD = ["start_height", "settle_height", "settled_by", "paid_in", "slashed_amount", "residue",
          "shortfall", "requester_refund", "has_seed", "allocation_seed"]


class StateReader:
    """Reads one deployment's state. `call(data) -> bytes` runs a static call on the contract."""

    def __init__(self, call, functions, members, deployer):
        self.call = call
        self.fns = functions
        self.members = members
        self.accounts = list(dict.fromkeys(members + [deployer]))
        self.records = []
        snap = functions.get("snapshot")
        if snap is not None and snap.inputs == SNAPSHOT_INPUTS and snap.outputs == SNAPSHOT_OUTPUTS:
            self.snapshot = (snap, snap.call_data(self.accounts))
        else:
            self.snapshot = None
            self.seat_calls = [functions["seat"].call_data(i) for i in range(len(members))]
            self.claimable_calls = [functions["claimable"].call_data(a) for a in self.accounts]

    def view(self, name, *args):
        fn = self.fns[name]
        out = fn.decode(self.call(fn.call_data(*args), name))
        return out[0] if len(out) == 1 else out

    def _decoded(self, name, data):
        out = self.fns[name].decode(self.call(data, name))
        return out[0] if len(out) == 1 else out

    def _current(self):
        """(height, round, round_start, seat tuples, claimable amounts, funds, record_count)."""
        if self.snapshot is not None:
            fn, data = self.snapshot
            return fn.decode(self.call(data, "snapshot"))
        v = self.view
        seats = [self._decoded("seat", d) for d in self.seat_calls]
        amounts = [self._decoded("claimable", d) for d in self.claimable_calls]
        return (v("height"), v("round"), v("round_start"), seats, amounts, v("funds"),
                v("record_count"))

    def read(self):
        height, rnd, start, seat_rows, amounts, funds, count = self._current()
        seats = [{"registered": reg, "committed": com, "commitment": "0x" + commitment.hex(),
                  "revealed": rev, "reveal_hash": "0x" + rhash.hex()}
                 for reg, com, commitment, rev, rhash in seat_rows]
        claimable = {a.lower(): str(x) for a, x in zip(self.accounts, amounts) if x}
        for r in range(len(self.records), count):
            self.records.append(self._record(r))
        return {"height": height, "round": rnd, "round_start": start, "seats": seats,
                "claimable": claimable, "funds": dict(zip(FUNDS, (str(x) for x in funds))),
                "records": list(self.records)}

    def _record(self, r):
        v = self.view
        d = dict(zip(RECORD, v("record", r)))
        return {
            "start_height": d["start_height"], "settle_height": d["settle_height"],
            "settled_by": d["settled_by"].lower(), "paid_in": str(d["paid_in"]),
            "slashed_amount": str(d["slashed_amount"]), "residue": str(d["residue"]),
            "shortfall": d["shortfall"], "requester_refund": str(d["requester_refund"]),
            "allocation_seed": str(d["allocation_seed"]) if d["has_seed"] else None,
            "workers": [w.lower() for w in v("record_workers", r)],
            "payouts": [str(x) for x in v("record_payouts", r)],
            "rewards": [str(x) for x in v("record_rewards", r)],
            "slashed": [w.lower() for w in v("record_slashed", r)],
            "labels": "0x" + bytes(v("record_labels", r)).hex(),
        }
