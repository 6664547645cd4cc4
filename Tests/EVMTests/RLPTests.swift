import BN254
import EVM
import Foundation
import Testing
import TestSupport

/// RLP against ethereum/tests `RLPTests` (../shared/conformance/rlp) plus targeted strictness checks.
@Suite struct RLPTests {
    /// Builds the expected item from the JSON `in` value: strings are UTF-8 bytes, numbers
    /// are integers, `#digits` are big integers, arrays are lists.
    static func item(from json: Any) throws -> RLPItem {
        if let list = json as? [Any] {
            return .list(try list.map { try item(from: $0) })
        }
        if let s = json as? String {
            if s.hasPrefix("#") {
                let n = try #require(BigNumber(String(s.dropFirst())))
                return .bytes(n.bigEndianBytes(width: (n.bitWidth + 7) / 8))
            }
            return .bytes(Array(s.utf8))
        }
        if let n = json as? NSNumber {
            return .uint(n.uint64Value)
        }
        throw RLPError.expectedBytes(offset: -1)
    }

    static func load(_ file: String) throws -> [String: [String: Any]] {
        let data = try Fixtures.data("../shared/conformance/rlp/\(file)")
        return try #require(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: [String: Any]])
    }

    @Test func validVectorsEncodeAndDecode() throws {
        let tests = try Self.load("rlptest.json")
        var passed = 0
        for (name, t) in tests.sorted(by: { $0.key < $1.key }) {
            let expected = try #require(Fixtures.hexBytes(t["out"] as! String))
            let item = try Self.item(from: t["in"]!)
            let encoded = item.encoded
            let decoded = try? RLPItem(decoding: expected)
            let ok = encoded == expected && decoded == item && item.encodedLength == expected.count
            #expect(ok, "\(name): encoded \(Fixtures.hex(encoded))")
            if ok { passed += 1 }
        }
        print("conformance rlptest.json: \(passed)/\(tests.count) passed")
        #expect(passed == tests.count && tests.count == 28)
    }

    @Test func invalidVectorsAreRejected() throws {
        let tests = try Self.load("invalidRLPTest.json")
        var passed = 0
        for (name, t) in tests.sorted(by: { $0.key < $1.key }) {
            let bytes = try #require(Fixtures.hexBytes(t["out"] as! String))
            do {
                let item = try RLPItem(decoding: bytes)
                Issue.record("\(name): accepted as \(item)")
            } catch {
                passed += 1
            }
        }
        print("conformance invalidRLPTest.json: \(passed)/\(tests.count) passed")
        #expect(passed == tests.count && tests.count == 26)
    }

    @Test func randomVectorsRoundTrip() throws {
        let tests = try Self.load("RandomRLPTests/example.json")
        var passed = 0
        for (name, t) in tests {
            let bytes = try #require(Fixtures.hexBytes(t["out"] as! String))
            let item = try? RLPItem(decoding: bytes)
            let ok = item?.encoded == bytes
            #expect(ok, "\(name)")
            if ok { passed += 1 }
        }
        print("conformance RandomRLPTests: \(passed)/\(tests.count) passed")
        #expect(passed == tests.count && tests.count == 1)
    }

    @Test(arguments: [
        ("8100", RLPError.nonCanonicalSingleByte(offset: 0)),
        ("c28100", RLPError.nonCanonicalSingleByte(offset: 1)),
        ("b800", RLPError.leadingZeroInLength(offset: 1)),
        ("b801ff", RLPError.nonCanonicalLength(offset: 0)),
        ("f803112233", RLPError.nonCanonicalLength(offset: 0)),
        ("c5010203", RLPError.unexpectedEnd(offset: 0)),
        ("c2820102", RLPError.unexpectedEnd(offset: 1)),
        ("8001", RLPError.trailingBytes(offset: 1)),
        ("", RLPError.unexpectedEnd(offset: 0)),
        ("ffffffffffffffffff00", RLPError.lengthOverflow(offset: 1)),
    ])
    func errorsCarryTheOffset(hex: String, expected: RLPError) {
        #expect(throws: expected) { try RLPItem(decoding: Fixtures.hexBytes(hex)!) }
    }

    @Test func integersMustBeCanonical() throws {
        var r = RLPReader([0x00])
        #expect(throws: RLPError.leadingZeroInInteger(offset: 0)) { try r.readUInt64() }
        r = RLPReader([0x82, 0x00, 0x01])
        #expect(throws: RLPError.leadingZeroInInteger(offset: 0)) { try r.readUInt64() }
        r = RLPReader([0x89, 1, 2, 3, 4, 5, 6, 7, 8, 9])
        #expect(throws: RLPError.integerOverflow(offset: 0)) { try r.readUInt64() }
        r = RLPReader([0x88, 0xff, 2, 3, 4, 5, 6, 7, 8])
        #expect(try r.readUInt64() == 0xff02_0304_0506_0708)
        r = RLPReader([0x80])
        #expect(try r.readUInt64() == 0)
        r = RLPReader([0xc0])
        #expect(throws: RLPError.expectedBytes(offset: 0)) { try r.readUInt64() }
        r = RLPReader([0x80])
        #expect(throws: RLPError.expectedList(offset: 0)) { try r.readList() }
    }

    @Test func readerWalksNestedLists() throws {
        let item = RLPItem.list([.uint(1), .list([.bytes([0xaa, 0xbb]), .uint(300)]), .bytes(Array(repeating: 7, count: 60))])
        var r = RLPReader(item.encoded)
        var outer = try r.readList()
        try r.finish()
        #expect(try outer.readUInt64() == 1)
        var inner = try outer.readList()
        #expect(Array(try inner.readBytes()) == [0xaa, 0xbb])
        #expect(try inner.readUInt64() == 300)
        try inner.finish()
        #expect(try outer.readFixedBytes(count: 60) == Array(repeating: 7, count: 60))
        #expect(outer.isAtEnd)
    }

    @Test func seededRandomTreesRoundTrip() throws {
        var rng = SeededRNG(seed: 0x5250)
        func randomItem(depth: Int) -> RLPItem {
            if depth > 3 || rng.next() % 3 != 0 {
                let lengths = [0, 1, 1, 2, 55, 56, 57, 200, 1100]
                let n = lengths[Int(rng.next() % UInt64(lengths.count))]
                return .bytes((0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next() % 3 == 0 ? rng.next() % 0x80 : rng.next()) })
            }
            let count = Int(rng.next() % 6)
            return .list((0..<count).map { _ in randomItem(depth: depth + 1) })
        }
        for _ in 0..<300 {
            let item = randomItem(depth: 0)
            let enc = item.encoded
            #expect(enc.count == item.encodedLength)
            #expect(try RLPItem(decoding: enc) == item)
            // Truncating any canonical encoding must fail.
            if enc.count > 1 {
                #expect(throws: RLPError.self) { try RLPItem(decoding: Array(enc.dropLast())) }
            }
        }
    }
}
