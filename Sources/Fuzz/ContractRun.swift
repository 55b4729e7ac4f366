import Ledger

/// One contract case in progress on implementation `C`: the contract, the driver's book and
/// the properties it checks after every step.
public struct ContractRun<C: ContractUnderTest> {
    /// The contract's current state.
    public private(set) var contract: C
    /// The driver's own count of money.
    public private(set) var book: ContractBook
    /// The properties checked after every step.
    public let properties: [FuzzPropertyID]
    /// The steps applied so far.
    public private(set) var stepCount = 0
    /// How many steps the contract accepted.
    public private(set) var accepted = 0
    /// The refusal reasons (`ContractError.reason`) seen so far.
    public private(set) var reasons: Set<String> = []
    /// Whether `checkInvariants()` passed on the current state.
    private var consistent = false

    /// Deploys `config` on `C`.
    /// - Parameters:
    ///   - config: the terms.
    ///   - deployer: the deploying account.
    ///   - deployHeight: the deploy block.
    ///   - properties: the properties to check (`ContractChecks.properties` by default).
    /// - Throws: `ContractError` when `C` refuses the configuration.
    public init(
        config: ContractConfig, deployer: Address, deployHeight: Int,
        properties: [FuzzPropertyID] = ContractChecks.properties
    ) throws(ContractError) {
        contract = try C(config: config, deployer: deployer, height: deployHeight)
        book = ContractBook(config: config)
        self.properties = properties
    }

    /// Applies one step and checks every property.
    /// - Parameters:
    ///   - step: the transaction and its height.
    ///   - caseIndex: the case index recorded in violations.
    /// - Returns: the violated properties after this step, in `properties` order.
    /// - Complexity: that of `C.apply` plus the checkers (O(n + accounts) and one hash for
    ///   an accepted reveal).
    public mutating func apply(_ step: ContractStep, caseIndex: Int) -> [ContractViolation] {
        let before = contract
        var refusal: ContractError? = nil
        do {
            try contract.apply(step.transaction, at: step.height)
        } catch {
            refusal = error
            reasons.insert(error.reason)
        }
        if refusal == nil {
            accepted += 1
            book.record(step, before: before, after: contract)
        }
        // Only a refusal can leave the state as it was; an accepted step is checked in full.
        let unchanged = refusal != nil && contract == before
        let observation = ContractObservation(
            before: before, after: contract, step: step, refusal: refusal, book: book,
            unchanged: unchanged, afterAlreadyConsistent: unchanged && consistent)
        var violations: [ContractViolation] = []
        for property in properties {
            if let message = ContractChecks.check(property, observation) {
                violations.append(
                    ContractViolation(
                        property: property, caseIndex: caseIndex, step: stepCount,
                        message: message))
            }
        }
        if !observation.afterAlreadyConsistent {
            consistent = properties.contains(.depositConservation)
                && !violations.contains { $0.property == .depositConservation }
        }
        stepCount += 1
        return violations
    }
}

/// Replays `contractCase` on implementation `C`, checking `properties` after every step.
///
/// - Parameters:
///   - contractCase: the case.
///   - implementation: the contract implementation (`Contract.self` for the Ledger's).
///   - properties: the properties to check (every contract property by default).
///   - caseIndex: the case index recorded in violations.
///   - stopAtFirst: stop after the first step with a violation (as a campaign does);
///     otherwise run every step and keep the first violation of each property.
/// - Returns: the violations, in step order.
/// - Throws: `ContractError` when `C` refuses to deploy the case's configuration.
public func replay<C: ContractUnderTest>(
    _ contractCase: ContractCase, on implementation: C.Type,
    properties: [FuzzPropertyID] = ContractChecks.properties, caseIndex: Int = 0,
    stopAtFirst: Bool = true
) throws(ContractError) -> [ContractViolation] {
    var run = try ContractRun<C>(
        config: contractCase.config, deployer: contractCase.deployer,
        deployHeight: contractCase.deployHeight, properties: properties)
    var found: [ContractViolation] = []
    for step in contractCase.steps {
        let violations = run.apply(step, caseIndex: caseIndex)
        for v in violations where !found.contains(where: { $0.property == v.property }) {
            found.append(v)
        }
        if stopAtFirst && !found.isEmpty { break }
    }
    return found
}
