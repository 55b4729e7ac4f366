import Foundation
import Messages

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a command's output files whole or not at all, wherever the path leads.
///
/// Every file serumcheck writes (`--json` of every command, fuzz counterexamples and corpus
/// entries, merge output, `--emit-smt2` queries) goes through ``write(_:to:)``:
///
/// - `-` is standard output; `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N`
///   are the process's open descriptors, written as the shell set them up (a `>>` appends).
/// - The path is resolved first: symbolic links are followed (however many, dangling or not)
///   and the directory is made real, so the write lands on the link's target.
/// - A regular file (or a new path) is written to a temporary file in that real directory and
///   renamed over the target: a reader sees the old file or the whole new one, never a mix of
///   both (a symbolic link to a longer file is not left with the old file's tail). An existing
///   file keeps its permissions; on failure the temporary file is removed.
/// - Anything else that already exists and is not a regular file (`/dev/stdout`, a FIFO) is
///   written in place: renaming over it would replace the device node or pipe itself.
///
/// The checks a command runs before any work are in `OutputFile+Check.swift`.
enum OutputFile {
    static func write(_ data: Data, to path: String) throws {
        if path == "-" {
            FileHandle.standardOutput.write(data)
            return
        }
        if let fd = descriptor(named: path) {
            try writeAll(data, to: fd, named: path)
            return
        }
        let target = try resolve(path)
        var status = stat()
        var mode = mode_t(0o666) & ~currentUmask()
        if stat(target, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                throw CommandFailure(message: "\(Echo.path(path)): is a directory")
            case S_IFREG:
                mode = status.st_mode & 0o7777
            default:
                try writeInPlace(data, to: target, named: path)
                return
            }
        }
        try replace(target, with: data, mode: mode, named: path)
    }

    /// Writes `data` to a temporary file beside `target` and renames it over `target`.
    private static func replace(_ target: String, with data: Data, mode: mode_t, named path: String) throws {
        let (directory, name) = split(target)
        var template = Array("\(directory)/.\(name).XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw failure(Echo.path(path), "cannot create a temporary file in \(Echo.path(directory))")
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer {
            if !renamed { unlink(temporary) }
        }
        do {
            defer { close(fd) }
            try writeAll(data, to: fd, named: path)
            guard fchmod(fd, mode) == 0, fsync(fd) == 0 else { throw failure(Echo.path(path), "cannot write") }
        }
        guard rename(temporary, target) == 0 else { throw failure(Echo.path(path), "cannot write") }
        renamed = true
    }

    /// Writes into an existing special file (a FIFO, a terminal, `/dev/stdout`).
    private static func writeInPlace(_ data: Data, to target: String, named path: String) throws {
        let fd = open(target, O_WRONLY)
        guard fd >= 0 else { throw failure(Echo.path(path), "cannot write") }
        defer { close(fd) }
        try writeAll(data, to: fd, named: path)
    }

    private static func writeAll(_ data: Data, to fd: Int32, named path: String) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw failure(Echo.path(path), "cannot write")
                }
                offset += written
            }
        }
    }

    /// The open descriptor a path such as `/dev/stdout` or `/proc/self/fd/3` names, or `nil`.
    static func descriptor(named path: String) -> Int32? {
        switch path {
        case "/dev/stdin": return STDIN_FILENO
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }

    /// `path` with every symbolic link followed and its directory made real (`realpath`); a
    /// path whose directory does not exist comes back as it is, for the caller to report.
    /// - Throws: `CommandFailure` for a loop of links.
    static func resolve(_ path: String) throws -> String {
        var current = path
        for _ in 0 ..< 40 {
            var status = stat()
            if lstat(current, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK {
                var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                let count = readlink(current, &buffer, buffer.count - 1)
                guard count >= 0 else { throw failure(Echo.path(path), "cannot follow the symbolic link") }
                let link = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                current = link.hasPrefix("/") ? link : "\(split(current).directory)/\(link)"
                continue
            }
            let (directory, name) = split(current)
            guard let real = realpath(directory, nil) else { return current }
            defer { free(real) }
            let base = String(cString: real)
            return base == "/" ? "/\(name)" : "\(base)/\(name)"
        }
        throw CommandFailure(message: "\(Echo.path(path)): too many levels of symbolic links")
    }

    /// The directory (`.` for a bare name) and the last component of `path`.
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }

    /// The process's file-creation mask (read by setting it and setting it back).
    private static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }

    /// A failure naming `shown` (a path as ``Echo/path(_:limit:)`` shows it, perhaps after
    /// its option), what went wrong and the operating system's reason.
    static func failure(_ shown: String, _ what: String) -> CommandFailure {
        CommandFailure(message: "\(shown): \(what): \(String(cString: strerror(errno)))")
    }
}

/// `write(2)`, named apart from `OutputFile.write`.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
