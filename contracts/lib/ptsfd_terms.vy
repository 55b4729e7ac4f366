# pragma version 0.4.3
"""
@title The PTSFD terms (Witt et al., section 4) and their validation
@notice The deploy-time parameters of a PTSFD contract after the shared core's rules:
        PTSFDTerms.validate(members:) rule by rule, the amount limits, then the bounds of this
        compiled contract ("exceedsContractBounds"). Also the round's allocation seed s_r.
"""

from . import arith
from . import bounds
from . import splitmix

# Compile-time bounds; a configuration beyond them reverts "exceedsContractBounds".
# m = 40,000, n = 10, |C| = 10 (the paper's setting) fits.
MAX_SAMPLES: constant(uint256) = 40000
MAX_WORDS: constant(uint256) = 1250  # MAX_SAMPLES / 32, rounded up
MAX_CLASSES: constant(uint256) = 32
MAX_ROUNDS: constant(uint256) = 64
MAX_PART: constant(uint256) = 16384  # samples per reveal_part
# A revealed labelCount may be longer than |C| (refused as wrongLabelCountLength, as in Swift).
MAX_LABEL_COUNT: constant(uint256) = 256
PARAMETER_LIMIT: constant(int256) = 4096 * 10**18
NO_VOTE: constant(uint256) = 255

classes: uint256
samples: uint256
beta_wad: int256
lambda_wads: DynArray[int256, MAX_ROUNDS]
units_per_reward: uint256
normalization_proper: bool
aggregation_argmax: bool
label_count_verified: bool
commitment_bound: bool
peers_per_sample: uint256
payout_balanced: bool
allocation_seed: uint64


@deploy
def __init__(
    n: uint256,
    deposit: uint256,
    classes: uint256,
    samples: uint256,
    beta_wad: int256,
    lambda_wads: DynArray[int256, MAX_ROUNDS],
    units_per_reward: uint256,
    normalization: uint8,
    aggregation: uint8,
    label_count_policy: uint8,
    commitment: uint8,
    peers_per_sample: uint256,
    payout: uint8,
    allocation_seed: uint64,
):
    assert len(lambda_wads) >= 1, "emptyLambdaSchedule"
    assert abs(beta_wad) <= PARAMETER_LIMIT, "parameterOutOfRange"
    for lam: int256 in lambda_wads:
        assert abs(lam) <= PARAMETER_LIMIT, "parameterOutOfRange"
    assert classes >= 1 and classes <= 254, "classesOutOfRange"
    assert samples >= 1 and samples <= bounds.AMOUNT_LIMIT, "samplesOutOfRange"
    assert samples * n <= bounds.AMOUNT_LIMIT, "samplesOutOfRange"
    assert units_per_reward >= 1 and units_per_reward < bounds.NEGATIVE, "unitsPerRewardTooSmall"
    if peers_per_sample != 0:
        assert peers_per_sample >= 2 and peers_per_sample <= n, "peersPerSampleOutOfRange"
    # validateAmounts: n * n * D and rounds * n * D at most Int.max / 4 (no reward here).
    arith.check_amounts([n, n, deposit], 0)
    arith.check_amounts([len(lambda_wads), n, deposit], 0)
    # Not Ledger rules: what this compiled contract can hold.
    assert classes <= MAX_CLASSES and samples <= MAX_SAMPLES, "exceedsContractBounds"
    assert normalization <= 1 and aggregation <= 1 and label_count_policy <= 1, "exceedsContractBounds"
    assert commitment <= 1 and payout <= 1, "exceedsContractBounds"

    self.classes = classes
    self.samples = samples
    self.beta_wad = beta_wad
    self.lambda_wads = lambda_wads
    self.units_per_reward = units_per_reward
    self.normalization_proper = normalization == 1
    self.aggregation_argmax = aggregation == 1
    self.label_count_verified = label_count_policy == 1
    self.commitment_bound = commitment == 1
    self.peers_per_sample = peers_per_sample
    self.payout_balanced = payout == 1
    self.allocation_seed = allocation_seed


@internal
@view
def round_seed(r: uint256) -> uint256:
    """s_r = SplitMix64(seed: allocationSeed, stream: r).next()."""
    state: uint256 = splitmix.stream(convert(self.allocation_seed, uint256), r)
    out: uint256 = 0
    state, out = splitmix.next(state)
    return out
