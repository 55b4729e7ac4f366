import Foundation
import Messages

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The checks every command runs on its output paths before it starts any work, so that a
/// path that cannot be written is refused in a second (exit 2), not after minutes of proving,
/// training or fuzzing, and no partial output is left behind.
extension OutputFile {
    /// Refuses a file path that ``write(_:to:)`` could not write: a directory (or a name ending
    /// in `/`), a directory that does not exist or is not a directory, a directory that is not
    /// writable, a loop of symbolic links, a special file that is not writable. `-` and `nil`
    /// pass.
    /// - Parameters:
    ///   - option: the option that gave the path (`--json`), for the message.
    ///   - creatingDirectories: the file's directory is created on writing (fuzz
    ///     counterexamples): it only has to be creatable (``checkDirectory(_:option:)``).
    /// - Throws: `CommandFailure` (exit 2) naming the option and the path.
    static func checkFile(_ path: String?, option: String, creatingDirectories: Bool = false) throws {
        guard let path, path != "-" else { return }
        let shown = "\(option) \(Echo.path(path))"
        if path.hasSuffix("/") { throw CommandFailure(message: "\(shown): names a directory, not a file") }
        if let fd = descriptor(named: path) {
            guard fcntl(fd, F_GETFL) >= 0 else { throw failure(shown, "is not an open descriptor") }
            return
        }
        if creatingDirectories {
            try checkDirectory(split(path).directory, option: option)
        }
        // The directory as given, then (through any symbolic link) the one written into.
        var status = stat()
        let target = try resolve(path)
        for directory in [split(path).directory, split(target).directory] {
            if stat(directory, &status) != 0 {
                if creatingDirectories && errno == ENOENT { return }
                throw CommandFailure(message: "\(shown): the directory \(Echo.path(directory)) does not exist")
            }
            guard status.st_mode & S_IFMT == S_IFDIR else {
                throw CommandFailure(message: "\(shown): \(Echo.path(directory)) is not a directory")
            }
        }
        let directory = split(target).directory
        if stat(target, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                throw CommandFailure(message: "\(shown): is a directory")
            case S_IFREG:
                break
            default:
                guard access(target, W_OK) == 0 else { throw failure(shown, "cannot write") }
                return
            }
        }
        guard access(directory, W_OK | X_OK) == 0 else {
            throw failure(shown, "cannot write into \(Echo.path(directory))")
        }
    }

    /// Refuses an output directory that could not be created or written into: the path or one
    /// of its parents is a file, or the nearest existing directory is not writable. `nil`
    /// passes; the directory itself need not exist yet.
    /// - Parameter option: the option that gave the directory (`--out`), for the message.
    /// - Throws: `CommandFailure` (exit 2) naming the option and the directory.
    static func checkDirectory(_ path: String?, option: String) throws {
        guard let path else { return }
        let shown = "\(option) \(Echo.path(path))"
        var current = path
        while current.count > 1 && current.hasSuffix("/") { current.removeLast() }
        while true {
            var status = stat()
            if stat(current, &status) == 0 {
                guard status.st_mode & S_IFMT == S_IFDIR else {
                    throw CommandFailure(message: current == path || current + "/" == path
                        ? "\(shown): is not a directory" : "\(shown): \(Echo.path(current)) is not a directory")
                }
                guard access(current, W_OK | X_OK) == 0 else {
                    throw failure(shown, "cannot write into \(Echo.path(current))")
                }
                return
            }
            guard errno == ENOENT || errno == ENOTDIR else { throw failure(shown, "cannot use the directory") }
            let parent = split(current).directory
            if parent == current { return }
            current = parent
        }
    }

    /// Whether `path` is the file standard output goes to (`-`, `/dev/stdout`, or the file
    /// standard output is redirected to): then the human summary goes to standard error.
    static func isStandardOutput(_ path: String?) -> Bool {
        guard let path else { return false }
        if path == "-" || descriptor(named: path) == STDOUT_FILENO { return true }
        var out = stat(), file = stat()
        guard fstat(STDOUT_FILENO, &out) == 0, stat(path, &file) == 0 else { return false }
        return out.st_dev == file.st_dev && out.st_ino == file.st_ino
    }
}
