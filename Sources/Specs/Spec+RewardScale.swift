import Mechanisms

/// The ranges of the PTSFD reward parameters, and the reward scale they must keep.
///
/// The arithmetic they must carry: a reward is a `Double`, and a contract pays
/// `floor(reward * units_per_reward)` integer units (`Payout.toUnits`). `PTSFD.rewardBound`
/// (Witt et al. Eq. 2 and 13) bounds every reward of a round of n workers, |C| classes and m
/// samples by `lambda * m * max(beta, |C| * n)`. With `beta` and `lambda` at most 10^6,
/// `|C| <= 254` and `n <= 10^4`, so `max(beta, |C| * n) <= 2.54 * 10^6`, one sample moves a
/// reward by at most 2.54 * 10^12, and by at most 2.54 * 10^24 units at `units_per_reward`
/// 10^12: every reward and every scaled reward of any vote matrix that fits in memory is far
/// from `Double`'s 1.8 * 10^308, so none is infinite or NaN (a `beta` or `lambda` of 10^308, once
/// allowed, made rewards infinite). For integer units the round's size matters as well, so a
/// spec must also keep
/// ```
/// lambda * units_per_reward * m * max(beta, |C| * n)  <=  2^62
/// ```
/// (about half of `Int.max`, leaving room for the deposit added to a claim): `validate` checks it
/// for one sample (m = 1), and for `data.public_size` samples when the spec simulates;
/// `settle` checks it for the vote file's m. The shipped specs' scale is 100 units a sample
/// (beta and lambda 1, `units_per_reward` 1, 10 workers, 10 classes). beta above
/// `|C| * n` (at most 2.54 * 10^6) only makes every reward more negative, and the paper's beta
/// lies near 1 ... |C|; lambda scales the payment, which `units_per_reward` scales further.
extension Spec {
    /// Largest `mechanism.beta`.
    public static let maximumBeta = 1_000_000.0
    /// Largest `mechanism.lambda` and `contract.lambda_schedule` entry.
    public static let maximumLambda = 1_000_000.0
    /// Largest `contract.units_per_reward`.
    public static let maximumUnitsPerReward = 1_000_000_000_000
    /// Largest `reward * units_per_reward` any in-range round may reach, 2^62 units.
    public static let maximumRewardUnits = 1 << 62

    /// The largest reward of a round of `samples` public samples under this spec, over every
    /// value of its beta and lambda ranges and every lambda of the schedule, in integer units:
    /// `PTSFD.rewardBound * units_per_reward`.
    /// - Parameter samples: m, the public samples of the round.
    /// - Complexity: O(rounds).
    public func rewardUnitsBound(samples: Int) -> Double {
        PTSFD.rewardBound(
            workers: federation.workers, classes: federation.classes, samples: samples,
            beta: mechanism.beta.upperBound, lambda: largestLambda) * Double(contract.unitsPerReward)
    }

    /// The largest lambda of any round: the top of every lambda schedule entry's range.
    var largestLambda: Double {
        contract.lambdaSchedule.map(\.upperBound).max() ?? mechanism.lambda.upperBound
    }

    /// Refuses a reward scale whose rounds of `samples` samples could pay more than
    /// ``maximumRewardUnits`` (see the derivation above).
    /// - Parameters:
    ///   - samples: m, the public samples of a round.
    ///   - file: the spec's path, for the message.
    ///   - source: what fixes m, for the message (`data.public_size`, a vote file's path);
    ///     `nil` for the per-sample check of any spec.
    /// - Throws: `SpecError` naming `contract.units_per_reward` and every factor.
    public func checkRewardScale(samples: Int, file: String, source: String? = nil)
        throws(SpecError)
    {
        let bound = rewardUnitsBound(samples: samples)
        guard bound <= Double(Self.maximumRewardUnits) else {
            throw SpecError(
                file: file, key: "contract.units_per_reward",
                reason: rewardScaleReason(samples: samples, bound: bound, source: source)
                    + "; lower units_per_reward, lambda or beta")
        }
    }

    /// `units_per_reward 10 x lambda up to 2 x max(beta up to 1, classes x workers = 6) x 4
    /// samples (votes.csv) = 480 units: ...`, every factor of the bound.
    func rewardScaleReason(samples: Int, bound: Double, source: String?) -> String {
        let k = federation.classes * federation.workers
        let m = "\(samples) sample\(samples == 1 ? "" : "s")" + (source.map { " (\($0))" } ?? "")
        return "units_per_reward \(contract.unitsPerReward) x lambda up to \(formatNumber(largestLambda)) "
            + "x max(beta up to \(formatNumber(mechanism.beta.upperBound)), classes x workers = \(k)) "
            + "x \(m) = \(formatNumber(bound)) units: a reward could exceed the "
            + "\(Self.maximumRewardUnits) units (2^62) a round may pay"
    }
}
