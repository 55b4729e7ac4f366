import Foundation

extension EVMHost {
    /// The host script, relative to the repository root.
    public static let script = "contracts/evm_host.py"

    /// The repository root: the first directory, walking up from the current directory and then
    /// from the running executable's directory, that holds `contracts/evm_host.py`.
    /// - Throws: `EVMError.noRepository` naming where it looked.
    public static func locateRoot() throws(EVMError) -> URL {
        let fm = FileManager.default
        var starts = [URL(fileURLWithPath: fm.currentDirectoryPath)]
        if let exe = Bundle.main.executableURL { starts.append(exe.resolvingSymlinksInPath().deletingLastPathComponent()) }
        starts.append(URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.deletingLastPathComponent())
        for start in starts {
            var dir = start.standardizedFileURL
            while true {
                if fm.fileExists(atPath: dir.appendingPathComponent(script).path) { return dir }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        var searched: [String] = []
        for start in starts where !searched.contains(start.standardizedFileURL.path) {
            searched.append(start.standardizedFileURL.path)
        }
        throw .noRepository(searched: searched)
    }

    /// The Python that runs the host: `$SERUMCHECK_PYTHON`, else `<root>/.venv/bin/python`.
    /// - Throws: `EVMError.setupMissing` when it does not exist.
    static func python(root: URL) throws(EVMError) -> String {
        if let given = ProcessInfo.processInfo.environment["SERUMCHECK_PYTHON"], !given.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: given) else {
                throw .setupMissing("the Python named by SERUMCHECK_PYTHON (\(given))")
            }
            return given
        }
        let venv = root.appendingPathComponent(".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: venv) else {
            throw .setupMissing("the project's virtual environment (\(venv), with vyper and titanoboa)")
        }
        return venv
    }

    /// A missing Python package named in the child's standard error, as a setup error.
    static func missingPackage(in stderr: String, python: String) -> EVMError? {
        for (module, package) in [("boa", "titanoboa"), ("vyper", "vyper"), ("eth", "py-evm")]
        where stderr.contains("No module named '\(module)") {
            return .setupMissing("\(package) (Python module `\(module)` for \(python))")
        }
        return nil
    }
}
