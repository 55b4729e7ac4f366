import Reporting

extension VerifyReport {
    /// Writes the SMT-LIB2 queries of every property Z3 was asked about, each file whole or
    /// not at all.
    func writeSMT2(into directory: String) throws {
        for spec in specs {
            for p in spec.properties {
                guard let smt2 = p.smt2 else { continue }
                let path = Self.smt2Path(in: directory, spec: spec.name, property: p.entry.id)
                try OutputFile.writeText(smt2, to: path, createDirectories: true)
            }
        }
    }
}
