#!/usr/bin/env python3
"""The EVM host: runs contracts/*.vy on py-evm (through titanoboa) for `--evm`.

JSON lines on stdin, one reply per line on stdout (contracts/README.md, "Host protocol"):
`load` compiles a contract once (cached in memory and on disk by the source's hash),
`deploy` reverts the chain to a clean snapshot and deploys at an exact address, `tx` sends one
transaction at a given block height, `quit` ends. Every reply carries the contract's state, read
through the documented views. A malformed request is answered `{"ok": false, "error": ...}` and
the host keeps running.

Gas is what the transaction costs on a Prague chain: the execution gas plus the intrinsic gas
(21,000, calldata 4 per zero byte and 16 per other byte, for a deploy also 32,000 and 2 per
initcode word), minus the refund (at most a fifth), at least the EIP-7623 calldata floor.

Library use (scripts/bench-gas, contracts/tests): `Host().handle(request) -> reply`.
"""

import hashlib
import json
import os
import sys
import time
from pathlib import Path

import boa
import eth_abi
import vyper
from vyper.compiler.input_bundle import FilesystemInputBundle
from eth.exceptions import Revert
from eth_utils import keccak, to_checksum_address

FUNDS = 10**30
GAS = 2_000_000_000  # per message; big PTSFD rounds need far more than a block
ERROR_SELECTOR = bytes.fromhex("08c379a0")
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "serumcheck" / "evm"


class HostError(Exception):
    """A malformed request (answered with `error`, not `reason`)."""


class Bounds(Exception):
    """An argument the contract's compiled ABI cannot carry (too long an array or bytes)."""


def _type_str(t):
    """The canonical ABI type string of an ABI JSON input/output entry."""
    if t["type"].startswith("tuple"):
        inner = ",".join(_type_str(c) for c in t["components"])
        return "(" + inner + ")" + t["type"][5:]
    return t["type"]


def _coerce(typ, value):
    """A JSON value as the Python value eth_abi encodes for the ABI type `typ`."""
    if typ.endswith("]"):
        if not isinstance(value, list):
            raise HostError(f"expected a list for {typ}, got {value!r}")
        inner = typ[: typ.rindex("[")]
        return [_coerce(inner, v) for v in value]
    if typ.startswith("uint") or typ.startswith("int"):
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise HostError(f"expected an integer for {typ}, got {value!r}")
        number = int(value, 0) if isinstance(value, str) and value.startswith(("0x", "-0x")) else int(value)
        if typ.startswith("uint") and number < 0:
            # A negative Swift Int as its two's complement: the contract reads words at or
            # above 2^255 as negative (negativeLabelCount, depositTooSmall, ...).
            number += 2 ** int(typ[4:] or 256)
        return number
    if typ == "bool":
        if not isinstance(value, bool):
            raise HostError(f"expected a bool, got {value!r}")
        return value
    if typ == "address":
        if not (isinstance(value, str) and value.startswith("0x") and len(value) == 42):
            raise HostError(f"expected a 0x address, got {value!r}")
        return to_checksum_address(value)
    if typ.startswith("bytes") or typ == "string":
        if typ == "string":
            return str(value)
        if not (isinstance(value, str) and value.startswith("0x")):
            raise HostError(f"expected 0x hex for {typ}, got {value!r}")
        raw = bytes.fromhex(value[2:])
        if typ != "bytes":
            size = int(typ[5:])
            if len(raw) != size:
                raise HostError(f"expected {size} bytes for {typ}, got {len(raw)}")
        return raw
    raise HostError(f"unsupported ABI type {typ}")


def _jsonable(value):
    """An ABI-decoded value in the protocol's JSON form."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value) if abs(value) > 2**53 else value
    if isinstance(value, bytes):
        return "0x" + value.hex()
    if isinstance(value, str) and value.startswith("0x") and len(value) == 42:
        return value.lower()
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


class Function:
    """One ABI function: selector, input and output types, and the length bounds of inputs."""

    def __init__(self, entry, bounds):
        self.name = entry["name"]
        self.inputs = [_type_str(i) for i in entry["inputs"]]
        self.input_names = [i["name"] for i in entry["inputs"]]
        self.outputs = [_type_str(o) for o in entry.get("outputs", [])]
        self.selector = keccak(text=f"{self.name}({','.join(self.inputs)})")[:4]
        self.bounds = [bounds.get((self.name, n)) for n in self.input_names]

    def encode(self, args, selector=True):
        if not isinstance(args, list) or len(args) != len(self.inputs):
            raise HostError(f"{self.name} takes {len(self.inputs)} arguments, got {args!r}")
        values = [_coerce(t, a) for t, a in zip(self.inputs, args)]
        for v, b in zip(values, self.bounds):
            if b is not None and len(v) > b:
                raise Bounds(f"{self.name}: {len(v)} > {b}")
        data = eth_abi.encode(self.inputs, values)
        return self.selector + data if selector else data

    def decode(self, output):
        return eth_abi.decode(self.outputs, output)


class Compiled:
    """A compiled contract: init code, functions by name, events by topic."""

    def __init__(self, path):
        path = Path(path)
        sources = _sources(path)
        source = sources[path.resolve()]
        digest = hashlib.sha256((vyper.__version__ + "".join(
            str(p) + "\0" + s for p, s in sorted(sources.items()))).encode()).hexdigest()
        cached = CACHE / f"{digest}.json"
        if cached.exists():
            out = json.loads(cached.read_text())
        else:
            out = vyper.compile_code(source, contract_path=path,
                                     input_bundle=FilesystemInputBundle([path.parent]),
                                     output_formats=["bytecode", "bytecode_runtime", "abi"])
            out = {k: out[k] for k in ("bytecode", "bytecode_runtime", "abi")}
            try:
                CACHE.mkdir(parents=True, exist_ok=True)
                cached.write_text(json.dumps(out))
            except OSError:
                pass
        self.initcode = bytes.fromhex(out["bytecode"][2:])
        self.runtime = bytes.fromhex(out["bytecode_runtime"][2:])
        bounds = _parse_bounds("\n".join(sources.values()))
        self.functions, self.events, self.ctor = {}, {}, None
        for entry in out["abi"]:
            if entry["type"] == "function":
                self.functions[entry["name"]] = Function(entry, bounds)
            elif entry["type"] == "constructor":
                entry = dict(entry, name="__init__")
                self.ctor = Function(entry, bounds)
            elif entry["type"] == "event":
                types = [_type_str(i) for i in entry["inputs"]]
                sig = keccak(text=f"{entry['name']}({','.join(types)})")
                self.events[sig] = (entry["name"], entry["inputs"])
        self.mechanism = None


def _sources(path):
    """The source of `path` and of every module it imports (transitively), by resolved path:
    what the compiler reads, so the cache key changes when any of them does. Imports resolve
    relative to the importing file (`from .lib import x`, `from . import x`) or to the entry
    contract's directory (`import lib.x`)."""
    import re

    root = path.resolve().parent
    found, todo = {}, [path.resolve()]
    while todo:
        p = todo.pop()
        if p in found or not p.exists():
            continue
        found[p] = p.read_text()
        for m in re.finditer(r"^(?:from\s+(\.*)([\w.]*)\s+)?import\s+([\w.]+)", found[p], re.M):
            dots, package, name = m.group(1) or "", m.group(2), m.group(3)
            base = p.parent if dots else root
            for _ in range(max(0, len(dots) - 1)):
                base = base.parent
            parts = [x for x in package.split(".") if x] + name.split(".")
            todo.append(base.joinpath(*parts).with_suffix(".vy"))
    return found


def _parse_bounds(source):
    """(function, parameter) -> maximum length, for DynArray/Bytes/String parameters.

    Read off the source's signatures so that an over-long argument is refused as
    `exceedsContractBounds` instead of an ABI-decoding revert without a reason."""
    import re

    consts = {}
    for name, expr in re.findall(r"^(\w+): constant\(\w+\) = (.+)$", source, re.M):
        try:
            consts[name] = int(eval(expr.split("#")[0], {}, dict(consts)))
        except Exception:
            pass
    bounds = {}
    for fn, params in re.findall(r"def (\w+)\(([^)]*(?:\([^)]*\)[^)]*)*)\)", source, re.S):
        for name, typ in re.findall(r"(\w+)\s*:\s*((?:DynArray\[[^\]]*\])|(?:Bytes\[[\w.]+\])|(?:String\[[\w.]+\]))", params):
            size = typ.rsplit(",", 1)[-1] if typ.startswith("DynArray") else typ.split("[", 1)[1]
            size = size.strip(" ]").rsplit(".", 1)[-1]  # `bounds.MAX_MEMBERS` -> MAX_MEMBERS
            value = consts.get(size)
            if value is None:
                try:
                    value = int(size)
                except ValueError:
                    continue
            bounds[(fn, name)] = value
    return bounds


class Host:
    def __init__(self, gas=GAS):
        self.gas = gas
        self._fresh_chain()
        self.loaded = {}  # mechanism -> Compiled
        self.by_path = {}
        self.contract = None
        self.address = None
        self.deployer = None
        self.records = []
        self.txs = 0

    # -- plumbing -----------------------------------------------------------------------------

    def _fresh_chain(self):
        """A clean chain (a new py-evm genesis, about 2 ms; accounts are funded on first use)."""
        self.env = boa.Env()
        self.evm = self.env.evm
        self.state = self.evm.vm.state

    def _fund(self, addr):
        if self.evm.get_balance(addr) < FUNDS // 2:
            self.evm.set_balance(addr, FUNDS)

    def _intrinsic(self, data, create=False):
        zeros = data.count(0)
        nonzero = len(data) - zeros
        gas = 21_000 + 4 * zeros + 16 * nonzero
        if create:
            gas += 32_000 + 2 * ((len(data) + 31) // 32)
        floor = 21_000 + 10 * (zeros + 4 * nonzero)
        return gas, floor

    def _tx_gas(self, computation, data, create=False):
        intrinsic, floor = self._intrinsic(data, create)
        used = intrinsic + computation.get_gas_used()
        refund = min(computation.get_gas_refund(), used // 5) if not computation.is_error else 0
        return max(used - refund, floor)

    def _prepare(self, sender, height):
        self.evm.patch.block_number = int(height)
        self.evm.reset_access_counters()
        self.state.mark_address_warm(sender.canonical_address)
        if self.address is not None:
            self.state.mark_address_warm(self.address.canonical_address)

    @staticmethod
    def _reason(computation):
        out = computation.output
        if out[:4] == ERROR_SELECTOR:
            try:
                return eth_abi.decode(["string"], out[4:])[0]
            except Exception:
                pass
        err = computation.error
        if isinstance(err, Revert):
            return "revert" if not out else "revert:0x" + out.hex()
        return type(err).__name__

    def _events(self, computation):
        events = []
        for _addr, topics, data in computation.get_log_entries():
            sig = topics[0].to_bytes(32, "big") if isinstance(topics[0], int) else topics[0]
            known = self.contract.events.get(sig)
            if known is None:
                events.append({"name": "0x" + sig.hex(), "args": {"data": "0x" + data.hex()}})
                continue
            name, inputs = known
            plain = [i for i in inputs if not i.get("indexed")]
            values = eth_abi.decode([_type_str(i) for i in plain], data)
            args, k, t = {}, 0, 1
            for i in inputs:
                if i.get("indexed"):
                    word = topics[t]
                    word = word.to_bytes(32, "big") if isinstance(word, int) else word
                    args[i["name"]] = _jsonable(eth_abi.decode([_type_str(i)], word)[0])
                    t += 1
                else:
                    args[i["name"]] = _jsonable(values[k])
                    k += 1
            events.append({"name": name, "args": args})
        return events

    def _view(self, name, *args):
        fn = self.contract.functions[name]
        data = fn.selector + (eth_abi.encode(fn.inputs, list(args)) if args else b"")
        c = self.evm.execute_code(
            sender=self.address, to=self.address, gas=self.gas, gas_price=0, value=0,
            bytecode=self.code, data=data, is_static=True, fake_codesize=None, start_pc=0,
            ir_executor=None, contract=None)
        if c.is_error:
            raise HostError(f"view {name} reverted: {self._reason(c)}")
        out = fn.decode(c.output)
        return out[0] if len(out) == 1 else out

    def read_state(self):
        """The `state` object of the protocol, read through the views."""
        v = self._view
        members = self.members
        seats = []
        for i in range(len(members)):
            reg, com, commitment, rev, rhash = v("seat", i)
            seats.append({"registered": reg, "committed": com, "commitment": "0x" + commitment.hex(),
                          "revealed": rev, "reveal_hash": "0x" + rhash.hex()})
        claimable = {}
        for a in dict.fromkeys(members + [self.deployer]):
            amount = v("claimable", a)
            if amount:
                claimable[a.lower()] = str(amount)
        funds = dict(zip(["paid_in", "withdrawn", "slashed", "residue", "escrow"],
                         (str(x) for x in v("funds"))))
        count = v("record_count")
        for r in range(len(self.records), count):  # a settled round's record never changes
            rec = v("record", r)
            keys = ["start_height", "settle_height", "settled_by", "paid_in", "slashed_amount",
                    "residue", "shortfall", "requester_refund", "has_seed", "allocation_seed"]
            d = dict(zip(keys, rec))
            self.records.append({
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
            })
        return {"height": v("height"), "round": v("round"), "round_start": v("round_start"),
                "seats": seats, "claimable": claimable, "funds": funds,
                "records": list(self.records)}

    # -- operations ---------------------------------------------------------------------------

    def load(self, req):
        path = req.get("path")
        if not isinstance(path, str):
            raise HostError("load needs a path")
        compiled = self.by_path.get(path)
        if compiled is None:
            compiled = Compiled(path)
            fn = compiled.functions.get("mechanism")
            if fn is None:
                raise HostError(f"{path} has no mechanism() view")
            # mechanism() returns a constant: run it on the runtime code, no deploy needed.
            probe = boa.environment.Address("0x" + "5e" * 20)
            c = self.evm.execute_code(
                sender=probe, to=probe, gas=1_000_000, gas_price=0, value=0,
                bytecode=compiled.runtime, data=fn.selector, is_static=True, fake_codesize=None,
                start_pc=0, ir_executor=None, contract=None)
            if c.is_error:
                raise HostError(f"{path}: mechanism() reverted")
            compiled.mechanism = fn.decode(c.output)[0]
            self.by_path[path] = compiled
        self.loaded[compiled.mechanism] = compiled
        return {"ok": True, "mechanism": compiled.mechanism}

    def deploy(self, req):
        mech = req.get("mechanism")
        compiled = self.loaded.get(mech)
        if compiled is None:
            raise HostError(f"no contract loaded for mechanism {mech!r}")
        deployer = boa.environment.Address(_coerce("address", req.get("deployer")))
        address = boa.environment.Address(_coerce("address", req.get("address")))
        height = int(req.get("height", 0))
        value = int(req.get("value", "0"))
        if height < 0:
            # The Ledger validates the configuration first, then refuses the height.
            reply = self.deploy(dict(req, height=0))
            self.contract = self.address = None
            return reply if not reply["ok"] else {"ok": False, "reason": "negativeHeight",
                                                  "gas": 0}
        if value < 0:
            raise HostError(f"a deploy cannot send a negative value ({value})")
        self._fresh_chain()
        self.contract, self.address, self.deployer = compiled, address, str(deployer)
        self.records = []
        self.members = []
        try:
            args = compiled.ctor.encode(req.get("args", []), selector=False) if compiled.ctor else b""
        except Bounds:
            self.contract = self.address = None
            return {"ok": False, "reason": "exceedsContractBounds", "gas": 0}
        self._fund(deployer)
        self._prepare(deployer, height)
        initcode = compiled.initcode + args
        c = self.evm.deploy_code(sender=deployer, origin=deployer, target_address=address,
                                 gas=self.gas, gas_price=0, value=value, bytecode=initcode)
        gas = self._tx_gas(c, initcode, create=True)
        if c.is_error:
            self.contract = self.address = None
            return {"ok": False, "reason": self._reason(c), "gas": gas}
        self.code = self.evm.get_code(address)
        if "member_count" in compiled.functions:
            n = self._view("member_count")
            self.members = [self._view("member", i) for i in range(n)]
        else:
            self.members = [to_checksum_address(a) for a in req["args"][0]]
        self.members = [to_checksum_address(a) for a in self.members]
        return {"ok": True, "gas": gas, "events": self._events(c), "state": self.read_state()}

    def tx(self, req):
        if self.contract is None:
            raise HostError("no contract deployed")
        name = req.get("fn")
        fn = self.contract.functions.get(name)
        if fn is None:
            raise HostError(f"unknown function {name!r}")
        sender = boa.environment.Address(_coerce("address", req.get("sender")))
        # A negative value (a Swift Int only) is sent as 0: only `register` looks at the value,
        # and any value but the deposit (>= 1) is refused at the same rule, wrongDeposit.
        value = max(0, int(req.get("value", "0")))
        height = int(req.get("height"))
        if height < 0:  # below the deploy height (>= 0): the Ledger's first rule
            return {"ok": False, "reason": "heightWentBackwards", "gas": 0, "events": [],
                    "state": self.read_state()}
        try:
            data = fn.encode(req.get("args", []))
        except Bounds:
            return {"ok": False, "reason": "exceedsContractBounds", "gas": 0, "events": [],
                    "state": self.read_state()}
        self._fund(sender)
        self._prepare(sender, height)
        c = self.evm.execute_code(
            sender=sender, to=self.address, gas=self.gas, gas_price=0, value=value,
            bytecode=self.code, data=data, is_static=False, fake_codesize=None, start_pc=0,
            ir_executor=None, contract=None)
        self.txs += 1
        gas = self._tx_gas(c, data)
        reply = {"ok": not c.is_error, "gas": gas}
        if c.is_error:
            reply["reason"] = self._reason(c)
            reply["events"] = []
        else:
            reply["events"] = self._events(c)
        reply["state"] = self.read_state()
        return reply

    def handle(self, req):
        """One request -> one reply; a malformed request gets {"ok": false, "error": ...}."""
        try:
            if not isinstance(req, dict):
                raise HostError("a request is a JSON object")
            op = req.get("op")
            if op == "load":
                return self.load(req)
            if op == "deploy":
                return self.deploy(req)
            if op == "tx":
                return self.tx(req)
            raise HostError(f"unknown op {op!r}")
        except (HostError, KeyError, ValueError, TypeError, OverflowError, OSError) as e:
            return {"ok": False, "error": f"{type(e).__name__}: {e}"}
        except Exception as e:  # keep serving; the caller sees what broke
            return {"ok": False, "error": f"internal {type(e).__name__}: {e}"}


def main():
    host = Host()
    out = sys.stdout
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            req = json.loads(line)
        except json.JSONDecodeError as e:
            reply = {"ok": False, "error": f"malformed JSON: {e}"}
        else:
            if isinstance(req, dict) and req.get("op") == "quit":
                out.write(json.dumps({"ok": True}) + "\n")
                out.flush()
                break
            reply = host.handle(req)
        out.write(json.dumps(reply) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
