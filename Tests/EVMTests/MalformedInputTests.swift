import EVM
import Testing
import TestSupport

/// Seeded mutations of valid encodings and random precompile inputs: every outcome must be a
/// value or a typed error (a crash fails the whole run), and mutations that still decode must
/// re-encode canonically.
@Suite struct MalformedInputTests {
    static func mutate(_ bytes: [UInt8], _ rng: inout SeededRNG) -> [UInt8] {
        var b = bytes
        switch rng.next() % 4 {
        case 0 where !b.isEmpty: b[Int(rng.next() % UInt64(b.count))] = UInt8(truncatingIfNeeded: rng.next())
        case 1 where !b.isEmpty: b.remove(at: Int(rng.next() % UInt64(b.count)))
        case 2: b.insert(UInt8(truncatingIfNeeded: rng.next()), at: Int(rng.next() % UInt64(b.count + 1)))
        default: b = Array(b.prefix(Int(rng.next() % UInt64(b.count + 1))))
        }
        return b
    }

    @Test func mutatedTransactionsDecodeCanonicallyOrFailTyped() throws {
        var rng = SeededRNG(seed: 0x7a)
        let key = [UInt8](repeating: 0x11, count: 32)
        let to = Address(hex: "00000000000000000000000000000000000000aa")
        let seeds = try [
            Transaction.legacy(chainId: 1, nonce: 3, gasPrice: 7, gasLimit: 50_000, to: to, value: 5, data: [1, 0, 2]),
            Transaction.legacy(chainId: nil, nonce: 0, gasPrice: 1, gasLimit: 60_000, to: nil, data: [0x60, 0x00]),
            Transaction.accessList(chainId: 1, nonce: 1, gasPrice: 9, gasLimit: 40_000, to: to,
                                   accessList: [AccessListEntry(address: Address(7), storageKeys: [1])]),
            Transaction.dynamicFee(chainId: 1, nonce: 2, maxPriorityFeePerGas: 1, maxFeePerGas: 9, gasLimit: 30_000,
                                   to: to, value: 1, data: [9, 9], accessList: [AccessListEntry(address: Address(8))]),
        ].map { try $0.signed(privateKey: key).encoded }
        var decoded = 0, rejected = 0
        for i in 0..<4000 {
            let raw = Self.mutate(seeds[i % seeds.count], &rng)
            do {
                let tx = try Transaction(rawBytes: raw)
                #expect(tx.encoded == raw, "non-canonical accepted: \(Fixtures.hex(raw))")
                _ = try? tx.validate(chainId: 1)
                decoded += 1
            } catch {
                rejected += 1
            }
        }
        #expect(decoded + rejected == 4000 && rejected > 2000)
    }

    @Test func randomBytesAsRLP() {
        var rng = SeededRNG(seed: 0x52)
        for _ in 0..<5000 {
            let n = Int(rng.next() % 40)
            let bytes = (0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            if let item = try? RLPItem(decoding: bytes) { #expect(item.encoded == bytes) }
        }
    }

    @Test func randomPrecompileInputs() throws {
        var rng = SeededRNG(seed: 0x09)
        for address in UInt8(1)...9 {
            let p = try #require(PrecompileSet.cancun[address: address])
            for _ in 0..<40 {
                let lengths = [0, 1, 31, 32, 64, 96, 128, 160, 192, 213, 300]
                let n = lengths[Int(rng.next() % UInt64(lengths.count))]
                let input = (0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next() % 4 == 0 ? 0 : rng.next() % 8) }
                _ = p.gas(input)
                _ = try? PrecompileSet.cancun.call(address: address, input: input, gasLimit: 10_000_000)
            }
        }
        #expect(PrecompileSet.cancun.precompile(at: Address(5))?.name == "modexp")
        #expect(PrecompileSet.cancun.precompile(at: Address(0x10a)) == nil)
        #expect(PrecompileSet.cancun.precompile(at: Address(hi: 1, mid: 0, lo: 1)) == nil)
    }
}
