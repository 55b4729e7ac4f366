/// Where a file stops being UTF-8 text: the first byte that is not part of valid UTF-8, with
/// its line, column and byte offset, for messages such as
/// `spec.toml: is not UTF-8 text: byte 0xE9 at line 6, column 22 (byte offset 117)`.
public struct InvalidUTF8: Equatable, Sendable, CustomStringConvertible {
    /// The offending byte.
    public var byte: UInt8
    /// Its 0-based offset in the file.
    public var offset: Int
    /// Its 1-based line (lines end at `\n`).
    public var line: Int
    /// Its 1-based column, counted in characters (Unicode scalars) from the start of the line.
    public var column: Int

    public init(byte: UInt8, offset: Int, line: Int, column: Int) {
        self.byte = byte
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// The first byte of `bytes` that is not valid UTF-8, or `nil` when all of it is.
    /// - Complexity: O(n).
    public static func find(in bytes: some Collection<UInt8>) -> InvalidUTF8? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0, line = 1, column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
                if encoded.count == 1 && encoded.first == UInt8(ascii: "\n") {
                    (line, column) = (line + 1, 1)
                } else {
                    column += 1
                }
            case .error:
                let byte = bytes[bytes.index(bytes.startIndex, offsetBy: offset)]
                return InvalidUTF8(byte: byte, offset: offset, line: line, column: column)
            case .emptyInput:
                return nil
            }
        }
    }

    /// `byte 0xE9 at line 6, column 22 (byte offset 117)`.
    public var description: String {
        "byte 0x\(Echo.hex(byte)) at line \(line), column \(column) (byte offset \(offset))"
    }
}
