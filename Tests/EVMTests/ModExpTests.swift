import BN254
import EVM
import Testing
import TestSupport

/// EIP-198/EIP-2565 edge cases beyond go-ethereum's vectors: hostile lengths, implicit zeros, mod 0.
@Suite struct ModExpTests {
    static func word(_ v: UInt64) -> [UInt8] {
        [UInt8](repeating: 0, count: 24) + (0..<8).reversed().map { UInt8(truncatingIfNeeded: v >> (8 * UInt64($0))) }
    }

    static func input(_ base: [UInt8], _ exp: [UInt8], _ mod: [UInt8]) -> [UInt8] {
        word(UInt64(base.count)) + word(UInt64(exp.count)) + word(UInt64(mod.count)) + base + exp + mod
    }

    @Test func hugeLengthsAreUnpayableAndRefusedWithoutAllocating() throws {
        var huge = [UInt8](repeating: 0, count: 32); huge[0] = 0x80
        let bigBase = huge + Self.word(0) + Self.word(1)
        #expect(ModExpPrecompile.gas(input: bigBase) == .max)
        #expect(ModExpPrecompile.gasEIP198(input: bigBase) == .max)
        #expect(throws: PrecompileError.outOfGas) { try ModExpPrecompile.run(input: bigBase) }
        let bigMod = Self.word(1) + Self.word(1) + Self.word(1 << 40)
        #expect(ModExpPrecompile.gas(input: bigMod) == .max)
        #expect(throws: PrecompileError.outOfGas) { try ModExpPrecompile.run(input: bigMod) }
        #expect(throws: PrecompileError.outOfGas) {
            try PrecompileSet.cancun.call(address: 0x05, input: bigMod, gasLimit: 30_000_000)
        }
        // Huge exponent length with empty base and modulus: 200 gas, empty output (geth).
        let bigExp = Self.word(0) + huge + Self.word(0)
        #expect(ModExpPrecompile.gas(input: bigExp) == 200)
        #expect(try ModExpPrecompile.run(input: bigExp) == [])
        // A long exponent priced by its length: 8·(expLen − 32) + msb of its first 32 bytes,
        // here 0x01 followed by 31 implicit zero bytes (msb 248); one word of operands.
        let longExp = Self.word(1) + Self.word(1000) + Self.word(1) + [3] + [0x01]
        #expect(ModExpPrecompile.gas(input: longExp) == (8 * (1000 - 32) + 248) / 3)
    }

    @Test func zeroModulusGivesZeros() throws {
        #expect(try ModExpPrecompile.run(input: Self.input([5], [3], [0, 0, 0])) == [0, 0, 0])
        #expect(try ModExpPrecompile.run(input: Self.input([5], [3], [])) == [])
        // 0^0 = 1 (mod 7), x^y mod 1 = 0.
        #expect(try ModExpPrecompile.run(input: Self.input([0], [0], [7])) == [1])
        #expect(try ModExpPrecompile.run(input: Self.input([9], [9], [1])) == [0])
    }

    @Test func seededRandomAgainstGMPOracleAndImplicitZeros() throws {
        var rng = SeededRNG(seed: 0x0198)
        for _ in 0..<60 {
            let lengths = (0..<3).map { _ in Int(rng.next() % 70) }
            let bytes = lengths.map { n in (0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) } }
            let full = Self.input(bytes[0], bytes[1], bytes[2])
            let out = try ModExpPrecompile.run(input: full)
            let m = BigNumber(bigEndianBytes: bytes[2])
            let expected = m == BigNumber() ? [UInt8](repeating: 0, count: lengths[2])
                : BigNumber(bigEndianBytes: bytes[0]).powMod(BigNumber(bigEndianBytes: bytes[1]), m).bigEndianBytes(width: lengths[2])
            #expect(out == expected)
            // Trailing zero bytes of the input may be cut: they are implied (exercises the squaring path).
            var cut = full
            while cut.last == 0 { cut.removeLast() }
            #expect(try ModExpPrecompile.run(input: cut) == out)
        }
    }

    @Test func exponentPastTheInputMeansZeroModulus() throws {
        let mod: [UInt8] = [0xff, 0xff, 0xff, 0xfb]
        let explicit = Self.word(1) + Self.word(41) + Self.word(4) + [3] + [0x02] + [UInt8](repeating: 0, count: 40) + mod
        let e = BigNumber(bigEndianBytes: [0x02] + [UInt8](repeating: 0, count: 40))
        #expect(try ModExpPrecompile.run(input: explicit)
            == BigNumber(bigEndianBytes: [3]).powMod(e, BigNumber(bigEndianBytes: mod)).bigEndianBytes(width: 4))
        // The exponent runs past the input, so the modulus (after it) reads as zero.
        let implicit = Self.word(1) + Self.word(1 << 40) + Self.word(4) + [3] + [0x02]
        #expect(try ModExpPrecompile.run(input: implicit) == [0, 0, 0, 0])
    }
}
