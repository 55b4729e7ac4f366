import Mechanisms

extension ContractConfig {
    /// Checks the configuration before deployment.
    ///
    /// Amounts must fit comfortably in `Int`: with n members, D the deposit, r the requester's
    /// reward and R rounds, both `n^2 * D + r` (the `balanced` payout scales rewards by n) and
    /// `R * n * D + r` (every unit ever paid in) must be at most `Int.max / 4`, computed with
    /// overflow checks.
    /// - Throws: the first rule the configuration breaks, as a `ContractError`.
    /// - Complexity: O(n + R).
    public func validate() throws(ContractError) {
        guard !members.isEmpty else { throw .noMembers }
        var seen = Set<Address>()
        for member in members where !seen.insert(member).inserted {
            throw .duplicateMember(member)
        }
        guard deposit >= 1 else { throw .depositTooSmall(deposit) }
        guard commitWindow >= 1 else { throw .windowTooShort(.commit, blocks: commitWindow) }
        guard revealWindow >= 1 else { throw .windowTooShort(.reveal, blocks: revealWindow) }
        let n = members.count
        switch mechanism {
        case .ptsfd(let terms):
            try terms.validate(members: n)
        case .consensus(let terms):
            guard n >= 2 else { throw .tooFewMembers(count: n, minimum: 2) }
            guard terms.reward >= 0 else { throw .negativeReward(terms.reward) }
            for case .minimumEntropy(let bits) in terms.junk.rules where !bits.isFinite {
                throw .nonFiniteParameter(name: "minimumEntropy", value: bits)
            }
        }
        try validateAmounts()
    }

    private func validateAmounts() throws(ContractError) {
        let n = members.count, reward = requesterReward
        let tooLarge = ContractError.amountsTooLarge(
            members: n, rounds: rounds, deposit: deposit, reward: reward)
        let limit = Int.max / 4
        func product(_ factors: [Int]) throws(ContractError) -> Int {
            var p = 1
            for f in factors {
                let (next, overflow) = p.multipliedReportingOverflow(by: f)
                guard !overflow, next <= limit else { throw tooLarge }
                p = next
            }
            return p
        }
        func fits(_ factors: [Int], plus extra: Int) throws(ContractError) {
            let (total, overflow) = try product(factors).addingReportingOverflow(extra)
            guard !overflow, total <= limit else { throw tooLarge }
        }
        try fits([n, n, deposit], plus: reward)
        try fits([rounds, n, deposit], plus: reward)
    }
}

extension PTSFDTerms {
    /// Checks the PTSFD terms for a federation of `members` workers.
    /// - Throws: the first rule the terms break, as a `ContractError`.
    func validate(members n: Int) throws(ContractError) {
        guard !lambdaSchedule.isEmpty else { throw .emptyLambdaSchedule }
        guard beta.isFinite else { throw .nonFiniteParameter(name: "beta", value: beta) }
        for (r, lambda) in lambdaSchedule.enumerated() where !lambda.isFinite {
            throw .nonFiniteParameter(name: "lambdaSchedule[\(r)]", value: lambda)
        }
        // The integer settlement's bound: |beta_wad|, |lambda_wad| < 2^72.
        let limit = FixedPoint.maximumParameter
        guard abs(beta) <= limit else {
            throw .parameterOutOfRange(name: "beta", value: beta, limit: limit)
        }
        for (r, lambda) in lambdaSchedule.enumerated() where abs(lambda) > limit {
            throw .parameterOutOfRange(name: "lambdaSchedule[\(r)]", value: lambda, limit: limit)
        }
        guard (1 ... VoteMatrix.maximumClasses).contains(classes) else {
            throw .classesOutOfRange(classes)
        }
        let (cells, overflow) = samples.multipliedReportingOverflow(by: n)
        guard samples >= 1, !overflow, cells <= Int.max / 4 else {
            throw .samplesOutOfRange(samples: samples, members: n)
        }
        guard unitsPerReward >= 1 else { throw .unitsPerRewardTooSmall(unitsPerReward) }
        if case .k(let k) = knobs.peersPerSample, k < 2 || k > n {
            throw .peersPerSampleOutOfRange(k: k, members: n)
        }
    }
}
