import Mechanisms

extension Contract {
    /// The hashCommit that `sender` must post in the current round for `payload`, under the
    /// contract's commitment scheme (see `HashCommit`).
    /// - Complexity: O(payload size).
    public func commitment(of payload: RevealPayload, by sender: Address) -> Hash32 {
        payload.hashCommit(
            scheme: config.commitmentScheme, sender: sender, contract: config.contract,
            round: round)
    }

    /// Phase I of Algorithm 2: records member `i`'s commitment.
    /// - Throws: `outsideWindow(.commit)`, `notRegistered`, `alreadyCommitted`.
    mutating func _commit(_ i: Int, _ commitment: Hash32, at height: Int) throws(ContractError) {
        let sender = config.members[i]
        try require(height, in: commitBlocks, for: .commit)
        guard seats[i].registered else { throw .notRegistered(sender, round: round) }
        guard seats[i].commitment == nil else { throw .alreadyCommitted(sender, round: round) }
        seats[i].commitment = commitment
    }

    /// Phase II of Algorithm 2: accepts member `i`'s reveal if it is well formed and its
    /// hashCommit equals the commitment. A refused reveal changes nothing, so the worker may
    /// send a correct one later in the window.
    /// - Throws: `outsideWindow(.reveal)`, `notRegistered`, `notCommitted`, `alreadyRevealed`,
    ///   a malformed-payload error, or `revealMismatch`.
    /// - Complexity: O(payload size).
    mutating func _reveal(
        _ i: Int, _ payload: RevealPayload, at height: Int
    ) throws(ContractError) {
        let sender = config.members[i]
        try require(height, in: revealBlocks, for: .reveal)
        guard seats[i].registered else { throw .notRegistered(sender, round: round) }
        guard let committed = seats[i].commitment else { throw .notCommitted(sender, round: round) }
        guard seats[i].reveal == nil else { throw .alreadyRevealed(sender, round: round) }
        try validate(payload)
        let revealed = commitment(of: payload, by: sender)
        guard revealed == committed else {
            throw .revealMismatch(sender, committed: committed, revealed: revealed)
        }
        seats[i].reveal = payload
    }

    /// Checks the shape of a payload: the right kind for the mechanism; for PTSFD, `Y` of
    /// length m with every byte a class or `0xFF`, and a labelCount of |C| non-negative entries.
    /// - Throws: `wrongPayloadKind`, `wrongLabelsLength`, `labelOutOfRange`,
    ///   `wrongLabelCountLength`, `negativeLabelCount`.
    /// - Complexity: O(m + |C|).
    func validate(_ payload: RevealPayload) throws(ContractError) {
        switch (config.mechanism, payload) {
        case (.ptsfd(let terms), .labels(let y, let labelCount, _)):
            guard y.count == terms.samples else {
                throw .wrongLabelsLength(found: y.count, expected: terms.samples)
            }
            let classes = terms.classes
            if let j = Self.firstLabelOutOfRange(y, classes: classes) {
                throw .labelOutOfRange(sample: j, label: y[j], classes: classes)
            }
            guard labelCount.count == classes else {
                throw .wrongLabelCountLength(found: labelCount.count, expected: classes)
            }
            if let x = labelCount.firstIndex(where: { $0 < 0 }) {
                throw .negativeLabelCount(class: x, value: labelCount[x])
            }
        case (.consensus, .result):
            return
        case (.ptsfd, .result):
            throw .wrongPayloadKind(expected: "labels (Y, labelCount, salt)")
        case (.consensus, .labels):
            throw .wrongPayloadKind(expected: "result (bytes, salt)")
        }
    }

    /// The first sample of `y` whose byte is neither a class below `classes` nor `0xFF`.
    ///
    /// Goals: exactly `y.firstIndex { Int($0) >= classes && $0 != 0xFF }`, then speed. Adding 1
    /// with wrap-around maps `0xFF` to 0 and class c to c + 1, so a byte is bad exactly when
    /// `byte &+ 1 > classes`; a branch-free maximum over `y` decides whether to search at all.
    /// - Complexity: O(m).
    static func firstLabelOutOfRange(_ y: [UInt8], classes: Int) -> Int? {
        y.withUnsafeBufferPointer { bytes -> Int? in
            var top: UInt8 = 0
            for byte in bytes { top = max(top, byte &+ 1) }
            guard Int(top) > classes else { return nil }
            return bytes.firstIndex { Int($0) >= classes && $0 != 0xFF }
        }
    }
}
