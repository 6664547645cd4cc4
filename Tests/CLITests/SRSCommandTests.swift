import Foundation
import Testing
import TestSupport

/// `zkrollup srs …` through the built executable.
@Suite struct SRSCommandTests {
    static let fixture = Fixtures.url("../shared/fixtures/srs/pot12_snarkjs.ptau")

    func temp(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)").path
    }

    @Test func importsTheFixture() throws {
        let out = temp("pot12.srs")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try CLI.run(["srs", "import", Self.fixture.path, "--out", out, "--max-power", "10"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("power: 12 (ceremony power 12)"))
        #expect(r.stdout.contains("powers: 1024 G1 (file holds 8191), 2 G2"))
        #expect(r.stdout.contains("check: passed"))
        #expect(!r.stderr.contains("INSECURE"))
        let info = try CLI.run(["srs", "info", out, "--check"])
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("powers: 1024 G1"))
        #expect(info.stdout.contains("insecure: false"))
    }

    @Test func rejectsACorruptedCopy() throws {
        var b = [UInt8](try Data(contentsOf: Self.fixture))
        b[80 + 64 * 5 + 3] ^= 0x10   // tauG1[5].x
        let path = temp("bad.ptau")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(b).write(to: URL(fileURLWithPath: path))
        let r = try CLI.run(["srs", "import", path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("tauG1[5]: point is not on the curve"), "\(r.stderr)")
        b = [UInt8](try Data(contentsOf: Self.fixture))
        b[1] = UInt8(ascii: "x")
        try Data(b).write(to: URL(fileURLWithPath: path))
        let magic = try CLI.run(["srs", "import", path])
        #expect(magic.status == 1)
        #expect(magic.stderr.contains("bad magic: expected \"ptau\", found \"pxau\""), "\(magic.stderr)")
        b[1] = UInt8(ascii: "t")
        try Data(b[0..<700_000]).write(to: URL(fileURLWithPath: path))
        let truncated = try CLI.run(["srs", "import", path])
        #expect(truncated.status == 1)
        #expect(truncated.stderr.contains("file truncated in section 3 (tauG2)"), "\(truncated.stderr)")
        let missing = try CLI.run(["srs", "import", temp("absent.ptau")])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot read"))
    }

    @Test func devSRSWarnsOnMakeAndLoad() throws {
        let out = temp("dev.srs")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try CLI.run(["srs", "dev", "--power", "5", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("INSECURE"))
        #expect(r.stdout.contains("powers: 32 G1"))
        let info = try CLI.run(["srs", "info", out, "--check"])
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stderr.contains("INSECURE"))
        #expect(info.stdout.contains("insecure: true"))
    }
}
