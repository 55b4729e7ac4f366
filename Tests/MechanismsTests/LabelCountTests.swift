import Mechanisms
import Testing

@Suite struct LabelCountTests {
    @Test func algorithm1CountsEachWorkersReportsAndSkipsMissing() throws {
        let votes = try tinyVotes()
        #expect(votes.labelCount(of: 0) == [2, 2])
        #expect(votes.labelCount(of: 1) == [3, 1])
        #expect(votes.labelCount(of: 2) == [1, 2])
        #expect(votes.labelCounts() == [[2, 2], [3, 1], [1, 2]])
        #expect((0 ..< 3).map { votes.reportedCount(of: $0) } == [4, 4, 3])
    }

    @Test func voteMatrixRefusesRaggedRowsAndOutOfRangeLabels() {
        #expect(throws: VoteMatrixError.raggedRow(worker: 1, expected: 2, found: 1)) {
            try VoteMatrix(rows: [[0, 1], [0]], classes: 2)
        }
        #expect(throws: VoteMatrixError.labelOutOfRange(worker: 0, sample: 1, label: 2, classes: 2)) {
            try VoteMatrix(rows: [[0, 2]], classes: 2)
        }
        #expect(throws: VoteMatrixError.classesOutOfRange(255)) {
            try VoteMatrix(rows: [[0]], classes: 255)
        }
    }

    @Test func subscriptRoundTripsAndMissingIsNil() throws {
        var votes = try tinyVotes()
        #expect(votes[worker: 2, sample: 1] == nil)
        votes[worker: 2, sample: 1] = 1
        #expect(votes[worker: 2, sample: 1] == 1)
        votes[worker: 0, sample: 0] = nil
        #expect(votes.row(0) == [nil, 1, 1, 0])
    }
}
