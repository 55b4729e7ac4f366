import Mechanisms
import Testing

@testable import Learning

@Suite struct DataIDXReaderTests {
    let expected = IDXArray(dimensions: [2, 3, 4], bytes: (0 ..< 24).map { UInt8($0 * 10) })

    @Test func readsPlainFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("small.idx", IDXFixtures.small)
        #expect(try IDXReader.read(contentsOf: path) == expected)
    }

    @Test func readsStoredGzipFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("small.idx.gz", IDXFixtures.storedGzip(IDXFixtures.small))
        #expect(try IDXReader.read(contentsOf: path) == expected)
    }

    @Test func readsPythonGzip() throws {
        #expect(try IDXReader.parse(IDXFixtures.smallPythonGzip) == expected)
    }

    @Test func readsMultiBlockAndMultiMemberGzip() throws {
        let data = (0 ..< 70000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let file = IDXFixtures.idx(dimensions: [70000], data: data)
        #expect(try IDXReader.parse(IDXFixtures.storedGzip(file)).bytes == data)
        let twoMembers = IDXFixtures.storedGzip(Array(file[..<100])) + IDXFixtures.storedGzip(Array(file[100...]))
        #expect(try IDXReader.parse(twoMembers).dimensions == [70000])
    }

    @Test func readsOneAndFourDimensions() throws {
        #expect(try IDXReader.parse(IDXFixtures.idx(dimensions: [1], data: [255])) == IDXArray(dimensions: [1], bytes: [255]))
        let four = IDXFixtures.idx(dimensions: [1, 2, 1, 2], data: [1, 2, 3, 4])
        #expect(try IDXReader.parse(four) == IDXArray(dimensions: [1, 2, 1, 2], bytes: [1, 2, 3, 4]))
    }

    @Test func refusesMissingFileAndDirectory() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.path + "/absent.idx"
        #expect(throws: IDXError.unreadable(path: missing, reason: "no such file or not accessible")) {
            try IDXReader.read(contentsOf: missing)
        }
        #expect(throws: IDXError.unreadable(path: directory.path, reason: "not a regular file")) {
            try IDXReader.read(contentsOf: directory.path)
        }
    }

    @Test(arguments: [
        ([], IDXError.tooShort(path: "f", length: 0)),
        ([0, 0, 8], .tooShort(path: "f", length: 3)),
        ([1, 0, 8, 1, 0, 0, 0, 1, 7], .badMagic(path: "f", bytes: [1, 0, 8, 1])),
        ([0, 2, 8, 1, 0, 0, 0, 1, 7], .badMagic(path: "f", bytes: [0, 2, 8, 1])),
        (IDXFixtures.idx(type: 0x0D, dimensions: [1], data: [0, 0, 0, 0]), .unsupportedType(path: "f", code: 0x0D)),
        (IDXFixtures.idx(type: 0x07, dimensions: [1], data: [0]), .unsupportedType(path: "f", code: 0x07)),
        ([0, 0, 8, 0], .badDimensionCount(path: "f", count: 0)),
        (IDXFixtures.idx(dimensions: [1, 1, 1, 1, 1], data: [0]), .badDimensionCount(path: "f", count: 5)),
        (IDXFixtures.idx(dimensions: [2, 0, 3], data: []), .zeroDimension(path: "f", index: 1)),
        ([0, 0, 8, 3, 0, 0, 0, 2, 0, 0], .truncatedHeader(path: "f", needed: 16, available: 10)),
        (Array(IDXFixtures.small.dropLast()), .sizeMismatch(path: "f", declared: 24, actual: 23)),
        (IDXFixtures.small + [9], .sizeMismatch(path: "f", declared: 24, actual: 25)),
        (IDXFixtures.idx(dimensions: [1 << 16, 1 << 15], data: []), .tooLarge(path: "f", bytes: 1 << 31, limit: 1 << 30)),
        (IDXFixtures.idx(dimensions: [0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF], data: []),
         .tooLarge(path: "f", bytes: Int.max, limit: 1 << 30)),
    ] as [([UInt8], IDXError)])
    func refusesMalformedHeaders(bytes: [UInt8], error: IDXError) {
        #expect(throws: error) { try IDXReader.parse(bytes, path: "f") }
        #expect(throws: error) { try IDXReader.parse(IDXFixtures.storedGzip(bytes), path: "f") }
        #expect(error.description.contains("'f'"))
    }

    @Test func typeErrorNamesTheType() {
        #expect(IDXError.unsupportedType(path: "f", code: 0x0D).description.contains("0x0D (float)"))
        #expect(IDXError.unsupportedType(path: "f", code: 0x0B).description.contains("0x0B (short)"))
    }

    @Test func refusesCorruptGzip() {
        let good = IDXFixtures.smallPythonGzip
        var flippedData = good
        flippedData[20] ^= 0xFF
        var flippedCRC = good
        flippedCRC[good.count - 6] ^= 0x01
        var flippedLength = good
        flippedLength[good.count - 1] ^= 0x01
        let cases: [[UInt8]] = [
            flippedData, flippedCRC, flippedLength,
            Array(good.dropLast(5)), Array(good.prefix(12)), [0x1F, 0x8B],
            good + [0x00, 0x01, 0x02],
        ]
        for bytes in cases {
            #expect {
                try IDXReader.parse(bytes, path: "z.gz")
            } throws: { error in
                guard case let .corruptGzip(path, reason) = error as? IDXError else { return false }
                return path == "z.gz" && !reason.isEmpty
            }
        }
    }

    @Test func gzipOutputLimitIsEnforced() throws {
        let stream = IDXFixtures.storedGzip([UInt8](repeating: 7, count: 1000))
        #expect(throws: Gzip.Failure.tooLarge(limit: 999)) { try Gzip.decompress(stream, limit: 999) }
        #expect(try Gzip.decompress(stream, limit: 1000).count == 1000)
    }

    /// Random truncations and byte flips of valid files: each parse returns a consistent array
    /// or throws, never traps.
    @Test func survivesMutatedInputs() {
        let plain = IDXFixtures.small
        let sources = [plain, IDXFixtures.storedGzip(plain), IDXFixtures.smallPythonGzip]
        for seed in UInt64(0) ..< 3000 {
            var generator = SplitMix64(seed: seed)
            var bytes = sources[Int(seed % 3)]
            for _ in 0 ... generator.uniformInt(below: 3) {
                let position = generator.uniformInt(below: bytes.count)
                bytes[position] = UInt8(truncatingIfNeeded: generator.next())
            }
            if generator.uniformInt(below: 4) == 0 { bytes = Array(bytes.prefix(generator.uniformInt(below: bytes.count + 1))) }
            if let array = try? IDXReader.parse(bytes) {
                #expect(array.bytes.count == array.dimensions.reduce(1, *), "seed \(seed)")
            }
        }
    }
}
