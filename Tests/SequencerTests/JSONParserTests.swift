import Foundation
import Sequencer
import Testing

/// The RPC JSON parser against Foundation's JSONDecoder (the oracle) and on malformed input.
@Suite struct JSONParserTests {
    func normalized(_ v: JSONValue) -> JSONValue {
        switch v {
        case .array(let a): return .array(a.map(normalized))
        case .object(let o): return .object(o.map { ($0.0, normalized($0.1)) }.sorted { $0.0 < $1.0 })
        default: return v
        }
    }

    @Test(arguments: [
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}",
        " [1, -2.5, 3e2, 0, -0.125E-1, true, false, null, \"\", {}] ",
        "{\"a\":{\"b\":[[],[{}],\"x\\\"y\\\\z\\/\\n\\t\\r\\b\\f\"]},\"c\":\"\\u00e9\\u4e2d\\ud83d\\ude00\"}",
        "\"caf\u{e9} \u{1F600}\"",
        "123456789012",
        "[\"0xdeadbeef\", 1.5, {\"k\": null}]",
    ])
    func agreesWithFoundation(_ text: String) throws {
        let ours = try JSONParser.parse(Array(text.utf8))
        let oracle = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(normalized(ours) == normalized(oracle))
    }

    @Test(arguments: [
        "", " ", "{", "}", "[1,]", "[1 2]", "{\"a\" 1}", "{\"a\":}", "{a:1}", "01", "1.", ".5", "-", "1e", "+1",
        "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00x\"", "tru", "nul", "[1] 2", "\"a\u{01}b\"",
        "{\"a\":1,}", "[\"\\",
    ])
    func rejectsMalformed(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(Array(text.utf8)) }
    }

    @Test func invalidUTF8IsRejected() {
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xff, 0xfe, 0x22]) }
    }

    @Test func deepNestingIsRejectedWithoutCrashing() throws {
        let ok = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
        _ = try JSONParser.parse(Array(ok.utf8))
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(Array(deep.utf8)) }
    }

    @Test func serializationRoundTrips() throws {
        let v = JSONValue.object([("s", .string("a\"b\\c\n\u{01}é")), ("n", .number(-12)), ("f", .number(0.5)),
                                  ("a", .array([.null, .bool(true)]))])
        #expect(try JSONParser.parse(v.serialized) == v)
    }
}
