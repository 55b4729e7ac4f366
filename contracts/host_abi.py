"""ABI plumbing of the EVM host (contracts/evm_host.py): protocol JSON values coerced to the
Python values eth_abi encodes for a function's ABI types and back (`coerce`, `jsonable`), one
function's selector/encoding/decoding (`Function`), and the length bounds of a contract's
DynArray/Bytes/String parameters read off its sources (`parse_bounds`), so an over-long argument
is refused as `exceedsContractBounds` instead of an ABI-decoding revert without a reason."""

import re

import eth_abi
from eth_utils import keccak, to_checksum_address


class HostError(Exception):
    """A malformed request (answered with `error`, not `reason`)."""


class Bounds(Exception):
    """An argument the contract's compiled ABI cannot carry (too long an array or bytes)."""


def type_str(t):
    """The canonical ABI type string of an ABI JSON input/output entry."""
    if t["type"].startswith("tuple"):
        inner = ",".join(type_str(c) for c in t["components"])
        return "(" + inner + ")" + t["type"][5:]
    return t["type"]


def coerce(typ, value):
    """A JSON value as the Python value eth_abi encodes for the ABI type `typ`."""
    if typ.endswith("]"):
        if not isinstance(value, list):
            raise HostError(f"expected a list for {typ}, got {value!r}")
        inner = typ[: typ.rindex("[")]
        return [coerce(inner, v) for v in value]
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


def jsonable(value):
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
        return [jsonable(v) for v in value]
    return value


class Function:
    """One ABI function: selector, input and output types, and the length bounds of inputs."""

    def __init__(self, entry, bounds):
        self.name = entry["name"]
        self.inputs = [type_str(i) for i in entry["inputs"]]
        self.input_names = [i["name"] for i in entry["inputs"]]
        self.outputs = [type_str(o) for o in entry.get("outputs", [])]
        self.selector = keccak(text=f"{self.name}({','.join(self.inputs)})")[:4]
        self.bounds = [bounds.get((self.name, n)) for n in self.input_names]

    def encode(self, args, selector=True):
        if not isinstance(args, list) or len(args) != len(self.inputs):
            raise HostError(f"{self.name} takes {len(self.inputs)} arguments, got {args!r}")
        values = [coerce(t, a) for t, a in zip(self.inputs, args)]
        for v, b in zip(values, self.bounds):
            if b is not None and len(v) > b:
                raise Bounds(f"{self.name}: {len(v)} > {b}")
        data = eth_abi.encode(self.inputs, values)
        return self.selector + data if selector else data

    def call_data(self, *args):
        """The calldata of a call with already-coerced arguments."""
        return self.selector + (eth_abi.encode(self.inputs, list(args)) if args else b"")

    def decode(self, output):
        return eth_abi.decode(self.outputs, output)


def parse_bounds(source):
    """(function, parameter) -> maximum length, for DynArray/Bytes/String parameters.

    Read off the source's signatures so that an over-long argument is refused as
    `exceedsContractBounds` instead of an ABI-decoding revert without a reason."""
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
