import KZG

/// Where `prove` and `vk` get their SRS: a ceremony `.ptau` file, our `.srs`
/// format, or — when none is given — an insecure development SRS made on the
/// spot from a fixed seed (so keys are reproducible), announced on stderr.
enum SRSSource {
    /// An SRS with at least `powers` G1 powers.
    static func load(path: String?, powers: Int) throws(CLIError) -> SRS {
        let srs: SRS
        if let path {
            do {
                if path.hasSuffix(".ptau") {
                    let header = try SRS.ptauHeader(SRS.readFile(path))
                    guard header.tauG1Count >= powers else {
                        throw CLIError("\(path): \(header.tauG1Count) G1 powers, the circuit needs \(powers): use a larger ceremony file")
                    }
                    srs = try SRS.importPtau(path: path, maxPowers: powers, check: true)
                } else {
                    srs = try SRS.load(from: path, check: false)
                }
            } catch let error as CLIError {
                throw error
            } catch {
                throw CLIError("\(path): \(error)")
            }
            guard srs.g1Powers.count >= powers else {
                throw CLIError("\(path): \(srs.g1Powers.count) G1 powers, the circuit needs \(powers)")
            }
        } else {
            var power = 0
            while (1 << power) < powers { power += 1 }
            srs = SRS.insecureDev(power: power, seed: 0)
        }
        if srs.isInsecure { printError(SRS.insecureWarning) }
        return srs
    }
}
