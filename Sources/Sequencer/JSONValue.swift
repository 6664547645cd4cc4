import Foundation

/// A JSON document: what JSON-RPC requests, responses, genesis and batch files are made of.
///
/// Parsing goes through Foundation's `JSONDecoder`; writing is our own compact serializer
/// (`serialized`), so key order is the order of `object`'s pairs and output is byte-stable.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number kept as its decimal text form (JSON-RPC uses hex strings for quantities;
    /// plain numbers appear only in ids and a few genesis fields).
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Key/value pairs in order; duplicate keys keep the last one on lookup.
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// The member `key` of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.last(where: { $0.0 == key })?.1
    }

    /// The string payload, or nil.
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    /// The array payload, or nil.
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    /// The object payload, or nil.
    public var objectValue: [(String, JSONValue)]? { if case .object(let o) = self { o } else { nil } }
    /// The bool payload, or nil.
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }

    /// Parses a JSON text (`JSONParser`: strict RFC 8259, nesting ≤ 128).
    /// - Throws: `JSONParseError` when `data` is not JSON.
    public static func parse<D: DataProtocol>(_ data: D) throws -> JSONValue {
        try JSONParser.parse(Array(data))
    }

    /// Compact JSON text (UTF-8), strings escaped per RFC 8259.
    public var serialized: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(256)
        write(to: &out)
        return out
    }

    /// Appends the compact JSON text of this value.
    public func write(to out: inout [UInt8]) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .number(let d):
            if d == d.rounded(), abs(d) < 1e15 { out += Array(String(Int64(d)).utf8) } else { out += Array("\(d)".utf8) }
        case .string(let s): Self.writeString(s, to: &out)
        case .array(let a):
            out.append(0x5b)
            for (i, v) in a.enumerated() {
                if i > 0 { out.append(0x2c) }
                v.write(to: &out)
            }
            out.append(0x5d)
        case .object(let o):
            out.append(0x7b)
            for (i, (k, v)) in o.enumerated() {
                if i > 0 { out.append(0x2c) }
                Self.writeString(k, to: &out)
                out.append(0x3a)
                v.write(to: &out)
            }
            out.append(0x7d)
        }
    }

    static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: out += [0x5c, 0x22]
            case 0x5c: out += [0x5c, 0x5c]
            case 0x0a: out += [0x5c, 0x6e]
            case 0x0d: out += [0x5c, 0x72]
            case 0x09: out += [0x5c, 0x74]
            case 0..<0x20:
                out += Array(String(format: "\\u%04x", Int(b)).utf8)
            default: out.append(b)
            }
        }
        out.append(0x22)
    }
}

extension JSONValue: Codable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes any JSON value.
    public init(from decoder: any Decoder) throws {
        if let c = try? decoder.container(keyedBy: Key.self) {
            var pairs: [(String, JSONValue)] = []
            for k in c.allKeys { pairs.append((k.stringValue, try c.decode(JSONValue.self, forKey: k))) }
            self = .object(pairs)
            return
        }
        if var c = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !c.isAtEnd { items.append(try c.decode(JSONValue.self)) }
            self = .array(items)
            return
        }
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else { self = .string(try c.decode(String.self)) }
    }

    /// Encodes through `Encoder` (used only where a Codable container is needed).
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null: var c = encoder.singleValueContainer(); try c.encodeNil()
        case .bool(let b): var c = encoder.singleValueContainer(); try c.encode(b)
        case .number(let d): var c = encoder.singleValueContainer(); try c.encode(d)
        case .string(let s): var c = encoder.singleValueContainer(); try c.encode(s)
        case .array(let a): var c = encoder.unkeyedContainer(); for v in a { try c.encode(v) }
        case .object(let o):
            var c = encoder.container(keyedBy: Key.self)
            for (k, v) in o { try c.encode(v, forKey: Key(stringValue: k)) }
        }
    }
}
