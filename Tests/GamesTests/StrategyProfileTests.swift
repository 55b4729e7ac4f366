import Games
import Testing

@Suite struct StrategyProfileTests {
    @Test func enumeratesOthersLastPlayerFastest() {
        let profiles = OpponentProfiles(remaining: [[0, 1], [0, 2], [1, 2]], player: 1)
        #expect(profiles.count == 4)
        #expect(Array(profiles) == [[0, -1, 1], [0, -1, 2], [1, -1, 1], [1, -1, 2]])
    }

    @Test func edgeCases() {
        // One player: one empty opponent profile.
        #expect(Array(OpponentProfiles(remaining: [[0, 1]], player: 0)) == [[-1]])
        // An opponent with nothing left: no profiles.
        #expect(Array(OpponentProfiles(remaining: [[0], []], player: 0)).isEmpty)
        // The asking player's own set is ignored.
        #expect(Array(OpponentProfiles(remaining: [[], [3]], player: 0)) == [[-1, 3]])
    }
}
