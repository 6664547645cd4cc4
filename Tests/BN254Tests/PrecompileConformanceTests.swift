import BN254
import Foundation
import Testing
import TestSupport

/// go-ethereum's precompile vectors (../shared/conformance/precompiles) and
/// the py_ecc-made failure cases: output bytes and gas must match exactly.
@Suite struct PrecompileConformanceTests {
    typealias Vector = PrecompileVector

    static func load(_ file: String) throws -> [Vector] { try PrecompileVector.load(file) }

    @Test(arguments: [("bn256Add.json", UInt8(0x06)), ("bn256ScalarMul.json", 0x07), ("bn256Pairing.json", 0x08)])
    func vectorsPass(file: String, address: UInt8) throws {
        let vectors = try Self.load(file)
        var passed = 0
        for v in vectors {
            let input = try #require(Fixtures.hexBytes(v.Input))
            let gas = BN254Precompiles.gas(address: address, inputLength: input.count)
            do {
                let out = try BN254Precompiles.run(address: address, input: input)
                let ok = Fixtures.hex(out) == v.Expected!.lowercased() && gas == v.Gas
                #expect(ok, "\(file) \(v.Name): got \(Fixtures.hex(out)) gas \(gas ?? 0)")
                if ok { passed += 1 }
            } catch {
                Issue.record("\(file) \(v.Name): unexpected error \(error)")
            }
        }
        print("conformance \(file): \(passed)/\(vectors.count) passed")
        #expect(passed == vectors.count && vectors.count > 10)
    }

    @Test func failureVectorsAreRejected() throws {
        let vectors = try Self.load("fail-bn256.json")
        var passed = 0
        for v in vectors {
            let input = try #require(Fixtures.hexBytes(v.Input))
            let address = try #require(UInt8(v.Precompile!.dropFirst(2), radix: 16))
            let expected: BN254Error? = {
                let e = v.ExpectedError!
                if e.contains("coordinate >= p") { return .notInField }
                if e.contains("not in the r-torsion") { return .notInSubgroup }
                if e.contains("not on the") { return .notOnCurve }
                return nil
            }()
            do {
                let out = try BN254Precompiles.run(address: address, input: input)
                Issue.record("fail-bn256 \(v.Name): accepted, returned \(Fixtures.hex(out))")
            } catch {
                switch error {
                case let .invalidPoint(_, e) where e == expected: passed += 1
                case .invalidInputLength where expected == nil && v.ExpectedError!.contains("length"): passed += 1
                default: Issue.record("fail-bn256 \(v.Name): wrong error \(error), expected \(v.ExpectedError!)")
                }
            }
        }
        print("conformance fail-bn256.json: \(passed)/\(vectors.count) rejected as expected")
        #expect(passed == vectors.count && vectors.count >= 10)
    }

    /// Padding and truncation: a short ecAdd/ecMul input is zero-extended, a long
    /// one truncated; an empty pairing input is the empty product (true).
    @Test func paddingAndTruncation() throws {
        let g = G1Affine.generator.precompileBytes
        // ecAdd with only one point: second is (0,0) = infinity.
        #expect(try BN254Precompiles.ecAdd(g) == g)
        // Trailing garbage after 128 bytes is ignored.
        #expect(try BN254Precompiles.ecAdd(g + g + [1, 2, 3]) == BN254Precompiles.ecAdd(g + g))
        // ecMul by a scalar given in fewer than 32 bytes: right-padded, so 0x02 → 2·2^248.
        let short = try BN254Precompiles.ecMul(g + [2])
        var full = [UInt8](repeating: 0, count: 32); full[0] = 2
        #expect(try short == BN254Precompiles.ecMul(g + full))
        // Scalar ≥ r acts mod r: r + 1 gives the point itself.
        var rPlus1 = Fr.zero.bigEndianBytes
        let rBig = BigNumber(limbs: Fr.modulusLimbs) + BigNumber("1")!
        rPlus1 = rBig.bigEndianBytes(width: 32)
        #expect(try BN254Precompiles.ecMul(g + rPlus1) == g)
        #expect(try BN254Precompiles.ecPairing([]) == [UInt8](repeating: 0, count: 31) + [1])
        #expect(throws: BN254PrecompileError.invalidInputLength(193)) { try BN254Precompiles.ecPairing([UInt8](repeating: 0, count: 193)) }
        #expect(BN254Precompiles.gas(address: 0x08, inputLength: 384) == 45000 + 2 * 34000)
        #expect(BN254Precompiles.gas(address: 0x09, inputLength: 0) == nil)
    }
}
