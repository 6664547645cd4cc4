import EVM
import Testing
import TestSupport

/// SHA-256 (FIPS 180-4 examples), RIPEMD-160 (the vectors of Dobbertin, Bosselaers and Preneel's
/// paper), identity, and their gas rules.
@Suite struct HashPrecompileTests {
    static let million = [UInt8](repeating: 0x61, count: 1_000_000)

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func sha256Vectors(message: String, digest: String) {
        #expect(Fixtures.hex(SHA256.hash(Array(message.utf8))) == digest)
    }

    @Test func sha256MillionA() {
        #expect(Fixtures.hex(SHA256.hash(Self.million)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test(arguments: [
        ("", "9c1185a5c5e9fc54612808977ee8f548b2258d31"),
        ("a", "0bdc9d2d256b3ee9daae347be6f4dc835a467ffe"),
        ("abc", "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc"),
        ("message digest", "5d0689ef49d2fae572b881b123a85ffa21595f36"),
        ("abcdefghijklmnopqrstuvwxyz", "f71c27109c692c1b56bbdceb5b9d2865b3708dbc"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "12a053384a9c0c88e405a06c27dcf49ada62eb2b"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "b0e20b6e3116640286ed3a87a5713079b21f5189"),
        (String(repeating: "1234567890", count: 8), "9b752e45573d4b39f4dbd3323cab82bf63326bfb"),
    ])
    func ripemd160Vectors(message: String, digest: String) {
        #expect(Fixtures.hex(RIPEMD160.hash(Array(message.utf8))) == digest)
    }

    @Test func ripemd160MillionA() {
        #expect(Fixtures.hex(RIPEMD160.hash(Self.million)) == "52783243c1697bdbe16d37f97f68f08325dc1528")
    }

    @Test func precompileWrappersAndGas() throws {
        let input = [UInt8](repeating: 7, count: 33)
        #expect(try SHA256Precompile.run(input: input) == SHA256.hash(input))
        #expect(SHA256Precompile.gas(input: input) == 60 + 12 * 2)
        #expect(try RIPEMD160Precompile.run(input: input) == [UInt8](repeating: 0, count: 12) + RIPEMD160.hash(input))
        #expect(RIPEMD160Precompile.gas(input: input) == 600 + 120 * 2)
        #expect(try IdentityPrecompile.run(input: input) == input)
        #expect(IdentityPrecompile.gas(input: input) == 15 + 3 * 2)
        #expect(IdentityPrecompile.gas(input: []) == 15)
    }
}
