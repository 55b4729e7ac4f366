import Mechanisms
import Testing

@testable import Ledger

/// hashCommit against values computed independently with pycryptodome 4.4.0 over the byte
/// layout documented on `HashCommit`:
/// ```python
/// salt = bytes(range(32)); Y = bytes([0, 1, 0xFF, 1]); u = lambda v: v.to_bytes(32, 'big')
/// addr = lambda i: bytes.fromhex(keccak256(u(i)).hex()[24:])
/// paper = Y + u(1) + u(2) + salt                       # 100 bytes
/// bound = paper + addr(1) + addr(99) + u(2)            # 172 bytes
/// cpaper = bytes([1, 2, 3]) + salt
/// cbound = cpaper + addr(1) + addr(99) + u(0)
/// ```
@Suite struct HashCommitTests {
    static let salt = Hash32(bytes: (0 ..< 32).map { UInt8($0) })!
    static let sender = Address(index: 1)
    static let contract = Address(index: 99)

    @Test func ptsfdPaper() {
        let h = HashCommit.labels(
            [0, 1, 0xFF, 1], labelCount: [1, 2], salt: Self.salt, scheme: .paper,
            sender: Self.sender, contract: Self.contract, round: 2)
        #expect(
            h == Hash32(hex: "d86b935368e33d01194debf1768c9f178e306cd7ee19470fb6d66088d18c91d9"))
    }

    @Test func ptsfdBound() {
        let payload = RevealPayload.labels(
            y: [0, 1, 0xFF, 1], labelCount: [1, 2], salt: Self.salt)
        let h = payload.hashCommit(
            scheme: .bound, sender: Self.sender, contract: Self.contract, round: 2)
        #expect(
            h == Hash32(hex: "cb80983eb0d2617705221be8a18f9a5f172a06650d68d05a34a2d50de25f593b"))
    }

    @Test func consensusPaperAndBound() {
        let payload = RevealPayload.result([1, 2, 3], salt: Self.salt)
        let paper = payload.hashCommit(
            scheme: .paper, sender: Self.sender, contract: Self.contract, round: 0)
        let bound = payload.hashCommit(
            scheme: .bound, sender: Self.sender, contract: Self.contract, round: 0)
        #expect(
            paper == Hash32(hex: "96d7d79f1675dea456c2a58e1b4f54f483e1726f3ac139c184bae6b7416e71e6")
        )
        #expect(
            bound == Hash32(hex: "e4e4f66f872818acbcf83b2cfed00c22fcd306573e4a793c6446d205d7a81b4e")
        )
    }

    /// The paper scheme ignores who commits and when; the bound scheme does not.
    @Test func bindingChangesOnlyTheBoundScheme() {
        let payload = RevealPayload.result([7], salt: Self.salt)
        func h(_ scheme: CommitmentScheme, _ sender: Address, _ round: Int) -> Hash32 {
            payload.hashCommit(
                scheme: scheme, sender: sender, contract: Self.contract, round: round)
        }
        #expect(h(.paper, Self.sender, 0) == h(.paper, Self.contract, 5))
        #expect(h(.bound, Self.sender, 0) != h(.bound, Self.contract, 0))
        #expect(h(.bound, Self.sender, 0) != h(.bound, Self.sender, 1))
    }
}
