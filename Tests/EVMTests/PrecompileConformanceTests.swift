import EVM
import Foundation
import Testing
import TestSupport

/// go-ethereum's precompile vectors (../shared/conformance/precompiles) run through
/// `PrecompileSet.cancun`: output bytes and gas must match exactly; failure vectors must throw.
@Suite struct PrecompileConformanceTests {
    typealias Vector = PrecompileVector

    static func load(_ file: String) throws -> [Vector] { try PrecompileVector.load(file) }

    @Test(arguments: [
        ("ecRecover.json", UInt8(0x01), 5), ("modexp_eip2565.json", 0x05, 47), ("blake2F.json", 0x09, 5),
        ("bn256Add.json", 0x06, 16), ("bn256ScalarMul.json", 0x07, 19), ("bn256Pairing.json", 0x08, 14),
    ])
    func vectorsPass(file: String, address: UInt8, count: Int) throws {
        let vectors = try Self.load(file)
        let precompile = try #require(PrecompileSet.cancun[address: address])
        var passed = 0
        for v in vectors {
            let input = try #require(Fixtures.hexBytes(v.Input))
            let gas = precompile.gas(input)
            do {
                let out = try PrecompileSet.cancun.call(address: address, input: input, gasLimit: gas).output
                let ok = Fixtures.hex(out) == v.Expected?.lowercased() && gas == v.Gas
                #expect(ok, "\(file) \(v.Name): got \(Fixtures.hex(out)) gas \(gas), expected gas \(v.Gas ?? 0)")
                if ok { passed += 1 }
            } catch {
                Issue.record("\(file) \(v.Name): unexpected error \(error)")
            }
        }
        print("conformance \(file): \(passed)/\(vectors.count) passed")
        #expect(passed == vectors.count && vectors.count == count)
    }

    /// `modexp.json` is priced under EIP-198 (before EIP-2565): outputs through the set, gas through `gasEIP198`.
    @Test func modexpPreBerlinVectors() throws {
        let vectors = try Self.load("modexp.json")
        var passed = 0
        for v in vectors {
            let input = try #require(Fixtures.hexBytes(v.Input))
            let out = try ModExpPrecompile.run(input: input)
            let gas = ModExpPrecompile.gasEIP198(input: input)
            let ok = Fixtures.hex(out) == v.Expected?.lowercased() && gas == v.Gas
            #expect(ok, "modexp.json \(v.Name): gas \(gas) expected \(v.Gas ?? 0)")
            if ok { passed += 1 }
        }
        print("conformance modexp.json: \(passed)/\(vectors.count) passed")
        #expect(passed == vectors.count && vectors.count == 17)
    }

    @Test func blake2fFailureVectors() throws {
        let vectors = try Self.load("fail-blake2f.json")
        var passed = 0
        for v in vectors {
            let input = try #require(Fixtures.hexBytes(v.Input))
            do {
                let out = try PrecompileSet.cancun.call(address: 0x09, input: input, gasLimit: .max).output
                Issue.record("fail-blake2f \(v.Name): accepted, returned \(Fixtures.hex(out))")
            } catch {
                let ok: Bool
                switch error {
                case .blake2fInvalidInputLength: ok = v.ExpectedError == "invalid input length"
                case .blake2fInvalidFinalFlag: ok = v.ExpectedError == "invalid final flag"
                default: ok = false
                }
                #expect(ok, "fail-blake2f \(v.Name): \(error)")
                if ok { passed += 1 }
            }
        }
        print("conformance fail-blake2f.json: \(passed)/\(vectors.count) passed")
        #expect(passed == vectors.count && vectors.count == 4)
    }

    @Test func bn256FailureVectors() throws {
        let vectors = try Self.load("fail-bn256.json")
        var passed = 0
        for v in vectors {
            let input = try #require(Fixtures.hexBytes(v.Input))
            let address = try #require(UInt8(v.Precompile!.dropFirst(2), radix: 16))
            do {
                let out = try PrecompileSet.cancun.call(address: address, input: input, gasLimit: .max).output
                Issue.record("fail-bn256 \(v.Name): accepted, returned \(Fixtures.hex(out))")
            } catch {
                if case .bn254 = error { passed += 1 } else { Issue.record("fail-bn256 \(v.Name): \(error)") }
            }
        }
        print("conformance fail-bn256.json: \(passed)/\(vectors.count) passed")
        #expect(passed == vectors.count && vectors.count == 10)
    }

    @Test func setLayout() {
        #expect(PrecompileSet.cancun.precompiles.map(\.address) == Array(1...9))
        #expect(PrecompileSet.cancun[address: 0x0a] == nil)
        #expect(throws: PrecompileError.unsupported(address: 0x0a)) {
            try PrecompileSet.cancun.call(address: 0x0a, input: [], gasLimit: 100_000)
        }
        #expect(throws: PrecompileError.outOfGas) {
            try PrecompileSet.cancun.call(address: 0x01, input: [], gasLimit: 2999)
        }
    }
}
