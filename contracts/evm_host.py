#!/usr/bin/env python3
"""The EVM host: runs contracts/*.vy on py-evm (through titanoboa) for `--evm`.

JSON lines on stdin, one reply per line on stdout (contracts/README.md, "Host protocol"):
`load` compiles a contract once (host_compile.py: cached in memory and on disk by the hash of
its sources), `deploy` starts a fresh chain and deploys at an exact address, `tx` sends one
transaction at a given block height, `quit` ends. Every reply carries the contract's state
(host_state.py), read through the documented views after the deploy and after every accepted
transaction, and reused after a reverted one (a revert cannot change storage). Arguments are
coerced by their ABI types (host_abi.py). A malformed request is answered
`{"ok": false, "error": ...}` and the host keeps running. This file: the chain, the gas, the
events, the operations and the request loop.

Gas is what the transaction costs on a Prague chain: the execution gas plus the intrinsic gas
(21,000, calldata 4 per zero byte and 16 per other byte, for a deploy also 32,000 and 2 per
initcode word), minus the refund (at most a fifth), at least the EIP-7623 calldata floor.

Library use (scripts/bench-gas, contracts/tests): `Host().handle(request) -> reply`.
"""

import json
import sys

import boa
import eth_abi
from eth.exceptions import Revert
from eth_utils import to_checksum_address

from host_abi import Bounds, HostError, coerce, jsonable, type_str
from host_compile import Compiled
from host_state import StateReader

FUNDS = 10**30
GAS = 2_000_000_000  # per message; big PTSFD rounds need far more than a block
ERROR_SELECTOR = bytes.fromhex("08c379a0")


def _untraced(opcodes):
    """Removes titanoboa's SHA3 and SSTORE tracers (for its storage introspection, unused here).
    Every `boa.Env()` wraps the opcodes of py-evm's shared computation class once more, so
    without this each deploy would add a layer to every SHA3 and SSTORE of the run after it."""
    for op, inner in ((0x20, "sha3"), (0x55, "sstore")):
        while hasattr(opcodes[op], inner):
            opcodes[op] = getattr(opcodes[op], inner)


class Host:
    def __init__(self, gas=GAS):
        self.gas = gas
        self._fresh_chain()
        self.loaded = {}  # mechanism -> Compiled
        self.by_path = {}
        self.contract = None
        self.address = None
        self.deployer = None
        self.reader = None
        self.state_cache = None
        self.txs = 0

    # -- plumbing -----------------------------------------------------------------------------

    def _fresh_chain(self):
        """A clean chain (a new py-evm genesis, about 2 ms; accounts are funded on first use)."""
        self.env = boa.Env()
        self.evm = self.env.evm
        self.state = self.evm.vm.state
        _untraced(self.state.computation_class.opcodes)

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
            values = eth_abi.decode([type_str(i) for i in plain], data)
            args, k, t = {}, 0, 1
            for i in inputs:
                if i.get("indexed"):
                    word = topics[t]
                    word = word.to_bytes(32, "big") if isinstance(word, int) else word
                    args[i["name"]] = jsonable(eth_abi.decode([type_str(i)], word)[0])
                    t += 1
                else:
                    args[i["name"]] = jsonable(values[k])
                    k += 1
            events.append({"name": name, "args": args})
        return events

    def _static_call(self, data, name):
        c = self.evm.execute_code(
            sender=self.address, to=self.address, gas=self.gas, gas_price=0, value=0,
            bytecode=self.code, data=data, is_static=True, fake_codesize=None, start_pc=0,
            ir_executor=None, contract=None)
        if c.is_error:
            raise HostError(f"view {name} reverted: {self._reason(c)}")
        return c.output

    def _view(self, name, *args):
        fn = self.contract.functions[name]
        out = fn.decode(self._static_call(fn.call_data(*args), name))
        return out[0] if len(out) == 1 else out

    def read_state(self):
        """The `state` object of the protocol. A reverted transaction cannot change storage, so
        the state read after the deploy or the last accepted transaction is reused for it."""
        if self.state_cache is None:
            self.state_cache = self.reader.read()
        return self.state_cache

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
        deployer = boa.environment.Address(coerce("address", req.get("deployer")))
        address = boa.environment.Address(coerce("address", req.get("address")))
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
        self.reader = self.state_cache = None
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
            members = [self._view("member", i) for i in range(n)]
        else:
            members = req["args"][0]
        self.reader = StateReader(self._static_call, compiled.functions,
                                  [to_checksum_address(a) for a in members], self.deployer)
        return {"ok": True, "gas": gas, "events": self._events(c), "state": self.read_state()}

    def tx(self, req):
        if self.contract is None:
            raise HostError("no contract deployed")
        name = req.get("fn")
        fn = self.contract.functions.get(name)
        if fn is None:
            raise HostError(f"unknown function {name!r}")
        sender = boa.environment.Address(coerce("address", req.get("sender")))
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
            self.state_cache = None  # an accepted transaction may have changed storage
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
