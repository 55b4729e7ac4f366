/// A phase of a round, as named in errors.
public enum Phase: String, Hashable, Sendable, CustomStringConvertible {
    /// Registering with the deposit (the commit window).
    case registration
    /// Posting hashCommit (the commit window).
    case commit
    /// Opening the commitment (the reveal window).
    case reveal

    /// The phase's name, as used in error messages.
    public var description: String { rawValue }
}

extension Contract {
    /// `[s_r, s_r + commitWindow)`: when members register and commit in the current round.
    /// Heights saturate at `Int.max` rather than overflow.
    public var commitBlocks: Range<Int> {
        roundStart ..< saturatingAdd(roundStart, config.commitWindow)
    }

    /// `[s_r + commitWindow, s_r + commitWindow + revealWindow)`: when members reveal.
    public var revealBlocks: Range<Int> {
        let open = commitBlocks.upperBound
        return open ..< saturatingAdd(open, config.revealWindow)
    }

    /// The first height at which the current round can be settled.
    public var settleHeight: Int { revealBlocks.upperBound }

    /// Throws `outsideWindow` unless `height` lies in `blocks`.
    func require(_ height: Int, in blocks: Range<Int>, for phase: Phase) throws(ContractError) {
        guard blocks.contains(height) else {
            throw .outsideWindow(
                phase, height: height, opens: blocks.lowerBound, closes: blocks.upperBound)
        }
    }
}
