import Foundation
import Specs
import Testing

/// The ranges of beta, lambda and units_per_reward, and the reward scale a spec must keep
/// (`Spec+RewardScale.swift`): `units_per_reward * lambda * m * max(beta, |C| * n) <= 2^62`.
@Suite("Reward ranges and the reward scale")
struct RewardScaleTests {
    /// The values of issue 10 that made `settle` trap or write "-Infinity": out of range now.
    static let outOfRange: [Refused] = [
        .mechanism("deposit = 1\nbeta = 1e18", "mechanism.beta", "1e+18 is out of range (0 ... 1000000)"),
        .mechanism("deposit = 1\nlambda = 1e17", "mechanism.lambda", "1e+17 is out of range (0 ... 1000000)"),
        .mechanism("deposit = 1\nbeta = 1e308\nlambda = 1e308", "mechanism.beta", "1e+308 is out of range (0 ... 1000000)"),
        .mechanism("deposit = 1\nlambda = 1000000.5", "mechanism.lambda", "1000000.5 is out of range (0 ... 1000000)"),
        .mechanism("deposit = 1\nlambda = { min = 0, max = 2e6 }", "mechanism.lambda.max", "2000000 is out of range (0 ... 1000000)"),
        .extra("[contract]\nlambda_schedule = [1e17]", "contract.lambda_schedule[0]", "1e+17 is out of range (0 ... 1000000)"),
        .extra("[contract]\nunits_per_reward = 1000000000000\nlambda_schedule = [1e17]", "contract.lambda_schedule[0]", "out of range"),
        .extra("[contract]\nunits_per_reward = 1000000000001", "contract.units_per_reward", "out of range (1 ... 1000000000000)"),
    ]

    @Test(arguments: outOfRange)
    func outOfRangeIsRefused(_ c: Refused) {
        c.expectRefused()
    }

    /// The example of specs/README.md, word for word: 10^12 * 10^6 * max(1, 2 * 3) = 6 * 10^18
    /// units for one sample, above 2^62 = 4.61 * 10^18.
    @Test func aScaleBeyondIntegerUnitsIsRefusedWithEveryFactor() {
        let toml = ptsfd(
            federation: "workers = 3\nclasses = 2\naccuracy = 0.8",
            mechanism: "kind = \"ptsfd\"\ndeposit = 1\nlambda = 1000000",
            extra: "[contract]\nunits_per_reward = 1000000000000")
        let error = specRefusal(toml)
        #expect(error?.description == "x.toml: contract.units_per_reward: units_per_reward 1000000000000 x "
            + "lambda up to 1000000 x max(beta up to 1, classes x workers = 6) x 1 sample = 6e+18 units: "
            + "a reward could exceed the 4611686018427387904 units (2^62) a round may pay; lower "
            + "units_per_reward, lambda or beta")
    }

    /// The bound is inclusive: 2^18 (lambda) * 2^39 (units) * 8 (|C| n) * 4 (public samples)
    /// is exactly 2^62 and accepted; a fifth sample is refused.
    @Test func theScaleEdgeIsExactlyTwoToTheSixtySecond() throws {
        func spec(publicSize: Int) -> String {
            ptsfd(
                federation: "workers = 4\nclasses = 2\naccuracy = 0.8",
                mechanism: "kind = \"ptsfd\"\ndeposit = 1\nlambda = 262144",
                extra: "[contract]\nunits_per_reward = 549755813888\n[data]\npublic_size = \(publicSize)")
        }
        let edge = try Spec.parse(toml: spec(publicSize: 4), file: "x.toml")
        #expect(edge.rewardUnitsBound(samples: 4) == 4_611_686_018_427_387_904)
        let error = specRefusal(spec(publicSize: 5))
        #expect(error?.key == "contract.units_per_reward")
        #expect(error?.reason.contains("x 5 samples (data.public_size) = 5.764607523034235e+18 units") == true,
            "\(String(describing: error))")
    }

    /// The largest beta and lambda are accepted, and so are the largest units_per_reward with
    /// lambda 1; the bound of a lambda schedule is its largest entry.
    @Test func theEdgesOfTheRangesAreAccepted() throws {
        let top = try Spec.parse(
            toml: ptsfd(mechanism: "kind = \"ptsfd\"\ndeposit = 1\nbeta = 1000000\nlambda = 1000000"),
            file: "x.toml")
        // lambda 10^6 * 7 samples * max(10^6, 3 * 4) = 7 * 10^12.
        #expect(top.rewardUnitsBound(samples: 7) == 7e12)
        let units = try Spec.parse(
            toml: ptsfd(extra: "[contract]\nunits_per_reward = 1000000000000\nrounds = 2\nlambda_schedule = [0.5, { min = 0, max = 2 }]"),
            file: "x.toml")
        // 10^12 * lambda 2 * max(beta 1, 12) = 2.4 * 10^13 units a sample.
        #expect(units.rewardUnitsBound(samples: 1) == 2.4e13)
    }

    /// Every shipped spec stays valid under the new ranges.
    @Test func shippedSpecsAreValid() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: specPath(""))
            .filter { $0.hasSuffix(".toml") }.sorted()
        #expect(names.count >= 9)
        for name in names {
            #expect(throws: Never.self, "\(name)") { _ = try Spec.load(path: specPath(name)) }
        }
    }
}
