import Foundation
import Synchronization

/// The long-lived `python contracts/evm_host.py` child process and its JSON-lines protocol
/// (contracts/README.md, "Host protocol"): one JSON object per line on its standard input, one
/// reply per line on its standard output.
///
/// One host per thread: requests are answered in order and the object is not shared. The
/// child's standard error is collected and shown when it fails; `deinit` asks it to quit and
/// terminates it.
public final class EVMHost {
    /// The repository root (the directory holding `contracts/evm_host.py`).
    public let root: URL
    /// The Python interpreter running the host.
    public let python: String
    private let process: Process
    private let input: FileHandle
    private let output: FileHandle
    private var buffer = Data()
    private let errors: ErrorLog
    /// Contracts compiled so far: path to mechanism.
    private var loaded: [String: String] = [:]
    /// The contract the host deploys for each mechanism (the last one loaded).
    private var current: [String: String] = [:]
    /// Requests answered (deploys and transactions).
    public private(set) var requests = 0

    /// Starts the host of the repository found from the current directory or the executable.
    /// - Parameter root: the repository root, or `nil` to locate it (`EVMHost.locateRoot()`).
    /// - Throws: `EVMError.noRepository`, `.setupMissing` (no venv, vyper or titanoboa), `.host`.
    public init(root given: URL? = nil) throws(EVMError) {
        let root: URL
        if let given { root = given } else { root = try Self.locateRoot() }
        let python = try Self.python(root: root)
        self.root = root
        self.python = python
        // A write to a host that died must be an error, not the end of this process.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [root.appendingPathComponent("contracts/evm_host.py").path]
        process.currentDirectoryURL = root
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let errors = ErrorLog()
        stderr.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            if !chunk.isEmpty { errors.append(chunk) }
        }
        do { try process.run() } catch {
            throw .host("cannot start \(python): \(error.localizedDescription)", stderr: "")
        }
        self.process = process
        self.input = stdin.fileHandleForWriting
        self.output = stdout.fileHandleForReading
        self.errors = errors
    }

    deinit {
        if process.isRunning {
            try? input.write(contentsOf: Data("{\"op\": \"quit\"}\n".utf8))
            try? input.close()
            let deadline = Date().addingTimeInterval(2)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            if process.isRunning { process.terminate() }
        }
    }

    /// Compiles the contract at `path` (the host compiles each path once) and makes it the one
    /// deployed for its mechanism; returns the mechanism (`"ptsfd"` or `"consensus"`, the
    /// `mechanism()` view).
    /// - Throws: `EVMError.refused` when it does not compile, `.host` when the host fails.
    @discardableResult
    public func load(_ path: String) throws(EVMError) -> String {
        if let known = loaded[path], current[known] == path { return known }
        let reply = try request(["op": .text("load"), "path": .text(path)])
        guard reply["ok"] == .bool(true) else {
            throw .refused("load \(path): \(reply["reason"]?.description ?? reply["error"]?.description ?? reply.description)")
        }
        guard case .text(let mechanism)? = reply["mechanism"] else {
            throw .host("load \(path): the reply names no mechanism: \(reply)", stderr: errors.text)
        }
        loaded[path] = mechanism
        current[mechanism] = path
        return mechanism
    }

    /// Sends one request and returns the decoded reply.
    /// - Throws: `EVMError.host` when the child died or replied with something that is not JSON,
    ///   or a reply with an `error` key (the host's own failure, not a revert).
    public func request(_ message: [String: EVMValue]) throws(EVMError) -> EVMValue {
        let line: Data
        do { line = try JSONEncoder().encode(EVMValue.object(message)) } catch {
            throw .host("cannot encode a request: \(error)", stderr: "")
        }
        do {
            try input.write(contentsOf: line + Data("\n".utf8))
        } catch {
            let stderr = waitForErrors()
            throw Self.missingPackage(in: stderr, python: python)
                ?? .host("the host is not running (\(error.localizedDescription))", stderr: stderr)
        }
        guard let replyLine = readLine() else {
            let stderr = waitForErrors()
            throw Self.missingPackage(in: stderr, python: python)
                ?? .host("the host stopped without replying", stderr: stderr)
        }
        let reply: EVMValue
        do { reply = try JSONDecoder().decode(EVMValue.self, from: replyLine) } catch {
            throw .host("a reply that is not JSON: \(String(decoding: replyLine.prefix(500), as: UTF8.self))", stderr: errors.text)
        }
        if case .text(let problem)? = reply["error"] {
            throw .host("\(message["op"]?.description ?? "request"): \(problem)", stderr: errors.text)
        }
        requests += 1
        return reply
    }

    /// The next line of the child's standard output, or `nil` at its end.
    private func readLine() -> Data? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[buffer.startIndex ..< newline]
                buffer = Data(buffer[(newline + 1)...])
                return Data(line)
            }
            let chunk = output.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }

    /// The child's standard error once it has exited (waiting a moment for it to finish).
    private func waitForErrors() -> String {
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        usleep(50_000)
        return errors.text
    }
}

/// The child's standard error, appended from the pipe's reading thread.
final class ErrorLog: Sendable {
    private let data = Mutex(Data())

    func append(_ chunk: Data) {
        data.withLock { $0.append(chunk) }
    }

    /// The collected text, the last 4,000 characters at most.
    var text: String {
        let all = data.withLock { String(decoding: $0, as: UTF8.self) }
        return all.count > 4_000 ? "..." + all.suffix(4_000) : all
    }
}
