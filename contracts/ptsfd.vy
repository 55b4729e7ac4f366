# pragma version 0.4.3
"""
@title The PTSFD contract (Witt et al., section 4, Algorithms 2 and 3)
@notice The Ledger's `Contract` with `.ptsfd` terms (Sources/Ledger), transaction for
        transaction: the same rules in the same order, each refusal a revert with the Ledger's
        `ContractError.reason`. Settlement is the integer settlement of contracts/README.md,
        step for step. See the README for the ABI and the host protocol.

        The deployable entry point: it wires the modules of lib/ together and exports their
        functions. lib/commit_reveal.vy is the membership, timeline, escrow and views shared
        with consensus.vy; lib/ptsfd_terms.vy the terms and their validation;
        lib/ptsfd_reveal.vy the reveals (Y stored one byte per sample); lib/ptsfd_settlement.vy
        the settlement (also in steps, `settle_chunk`).
"""

from lib import commit_reveal as core
from lib import ptsfd_reveal as reveals
from lib import ptsfd_settlement as settlement
from lib import ptsfd_terms as terms

initializes: core
initializes: terms
initializes: reveals[core := core, terms := terms]
initializes: settlement[core := core, terms := terms, reveals := reveals]

exports: (
    core.register,
    core.commit,
    core.withdraw,
    core.height,
    core.round,
    core.round_start,
    core.member_count,
    core.member,
    core.seat,
    core.claimable,
    core.funds,
    core.record_count,
    core.record,
    core.record_workers,
    core.record_payouts,
    core.record_slashed,
    core.snapshot,
    reveals.reveal,
    reveals.reveal_part,
    reveals.reveal_staged,
    settlement.settle_chunk,
    settlement.settle,
    settlement.record_rewards,
    settlement.record_labels,
)

# The compiled bounds (contracts/README.md), as literals here because the EVM bridge reads them
# off this file; they restate lib/bounds.vy and lib/ptsfd_terms.vy (contracts/tests checks it).
MAX_MEMBERS: constant(uint256) = 32
MAX_SAMPLES: constant(uint256) = 40000
MAX_CLASSES: constant(uint256) = 32
MAX_ROUNDS: constant(uint256) = 64
MAX_LABEL_COUNT: constant(uint256) = 256


@deploy
def __init__(
    members: DynArray[address, MAX_MEMBERS],
    deposit: uint256,
    commit_window: uint256,
    reveal_window: uint256,
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
    # ContractConfig.validate() (the core), then PTSFDTerms.validate(members:) (the terms).
    core.__init__(members, deposit, commit_window, reveal_window, len(lambda_wads))
    terms.__init__(
        len(members), deposit, classes, samples, beta_wad, lambda_wads, units_per_reward,
        normalization, aggregation, label_count_policy, commitment, peers_per_sample, payout,
        allocation_seed,
    )


@external
@view
def mechanism() -> String[16]:
    return "ptsfd"
