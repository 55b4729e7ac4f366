#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole-file reads without Foundation, with the operating system's reason on failure.
public enum FileBytes {
    /// The path that names standard input where a data file is expected (`--votes -`).
    public static let standardInput = "-"

    /// How `path` is named in messages: `standard input` for `-`, the path otherwise.
    public static func displayName(_ path: String) -> String {
        path == standardInput ? "standard input" : path
    }

    /// The bytes of the data file at `path`, or of standard input when `path` is `-`.
    /// - Throws: `SpecError` at `.file` naming ``displayName(_:)``.
    static func read(input path: String) throws(SpecError) -> [UInt8] {
        path == standardInput
            ? try read(descriptor: STDIN_FILENO, name: displayName(path)) : try read(path: path)
    }

    /// The bytes of the file at `path`.
    /// - Throws: `SpecError` at `.file`, such as `x.toml: cannot read: No such file or directory`.
    /// - Complexity: O(size), one buffer grown geometrically.
    static func read(path: String) throws(SpecError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw failure(path: path) }
        defer { close(fd) }
        return try read(descriptor: fd, name: path)
    }

    /// Every byte left in the open file `fd`; `name` names it in messages.
    private static func read(descriptor fd: Int32, name path: String) throws(SpecError) -> [UInt8] {
        var bytes = [UInt8]()
        var chunk = 1 << 16
        while true {
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: chunk))
            let got = bytes.withUnsafeMutableBytes { buffer in
                systemRead(fd, buffer.baseAddress! + start, chunk)
            }
            if got < 0 {
                if errno == EINTR {
                    bytes.removeLast(chunk)
                    continue
                }
                throw failure(path: path)
            }
            bytes.removeLast(chunk - got)
            if got == 0 { break }
            chunk = min(chunk * 2, 1 << 24)
        }
        return bytes
    }

    private static func failure(path: String) -> SpecError {
        let reason = String(cString: strerror(errno))
        return SpecError(file: path, location: .file, reason: "cannot read the file: \(reason)")
    }
}

/// `read(2)`, named apart from `FileBytes.read`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
