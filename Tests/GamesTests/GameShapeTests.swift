@testable import Games
import Testing

@Suite struct GameShapeTests {
    @Test func validation() {
        #expect(throws: GameShapeError.noPlayers) { try GameShape(strategies: []) }
        #expect(throws: GameShapeError.noStrategies(player: 1)) {
            try GameShape(strategies: [["a"], []])
        }
        #expect(throws: GameShapeError.playerOutOfRange(2)) {
            try GameShape(strategies: [["a"], ["a"]], symmetricGroups: [[0, 2]])
        }
        #expect(throws: GameShapeError.playerInTwoGroups(1)) {
            try GameShape(strategies: [["a"], ["a"], ["a"]], symmetricGroups: [[0, 1], [1, 2]])
        }
        #expect(throws: GameShapeError.groupStrategiesDiffer(0, 1)) {
            try GameShape(strategies: [["a"], ["b"]], symmetricGroups: [[1, 0]])
        }
        #expect(throws: GameShapeError.playerNameCount(expected: 2, got: 1)) {
            try GameShape(strategies: [["a"], ["b"]], playerNames: ["x"])
        }
    }

    @Test func basics() throws {
        let shape = try GameShape(
            strategies: [["x", "y"], ["a", "b", "c"]], symmetricGroups: [[1]])
        #expect(shape.symmetricGroups.isEmpty)  // singleton groups are dropped
        #expect(shape.playerCount == 2)
        #expect(shape.profileCount == 6)
        #expect(shape.allStrategies == [[0, 1], [0, 1, 2]])
        #expect(shape.playerNames == ["player 0", "player 1"])
        #expect(shape.describe(profile: [1, 2]) == "(y, c)")
        #expect(shape.describe(remaining: [[0], [1, 2]]) == "{x} x {b, c}")
    }

    @Test func canonicalStateSortsWithinGroups() throws {
        // Players 0 and 2 interchangeable; player 1 alone.
        let shape = try GameShape(
            strategies: [["a", "b"], ["c", "d"], ["a", "b"]], symmetricGroups: [[2, 0]])
        #expect(shape.symmetricGroups == [[0, 2]])
        #expect(shape._canonicalState([[1], [0], [0, 1]]) == [[0, 1], [0], [1]])
        #expect(shape._canonicalState([[0, 1], [1], [1]]) == [[0, 1], [1], [1]])
        #expect(
            shape._orbit(of: [[0, 1], [0], [1]]) == [[[0, 1], [0], [1]], [[1], [0], [0, 1]]])
        #expect(shape._orbit(of: [[1], [0], [1]]) == [[[1], [0], [1]]])
    }

    @Test func symmetricQuestionsShareAKey() throws {
        let shape = try GameShape(players: 3, strategies: ["e", "t", "f"], symmetric: true)
        // Player 1 asking with others {t},{e,t} equals player 0 asking with {e,t},{t}.
        let a = shape._canonicalQuestion(
            player: 1, dominating: 1, dominated: 2, remaining: [[1], [0, 1, 2], [0, 1]])
        let b = shape._canonicalQuestion(
            player: 0, dominating: 1, dominated: 2, remaining: [[0, 2], [0, 1], [1]])
        #expect(a == b)
        #expect(a.player == 0 && a.others == [[], [0, 1], [1]])
        // Different others' sets: different questions.
        let c = shape._canonicalQuestion(
            player: 0, dominating: 1, dominated: 2, remaining: [[0, 2], [1], [1]])
        #expect(a != c)
        // Without symmetry the asker is part of the key.
        let plain = try GameShape(players: 2, strategies: ["e", "t"], symmetric: false)
        #expect(
            plain._canonicalQuestion(player: 0, dominating: 1, dominated: 0, remaining: [[0, 1], [1]])
                != plain._canonicalQuestion(
                    player: 1, dominating: 1, dominated: 0, remaining: [[1], [0, 1]]))
    }
}
