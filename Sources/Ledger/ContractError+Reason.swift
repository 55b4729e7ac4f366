
extension ContractError {
    /// The rule that refused, without its values (`outsideWindow`, `revealMismatch`): what a
    /// fuzz corpus collects one example of.
    public var reason: String {
        switch self {
        case .noMembers: "noMembers"
        case .duplicateMember: "duplicateMember"
        case .tooFewMembers: "tooFewMembers"
        case .depositTooSmall: "depositTooSmall"
        case .windowTooShort: "windowTooShort"
        case .emptyLambdaSchedule: "emptyLambdaSchedule"
        case .nonFiniteParameter: "nonFiniteParameter"
        case .parameterOutOfRange: "parameterOutOfRange"
        case .classesOutOfRange: "classesOutOfRange"
        case .samplesOutOfRange: "samplesOutOfRange"
        case .unitsPerRewardTooSmall: "unitsPerRewardTooSmall"
        case .peersPerSampleOutOfRange: "peersPerSampleOutOfRange"
        case .negativeReward: "negativeReward"
        case .amountsTooLarge: "amountsTooLarge"
        case .negativeHeight: "negativeHeight"
        case .heightWentBackwards: "heightWentBackwards"
        case .contractFinished: "contractFinished"
        case .notAMember: "notAMember"
        case .outsideWindow: "outsideWindow"
        case .wrongDeposit: "wrongDeposit"
        case .alreadyRegistered: "alreadyRegistered"
        case .notRegistered: "notRegistered"
        case .alreadyCommitted: "alreadyCommitted"
        case .notCommitted: "notCommitted"
        case .alreadyRevealed: "alreadyRevealed"
        case .wrongPayloadKind: "wrongPayloadKind"
        case .wrongLabelsLength: "wrongLabelsLength"
        case .labelOutOfRange: "labelOutOfRange"
        case .wrongLabelCountLength: "wrongLabelCountLength"
        case .negativeLabelCount: "negativeLabelCount"
        case .revealMismatch: "revealMismatch"
        case .settleTooEarly: "settleTooEarly"
        case .roundAlreadySettled: "roundAlreadySettled"
        case .wrongRound: "wrongRound"
        case .nothingToWithdraw: "nothingToWithdraw"
        case .arithmeticOverflow: "arithmeticOverflow"
        }
    }
}
