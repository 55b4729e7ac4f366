"""The module layout's promises: the entry files' literal bounds (which the EVM bridge reads off
contracts/ptsfd.vy and contracts/consensus.vy) equal the constants the modules compile with, and
an entry file copied elsewhere still compiles against contracts/lib/."""

import re
import shutil
from pathlib import Path

from harness import DEPLOYER, Chain, member, ptsfd_args

HERE = Path(__file__).resolve().parents[1]


def literals(path):
    """NAME -> value of the `NAME: constant(uint256) = <integer>` lines of a source."""
    found = re.findall(r"^(MAX_\w+): constant\(uint256\) = ([\d_]+)\s*(?:#.*)?$",
                       path.read_text(), re.M)
    return {name: int(value) for name, value in found}


def test_entry_bounds_restate_the_modules():
    lib = {**literals(HERE / "lib" / "bounds.vy"), **literals(HERE / "lib" / "ptsfd_terms.vy")}
    ptsfd = literals(HERE / "ptsfd.vy")
    assert ptsfd == {"MAX_MEMBERS": 32, "MAX_SAMPLES": 40000, "MAX_CLASSES": 32,
                     "MAX_ROUNDS": 64, "MAX_LABEL_COUNT": 256}
    assert all(lib[name] == value for name, value in ptsfd.items())
    consensus = literals(HERE / "consensus.vy")
    assert consensus == {"MAX_MEMBERS": 32, "MAX_RESULT": 1024}
    assert consensus["MAX_MEMBERS"] == lib["MAX_MEMBERS"]


def test_a_copied_entry_file_finds_lib(tmp_path):
    # A variant of ptsfd.vy alone in another directory (how a broken variant is made) imports
    # lib/ from contracts/ and behaves as ours: here its settle refuses the same way.
    copy = tmp_path / "ptsfd.vy"
    shutil.copy(HERE / "ptsfd.vy", copy)
    chain = Chain(str(copy))
    assert chain.mechanism == "ptsfd"
    assert chain.deploy(ptsfd_args(3))["ok"]
    assert chain.tx("register", member(0), 11, value=100)["ok"]
    r = chain.tx("settle", DEPLOYER, 12, [0])
    assert not r["ok"] and r["reason"] == "settleTooEarly"
