import BN254
import Foundation
import KZG
import Testing
import TestSupport

/// The snarkjs fixture (power 12, one contribution) and corrupted copies of it.
@Suite struct PtauImportTests {
    static let fixture = "../shared/fixtures/srs/pot12_snarkjs.ptau"
    /// Byte offsets in the fixture: 12-byte file header, section 1 (12 + 44),
    /// then section 2's 12-byte header.
    static let headerBody = 12 + 12
    static let tauG1Body = 12 + 12 + 44 + 12
    static let tauG2Body = tauG1Body + 8191 * 64 + 12

    static func bytes() throws -> [UInt8] { [UInt8](try Fixtures.data(fixture)) }

    func importError(_ bytes: [UInt8], maxPowers: Int? = nil) -> SRSError? {
        do {
            _ = try SRS.importPtau(Data(bytes), maxPowers: maxPowers)
            return nil
        } catch {
            return error
        }
    }

    @Test func headerFacts() throws {
        let header = try SRS.ptauHeader(Fixtures.data(Self.fixture))
        #expect(header.version == 1)
        #expect(header.power == 12)
        #expect(header.ceremonyPower == 12)
        #expect(header.tauG1Count == 8191)
        #expect(header.tauG2Count == 4096)
        #expect(header.sectionIDs == [1, 2, 3, 4, 5, 6, 7])
    }

    @Test func importsAndPassesTheCheck() throws {
        var rng = SeededRNG(seed: 1)
        let srs = try SRS.importPtau(path: Fixtures.url(Self.fixture).path, check: false)
        try srs.verify(using: &rng)
        #expect(srs.g1Powers.count == 4096)
        #expect(!srs.isInsecure)
        #expect(srs.g1Powers[0] == .generator)
        #expect(srs.g2Generator == .generator)
        // The pairing relations py_ecc confirmed (fixtures/srs/README.md).
        let g1 = srs.g1Powers
        #expect(Pairing.pairing(g1[1], .generator) == Pairing.pairing(.generator, srs.g2Tau))
        #expect(Pairing.pairing(g1[2], .generator) == Pairing.pairing(g1[1], srs.g2Tau))
        #expect(Pairing.pairing(g1[2], .generator) != Pairing.pairing(g1[3], .generator))
        // The coordinates are decoded from Montgomery form: [τ]₁ ≠ its raw limbs read as canonical.
        let raw = try Self.bytes()
        let rawLimbs = (0..<4).map { k in (0..<8).reduce(UInt64(0)) { $0 | UInt64(raw[Self.tauG1Body + 64 + 8 * k + $1]) << (8 * UInt64($1)) } }
        #expect(g1[1].x.montgomeryLimbs == (rawLimbs[0], rawLimbs[1], rawLimbs[2], rawLimbs[3]))
    }

    @Test func maxPowers() throws {
        let data = try Fixtures.data(Self.fixture)
        let small = try SRS.importPtau(data, maxPowers: 16)
        #expect(small.g1Powers.count == 16)
        let all = try SRS.importPtau(data, maxPowers: 8191)
        #expect(all.g1Powers.count == 8191)
        #expect(importError([UInt8](data), maxPowers: 8192) == .tooFewPowers(requested: 8192, available: 8191))
        #expect(importError([UInt8](data), maxPowers: 0) == .tooFewPowers(requested: 0, available: 8191))
    }

    @Test func flippedByteInG1Point() throws {
        var b = try Self.bytes()
        b[Self.tauG1Body + 64 * 5 + 3] ^= 0x10
        #expect(importError(b) == .pointNotOnCurve(section: "tauG1", index: 5))
    }

    @Test func coordinateOutOfField() throws {
        var b = try Self.bytes()
        for k in 0..<32 { b[Self.tauG1Body + 64 * 9 + 32 + k] = 0xff }
        #expect(importError(b) == .coordinateNotInField(section: "tauG1", index: 9))
    }

    @Test func corruptedG2Tau() throws {
        var b = try Self.bytes()
        b[Self.tauG2Body + 128 + 40] ^= 0x01
        #expect(importError(b) == .pointNotOnCurve(section: "tauG2", index: 1))
    }

    @Test func truncatedFile() throws {
        let b = try Self.bytes()
        let error = importError(Array(b[0..<600_000]))
        #expect(error == .truncated(what: "section 3 (tauG2)", needed: UInt64(Self.tauG2Body + 4096 * 128), available: 600_000))
        #expect(importError(Array(b[0..<8])) == .truncated(what: "file header", needed: 12, available: 8))
        #expect(importError(Array(b[0..<30])) == .truncated(what: "section 1 (header)", needed: 68, available: 30))
        #expect(importError(Array(b[0..<70])) == .truncated(what: "section header #2", needed: 80, available: 70))
    }

    @Test func wrongMagic() throws {
        var b = try Self.bytes()
        b[0] = UInt8(ascii: "z")
        #expect(importError(b) == .badMagic(expected: "ptau", found: Array("ztau".utf8)))
    }

    @Test func wrongCurve() throws {
        var b = try Self.bytes()
        b[Self.headerBody + 4] ^= 0x02   // lowest byte of q
        guard case .wrongCurve(32, _)? = importError(b) else {
            Issue.record("expected wrongCurve")
            return
        }
    }

    @Test func swappedPowers() throws {
        var b = try Self.bytes()
        let i = Self.tauG1Body + 64 * 7, j = Self.tauG1Body + 64 * 100
        for k in 0..<64 { b.swapAt(i + k, j + k) }
        #expect(importError(b) == .powersInconsistent(count: 4096))
        // Points stay individually valid: with the check off the import succeeds.
        #expect(throws: Never.self) { try SRS.importPtau(Data(b), check: false) }
    }

    @Test func swappedFirstPowerBreaksTauRelation() throws {
        var b = try Self.bytes()
        let i = Self.tauG1Body + 64 * 1, j = Self.tauG1Body + 64 * 2
        for k in 0..<64 { b.swapAt(i + k, j + k) }
        #expect(importError(b) == .tauMismatch)
    }

    @Test func replacedGenerator() throws {
        var b = try Self.bytes()
        for k in 0..<64 { b[Self.tauG1Body + k] = b[Self.tauG1Body + 64 + k] }
        #expect(importError(b) == .notGenerator(section: "tauG1"))
    }

    @Test func importedSRSRoundTripsThroughOurFormat() throws {
        let srs = try SRS.importPtau(Fixtures.data(Self.fixture), maxPowers: 256)
        let loaded = try SRS.load(Data(srs.fileBytes()), check: true)
        #expect(loaded.g1Powers == srs.g1Powers)
        #expect(loaded.g2Tau == srs.g2Tau)
        #expect(!loaded.isInsecure)
    }
}
