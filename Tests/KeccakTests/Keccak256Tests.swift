import Foundation
import Keccak
import Testing
import TestSupport

@Suite("Keccak256")
struct Keccak256Tests {
    struct Vector: Decodable { let seed: Int; let length: Int; let digest: String }
    struct VectorFile: Decodable { let vectors: [Vector] }

    static func message(seed: Int, length: Int) -> [UInt8] {
        (0..<length).map { UInt8((seed * 31 + $0 * 7) % 256) }
    }

    /// The two digests every Ethereum implementation quotes (empty string, "abc").
    @Test func publishedVectors() {
        #expect(Fixtures.hex(Keccak256.hash([UInt8]())) == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
        #expect(Fixtures.hex(Keccak256.hash(Array("abc".utf8))) == "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")
    }

    /// Digests from pycryptodome for every length across the rate boundary and some long messages.
    @Test func matchesPycryptodome() throws {
        let file = try JSONDecoder().decode(VectorFile.self, from: Fixtures.data("fixtures/keccak256-pycryptodome.json"))
        #expect(file.vectors.count == 148)
        var passed = 0
        for v in file.vectors {
            let digest = Fixtures.hex(Keccak256.hash(Self.message(seed: v.seed, length: v.length)))
            if digest == v.digest { passed += 1 } else { Issue.record("length \(v.length): \(digest) != \(v.digest)") }
        }
        #expect(passed == file.vectors.count)
    }

    /// Feeding a message in arbitrary pieces gives the one-shot digest.
    @Test func incrementalEqualsOneShot() {
        var rng = SeededRNG(seed: 7)
        for length in [0, 1, 135, 136, 137, 500, 2000] {
            let message = Self.message(seed: length, length: length)
            var hasher = Keccak256()
            var offset = 0
            while offset < length {
                let piece = min(length - offset, Int(rng.next() % 150))
                hasher.update(message[offset..<(offset + piece)])
                offset += piece
            }
            #expect(hasher.finalize() == Keccak256.hash(message), "length \(length)")
        }
    }
}
