import BN254
import EVM
import Testing
import TestSupport

/// Signing, recovery and the EIP-2 / range checks of the libsecp256k1 wrapper, against published vectors.
@Suite struct Secp256k1Tests {
    static func bytes(_ hex: String) -> [UInt8] { Fixtures.hexBytes(hex)! }
    static func scalar(decimal: String) -> [UInt8] { BigNumber(decimal)!.bigEndianBytes(width: 32) }

    /// EIP-155's worked example: key 0x4646…46, signing hash daf5…8e53, v = 37 (recovery id 0).
    static let eip155Key = [UInt8](repeating: 0x46, count: 32)
    static let eip155Hash = bytes("daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53")
    static let eip155R = scalar(decimal: "18515461264373351373200002665853028612451056578545711640558177340181847433846")
    static let eip155S = scalar(decimal: "46948507304638947509940763649030358759909902576025900602547168820602576006531")

    @Test func addressesOfKnownKeys() throws {
        var one = [UInt8](repeating: 0, count: 32); one[31] = 1
        #expect(Fixtures.hex(try Secp256k1.address(privateKey: one)) == "7e5f4552091a69125d5dfcb7b8c2659029395bdf")
        #expect(Fixtures.hex(try Secp256k1.address(privateKey: Self.eip155Key)) == "9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f")
        #expect(throws: Secp256k1Error.invalidPrivateKey) { try Secp256k1.publicKey(privateKey: [UInt8](repeating: 0, count: 32)) }
        #expect(throws: Secp256k1Error.invalidPrivateKey) { try Secp256k1.publicKey(privateKey: Secp256k1.order) }
        #expect(throws: Secp256k1Error.wrongLength(expected: 32, got: 31)) { try Secp256k1.publicKey(privateKey: [UInt8](repeating: 1, count: 31)) }
    }

    @Test func signIsRFC6979AndMatchesEIP155Example() throws {
        let sig = try Secp256k1.sign(hash: Self.eip155Hash, privateKey: Self.eip155Key)
        #expect(sig.r == Self.eip155R && sig.s == Self.eip155S && sig.v == 0)
        let address = try Secp256k1.recoverAddress(hash: Self.eip155Hash, r: sig.r, s: sig.s, recoveryId: sig.v, requireLowS: true)
        #expect(Fixtures.hex(address) == "9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f")
    }

    @Test func seededSignRecoverRoundTripsWithLowS() throws {
        var rng = SeededRNG(seed: 0x256)
        for _ in 0..<50 {
            let key = (0..<32).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let hash = (0..<32).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let sig = try Secp256k1.sign(hash: hash, privateKey: key)
            #expect(Secp256k1.isLowS(sig.s))
            #expect(try Secp256k1.recoverPublicKey(hash: hash, r: sig.r, s: sig.s, recoveryId: sig.v, requireLowS: true)
                == Secp256k1.publicKey(privateKey: key))
            // The other recovery id gives a different key (or none).
            let other = try? Secp256k1.recoverAddress(hash: hash, r: sig.r, s: sig.s, recoveryId: 1 - sig.v)
            #expect(try other != Secp256k1.address(privateKey: key))
        }
    }

    @Test func highSIsRejectedOnlyWhenRequired() throws {
        // (r, n − s, 1 − v) is the same signature in high-s form.
        let n = BigNumber(bigEndianBytes: Secp256k1.order)
        let highS = (n - BigNumber(bigEndianBytes: Self.eip155S)).bigEndianBytes(width: 32)
        #expect(!Secp256k1.isLowS(highS))
        #expect(throws: Secp256k1Error.highS) {
            try Secp256k1.recoverAddress(hash: Self.eip155Hash, r: Self.eip155R, s: highS, recoveryId: 1, requireLowS: true)
        }
        let address = try Secp256k1.recoverAddress(hash: Self.eip155Hash, r: Self.eip155R, s: highS, recoveryId: 1)
        #expect(Fixtures.hex(address) == "9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f")
        #expect(Secp256k1.isLowS(Secp256k1.halfOrder))
        let halfPlusOne = (BigNumber(bigEndianBytes: Secp256k1.halfOrder) + BigNumber("1")!).bigEndianBytes(width: 32)
        #expect(!Secp256k1.isLowS(halfPlusOne))
    }

    @Test func outOfRangeValuesAreRejected() {
        let zero = [UInt8](repeating: 0, count: 32)
        let h = Self.eip155Hash, r = Self.eip155R, s = Self.eip155S
        #expect(throws: Secp256k1Error.scalarOutOfRange) { try Secp256k1.recoverAddress(hash: h, r: zero, s: s, recoveryId: 0) }
        #expect(throws: Secp256k1Error.scalarOutOfRange) { try Secp256k1.recoverAddress(hash: h, r: r, s: zero, recoveryId: 0) }
        #expect(throws: Secp256k1Error.scalarOutOfRange) { try Secp256k1.recoverAddress(hash: h, r: Secp256k1.order, s: s, recoveryId: 0) }
        #expect(throws: Secp256k1Error.scalarOutOfRange) { try Secp256k1.recoverAddress(hash: h, r: r, s: Secp256k1.order, recoveryId: 0) }
        #expect(throws: Secp256k1Error.invalidRecoveryId(2)) { try Secp256k1.recoverAddress(hash: h, r: r, s: s, recoveryId: 2) }
        #expect(throws: Secp256k1Error.wrongLength(expected: 32, got: 31)) {
            try Secp256k1.recoverAddress(hash: Array(h.dropLast()), r: r, s: s, recoveryId: 0)
        }
        // r = 5 is not the x-coordinate of a curve point... or is; either way a failure must be typed.
        var rBad = zero; rBad[31] = 5
        if let a = try? Secp256k1.recoverAddress(hash: h, r: rBad, s: s, recoveryId: 0) { #expect(a.count == 20) }
    }

    @Test func ecrecoverPrecompileSemantics() throws {
        let word = { (v: UInt8) -> [UInt8] in [UInt8](repeating: 0, count: 31) + [v] }
        let good = Self.eip155Hash + word(27) + Self.eip155R + Self.eip155S
        let expected = [UInt8](repeating: 0, count: 12) + Self.bytes("9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f")
        #expect(try EcRecoverPrecompile.run(input: good) == expected)
        #expect(try EcRecoverPrecompile.run(input: good + [1, 2, 3]) == expected)  // extra bytes ignored
        #expect(try EcRecoverPrecompile.run(input: Self.eip155Hash + word(0) + Self.eip155R + Self.eip155S) == [])
        #expect(try EcRecoverPrecompile.run(input: Self.eip155Hash + word(29) + Self.eip155R + Self.eip155S) == [])
        var dirtyV = word(27); dirtyV[0] = 1
        #expect(try EcRecoverPrecompile.run(input: Self.eip155Hash + dirtyV + Self.eip155R + Self.eip155S) == [])
        #expect(try EcRecoverPrecompile.run(input: []) == [])
        // High s accepted by the precompile.
        let n = BigNumber(bigEndianBytes: Secp256k1.order)
        let highS = (n - BigNumber(bigEndianBytes: Self.eip155S)).bigEndianBytes(width: 32)
        #expect(try EcRecoverPrecompile.run(input: Self.eip155Hash + word(28) + Self.eip155R + highS) == expected)
        #expect(EcRecoverPrecompile.gas(input: []) == 3000)
    }
}
