import BN254
import Foundation
import KZG
import Testing
import TestSupport

/// The insecure development SRS and our binary format.
@Suite struct DevSRSTests {
    @Test func powersAreScalarMultiplesOfTheGenerator() throws {
        let tau = Fr(123_456_789) * Fr(987_654_321) + Fr(42)
        let srs = SRS.insecureDev(count: 40, tau: tau)
        #expect(srs.isInsecure)
        var t = Fr.one
        for i in 0..<40 {
            #expect(G1Projective(srs.g1Powers[i]) == G1Projective.generator.multiplied(by: t), "power \(i)")
            t = t * tau
        }
        #expect(srs.g2Tau == G2Projective(G2Affine.generator).multiplied(by: tau).toAffine())
        var rng = SeededRNG(seed: 3)
        try srs.verify(using: &rng)
    }

    @Test func seededSRSIsDeterministicAndPassesTheCheck() throws {
        let a = SRS.insecureDev(power: 8, seed: 7)
        let b = SRS.insecureDev(power: 8, seed: 7)
        let c = SRS.insecureDev(power: 8, seed: 8)
        #expect(a.g1Powers.count == 256)
        #expect(a.g1Powers == b.g1Powers)
        #expect(a.g1Powers[1] != c.g1Powers[1])
        var rng = SeededRNG(seed: 4)
        try a.verify(using: &rng)
    }

    @Test func roundTripThroughFile() throws {
        let srs = SRS.insecureDev(power: 6, seed: 11)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dev-\(UUID().uuidString).srs").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try srs.write(to: path)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        #expect(size == 280 + 64 * 64)
        let loaded = try SRS.load(from: path, check: true)
        #expect(loaded.isInsecure)
        #expect(loaded.g1Powers == srs.g1Powers)
        #expect(loaded.g2Generator == srs.g2Generator)
        #expect(loaded.g2Tau == srs.g2Tau)
    }

    func loadError(_ bytes: [UInt8], check: Bool = false) -> SRSError? {
        do { _ = try SRS.load(Data(bytes), check: check); return nil } catch { return error }
    }

    @Test func corruptedFilesAreRejected() throws {
        let good = SRS.insecureDev(power: 4, seed: 5).fileBytes()
        var b = good
        b[0] = 0
        #expect(loadError(b) == .badMagic(expected: "zsrs", found: [0] + Array("srs".utf8)))
        b = good; b[4] = 2
        #expect(loadError(b) == .unsupportedVersion(format: "zsrs", version: 2))
        b = good; b[8] = 3
        #expect(loadError(b) == .badHeader("unknown flags 0x3"))
        let full = UInt64(280 + 16 * 64)
        let expected = SRSError.truncated(what: "G1 powers", needed: full, available: full - 1)
        #expect(loadError(Array(good.dropLast(1))) == expected)
        #expect(loadError(good + [0]) == .badHeader("1 trailing bytes after 16 powers"))
        b = good; b[280 + 64 * 3 + 1] ^= 1
        #expect(loadError(b) == .pointNotOnCurve(section: "tauG1", index: 3))
        b = good; b[152 + 7] ^= 1
        #expect(loadError(b) == .pointNotOnCurve(section: "tauG2", index: 1))
        // Swapped powers pass the per-point checks but not the pairing check.
        b = good
        for k in 0..<64 { b.swapAt(280 + 64 * 5 + k, 280 + 64 * 9 + k) }
        #expect(loadError(b) == nil)
        #expect(loadError(b, check: true) == .powersInconsistent(count: 16))
        // The insecure flag survives; clearing it is possible only by editing the file.
        #expect(try SRS.load(Data(good)).isInsecure)
    }

    @Test func wrongSubgroupG2IsRejected() throws {
        // A twist point outside G2: x = 1 + u·0 … search for the first x with a square y² = x³ + b′.
        var x = Fq2(c0: Fq(1), c1: Fq(1))
        var point: G2Affine?
        while point == nil {
            if let y = (x.square() * x + G2Affine.b).sqrt() { point = G2Affine(x: x, y: y) }
            x = x + Fq2.one
        }
        guard let q = point, !q.isInSubgroup else { Issue.record("found point is in G2"); return }
        let dev = SRS.insecureDev(power: 2, seed: 1)
        let bad = SRS(g1Powers: dev.g1Powers, g2Generator: dev.g2Generator, g2Tau: q, isInsecure: true)
        #expect(throws: SRSError.pointNotInSubgroup(section: "tauG2", index: 1)) { try bad.verify() }
        #expect(throws: SRSError.self) { try SRS.load(Data(bad.fileBytes())) }
    }
}
