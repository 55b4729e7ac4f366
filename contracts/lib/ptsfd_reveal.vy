# pragma version 0.4.3
"""
@title PTSFD reveals: Y and labelCount (Witt et al., Algorithm 2)
@notice `reveal(Y, labelCount, salt)` and the same in parts (`reveal_part`, `reveal_staged`) for
        a Y too big for one block: every label checked (labelOutOfRange), Y stored one byte per
        sample in ceil(m / 32) words per member, labelCount checked against |C| and the
        commitment (HashCommit.labels), and the reveal recorded in the core with `truthful`
        (labelCount equal to the class counts of Y). Owns the stored Y and revealed labelCounts
        the settlement reads.
"""

from . import bounds
from . import commit_reveal as core
from . import ptsfd_terms as terms

uses: core
uses: terms

MAX_SAMPLES: constant(uint256) = terms.MAX_SAMPLES
MAX_WORDS: constant(uint256) = terms.MAX_WORDS
MAX_CLASSES: constant(uint256) = terms.MAX_CLASSES
MAX_PART: constant(uint256) = terms.MAX_PART
MAX_LABEL_COUNT: constant(uint256) = terms.MAX_LABEL_COUNT
NO_VOTE: constant(uint256) = terms.NO_VOTE
NEGATIVE: constant(uint256) = bounds.NEGATIVE

y_words: HashMap[uint256, bytes32]  # member * MAX_WORDS + word -> 32 samples of Y
reported: HashMap[uint256, HashMap[uint256, uint256]]  # member -> class -> revealed labelCount
staged: HashMap[uint256, HashMap[uint256, uint256]]  # round -> member -> labels staged by reveal_part
staged_histogram: HashMap[uint256, HashMap[uint256, uint256]]  # member -> class -> count so far


@internal
def _store_labels(i: uint256, y: Bytes[MAX_SAMPLES], first_word: uint256, histogram: uint256[256]) -> uint256[256]:
    """One pass over labels that start at word `first_word` of Y: check every byte
    (labelOutOfRange at the first bad sample), count the classes (labelCount of Y, for
    `verified`) and store the words (a revert undoes it)."""
    length: uint256 = len(y)
    c: uint256 = terms.classes
    hist: uint256[256] = histogram
    padded: Bytes[MAX_SAMPLES + 32] = concat(y, empty(bytes32))
    base: uint256 = i * MAX_WORDS + first_word
    for w: uint256 in range((length + 31) // 32, bound=MAX_WORDS):
        word: bytes32 = extract32(padded, w * 32)
        bits: uint256 = convert(word, uint256)
        for b: uint256 in range(32):
            if w * 32 + b >= length:
                break
            x: uint256 = (bits >> (248 - 8 * b)) & 255
            assert x < c or x == NO_VOTE, "labelOutOfRange"
            hist[x] = unsafe_add(hist[x], 1)
        self.y_words[base + w] = word
    return hist


@internal
def _finish_reveal(i: uint256, r: uint256, y: Bytes[MAX_SAMPLES + 32], label_count: DynArray[uint256, MAX_LABEL_COUNT], salt: bytes32, histogram: uint256[256]):
    """The labelCount checks, the hashCommit check, and the reveal recorded."""
    c: uint256 = terms.classes
    assert len(label_count) == c, "wrongLabelCountLength"
    for x: uint256 in label_count:
        assert x < NEGATIVE, "negativeLabelCount"
    # HashCommit.labels: Y ++ labelCount words ++ salt (++ sender ++ contract ++ round).
    counts: Bytes[32 * MAX_LABEL_COUNT + 32] = abi_encode(label_count, ensure_tuple=False)
    revealed: bytes32 = empty(bytes32)
    if terms.commitment_bound:
        revealed = keccak256(concat(y, slice(counts, 32, 32 * c), salt, convert(msg.sender, bytes20), convert(self, bytes20), convert(r, bytes32)))
    else:
        revealed = keccak256(concat(y, slice(counts, 32, 32 * c), salt))
    assert revealed == core.seats[r][i].commitment, "revealMismatch"
    truthful: bool = True
    for x: uint256 in range(c, bound=MAX_CLASSES):
        if histogram[x] != label_count[x]:
            truthful = False
        if not terms.label_count_verified:
            self.reported[i][x] = label_count[x]
    core.record_reveal(i, r, keccak256(y), truthful)


@external
def reveal(y: Bytes[MAX_SAMPLES], label_count: DynArray[uint256, MAX_LABEL_COUNT], salt: bytes32):
    i: uint256 = 0
    r: uint256 = 0
    i, r = core.open_reveal()
    assert len(y) == terms.samples, "wrongLabelsLength"
    histogram: uint256[256] = self._store_labels(i, y, 0, empty(uint256[256]))
    self._finish_reveal(i, r, y, label_count, salt, histogram)


# Reveal in parts, for a Y too big for one block (not a Ledger transaction; `reveal` is the
# Ledger's). `reveal_part` appends the next part of Y (every part but the last a whole number of
# 32-byte words; refused "partNotAligned" otherwise, "wrongLabelsLength" beyond m), checked and
# stored as `reveal` would; `reveal_staged(label_count, salt)` then checks labelCount and the
# commitment against the staged Y (refused "wrongLabelsLength" until all m labels are staged)
# and records the reveal exactly as `reveal(Y, label_count, salt)` does.

@external
def reveal_part(part: Bytes[MAX_PART]):
    i: uint256 = 0
    r: uint256 = 0
    i, r = core.open_reveal()
    staged: uint256 = self.staged[r][i]
    assert staged % 32 == 0, "partNotAligned"
    assert staged + len(part) <= terms.samples, "wrongLabelsLength"
    c: uint256 = terms.classes
    histogram: uint256[256] = empty(uint256[256])
    if staged > 0:
        for x: uint256 in range(c, bound=MAX_CLASSES):
            histogram[x] = self.staged_histogram[i][x]
        histogram[NO_VOTE] = self.staged_histogram[i][NO_VOTE]
    histogram = self._store_labels(i, part, staged // 32, histogram)
    for x: uint256 in range(c, bound=MAX_CLASSES):
        self.staged_histogram[i][x] = histogram[x]
    self.staged_histogram[i][NO_VOTE] = histogram[NO_VOTE]
    self.staged[r][i] = staged + len(part)


@external
def reveal_staged(label_count: DynArray[uint256, MAX_LABEL_COUNT], salt: bytes32):
    i: uint256 = 0
    r: uint256 = 0
    i, r = core.open_reveal()
    m: uint256 = terms.samples
    assert self.staged[r][i] == m, "wrongLabelsLength"
    words: DynArray[bytes32, MAX_WORDS] = []
    for w: uint256 in range((m + 31) // 32, bound=MAX_WORDS):
        words.append(self.y_words[i * MAX_WORDS + w])
    encoded: Bytes[MAX_WORDS * 32 + 32] = abi_encode(words, ensure_tuple=False)
    histogram: uint256[256] = empty(uint256[256])
    for x: uint256 in range(terms.classes, bound=MAX_CLASSES):
        histogram[x] = self.staged_histogram[i][x]
    self._finish_reveal(i, r, slice(encoded, 32, m), label_count, salt, histogram)
