"""Compilation for the EVM host (contracts/evm_host.py): a contract and every module it imports
compiled by vyper once, the output cached in memory by the caller and on disk
(~/.cache/serumcheck/evm/) by the hash of all those sources and the vyper version."""

import hashlib
import json
import os
import re
from pathlib import Path

import vyper
from eth_utils import keccak
from vyper.compiler.input_bundle import FilesystemInputBundle

from host_abi import Function, parse_bounds, type_str

HERE = Path(__file__).resolve().parent  # contracts/: lib/ for a contract copied elsewhere
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "serumcheck" / "evm"


class Compiled:
    """A compiled contract: init code, functions by name, events by topic."""

    def __init__(self, path):
        path = Path(path)
        texts = sources(path)
        source = texts[path.resolve()]
        root = path.resolve().parent
        digest = hashlib.sha256((vyper.__version__ + "".join(
            os.path.relpath(p, root) + "\0" + s for p, s in sorted(texts.items())
        )).encode()).hexdigest()
        cached = CACHE / f"{digest}.json"
        if cached.exists():
            out = json.loads(cached.read_text())
        else:
            out = vyper.compile_code(source, contract_path=path,
                                     input_bundle=FilesystemInputBundle([HERE, path.parent]),
                                     output_formats=["bytecode", "bytecode_runtime", "abi"])
            out = {k: out[k] for k in ("bytecode", "bytecode_runtime", "abi")}
            try:
                CACHE.mkdir(parents=True, exist_ok=True)
                cached.write_text(json.dumps(out))
            except OSError:
                pass
        self.initcode = bytes.fromhex(out["bytecode"][2:])
        self.runtime = bytes.fromhex(out["bytecode_runtime"][2:])
        bounds = parse_bounds("\n".join(texts.values()))
        self.functions, self.events, self.ctor = {}, {}, None
        for entry in out["abi"]:
            if entry["type"] == "function":
                self.functions[entry["name"]] = Function(entry, bounds)
            elif entry["type"] == "constructor":
                entry = dict(entry, name="__init__")
                self.ctor = Function(entry, bounds)
            elif entry["type"] == "event":
                types = [type_str(i) for i in entry["inputs"]]
                sig = keccak(text=f"{entry['name']}({','.join(types)})")
                self.events[sig] = (entry["name"], entry["inputs"])
        self.mechanism = None


def sources(path):
    """The source of `path` and of every module it imports (transitively), by resolved path:
    what the compiler reads, so the cache key changes when any of them does. Imports resolve
    relative to the importing file (`from . import x`) or, as the compiler's search paths, to
    the entry contract's directory and then this directory (`from lib import x`: a contract
    copied elsewhere still finds lib/)."""
    root = path.resolve().parent
    found, todo = {}, [path.resolve()]
    while todo:
        p = todo.pop()
        if p in found or not p.exists():
            continue
        found[p] = p.read_text()
        for m in re.finditer(r"^(?:from\s+(\.*)([\w.]*)\s+)?import\s+([\w.]+)", found[p], re.M):
            dots, package, name = m.group(1) or "", m.group(2), m.group(3)
            parts = [x for x in package.split(".") if x] + name.split(".")
            if dots:
                base = p.parent
                for _ in range(len(dots) - 1):
                    base = base.parent
            else:
                base = next((b for b in (root, HERE) if b.joinpath(*parts).with_suffix(".vy").exists()), root)
            todo.append(base.joinpath(*parts).with_suffix(".vy"))
    return found
