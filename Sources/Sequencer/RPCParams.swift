import EVM

/// Positional JSON-RPC parameters with typed accessors that throw -32602 errors naming the
/// argument, as go-ethereum words them ("invalid argument 0: …").
public struct RPCParams: Sendable {
    /// The values.
    public var values: [JSONValue]

    /// Parameters from a request's `params` (absent or null means none; an object is rejected).
    public init(_ v: JSONValue?) throws(RPCError) {
        switch v {
        case nil, .null?: values = []
        case .array(let a)?: values = a
        default: throw .invalidParams("non-array args")
        }
    }

    /// Fails unless there are between `min` and `max` parameters.
    public func expect(_ min: Int, _ max: Int) throws(RPCError) {
        if values.count < min { throw .invalidParams("missing value for required argument \(values.count)") }
        if values.count > max { throw .invalidParams("too many arguments, want at most \(max)") }
    }

    func value(_ i: Int) -> JSONValue? { i < values.count && values[i] != .null ? values[i] : nil }

    func string(_ i: Int) throws(RPCError) -> String {
        guard let s = value(i)?.stringValue else { throw .invalidParams("invalid argument \(i): expected string") }
        return s
    }

    /// A 20-byte address.
    public func address(_ i: Int) throws(RPCError) -> Address {
        guard let a = Address(hex: try string(i)) else { throw .invalidParams("invalid argument \(i): hex string has length != 40") }
        return a
    }

    /// A 32-byte hash.
    public func hash(_ i: Int) throws(RPCError) -> UInt256 {
        let s = try string(i)
        guard let b = Hex.decode(s), b.count == 32 else { throw .invalidParams("invalid argument \(i): hex string has length != 64") }
        return UInt256(bigEndianAt: b)
    }

    /// Arbitrary bytes.
    public func bytes(_ i: Int) throws(RPCError) -> [UInt8] {
        guard let b = Hex.decode(try string(i)) else { throw .invalidParams("invalid argument \(i): invalid hex string") }
        return b
    }

    /// A 64-bit quantity (hex, or a JSON number).
    public func uint64(_ i: Int) throws(RPCError) -> UInt64 {
        switch value(i) {
        case .string(let s)?:
            guard let v = Hex.decodeUInt64(s) else { throw .invalidParams("invalid argument \(i): invalid hex quantity") }
            return v
        case .number(let d)? where d >= 0 && d < 9e15 && d == d.rounded(): return UInt64(d)
        default: throw .invalidParams("invalid argument \(i): expected quantity")
        }
    }

    /// A 256-bit quantity.
    public func uint256(_ i: Int) throws(RPCError) -> UInt256 {
        let s = try string(i)
        guard s.hasPrefix("0x"), let v = UInt256(hex: s) else { throw .invalidParams("invalid argument \(i): invalid hex quantity") }
        return v
    }

    /// A boolean.
    public func bool(_ i: Int) throws(RPCError) -> Bool {
        guard let b = value(i)?.boolValue else { throw .invalidParams("invalid argument \(i): expected bool") }
        return b
    }

    /// An object.
    public func object(_ i: Int) throws(RPCError) -> JSONValue {
        guard let v = value(i), v.objectValue != nil else { throw .invalidParams("invalid argument \(i): expected object") }
        return v
    }

    /// Whether parameter `i` is present and not null.
    public func has(_ i: Int) -> Bool { value(i) != nil }
}

/// A block reference: a tag or a number.
public enum BlockTag: Sendable, Equatable {
    /// "latest", "pending", "safe", "finalized" all mean the head on chain v2 (no reorgs).
    case latest
    /// "earliest": block 0.
    case earliest
    /// A number.
    case number(UInt64)
    /// EIP-1898 `{"blockHash": …, "requireCanonical": …}`. Chain v2 has one chain and no reorgs,
    /// so every known hash is canonical and `requireCanonical` asks nothing more.
    case hash(UInt256)

    /// Parses a tag or hex number, and with `allowObject` (the state methods, EIP-1898) also
    /// `{"blockNumber": "0x…"}` or `{"blockHash": "0x…", "requireCanonical": bool}`.
    public init(_ v: JSONValue?, argument: Int, allowObject: Bool = false) throws(RPCError) {
        guard let v, v != .null else { self = .latest; return }
        if case .object(let fields) = v, allowObject {
            let keys = Set(fields.map(\.0))
            guard keys.isSubset(of: ["blockNumber", "blockHash", "requireCanonical"]),
                  keys.contains("blockNumber") != keys.contains("blockHash") else {
                throw .invalidParams("invalid argument \(argument): expected {blockNumber} or {blockHash, requireCanonical} (EIP-1898)")
            }
            if let n = v["blockNumber"] {
                guard keys == ["blockNumber"] else { throw .invalidParams("invalid argument \(argument): requireCanonical goes with blockHash") }
                self = try BlockTag(n, argument: argument)
                return
            }
            if let c = v["requireCanonical"], c != .bool(true), c != .bool(false) {
                throw .invalidParams("invalid argument \(argument): requireCanonical must be a boolean")
            }
            self = .hash(try RPCParams(values: [v["blockHash"]!]).hash(0))
            return
        }
        guard let s = v.stringValue else { throw .invalidParams("invalid argument \(argument): expected block number or tag") }
        switch s {
        case "latest", "pending", "safe", "finalized": self = .latest
        case "earliest": self = .earliest
        default:
            guard let n = Hex.decodeUInt64(s) else { throw .invalidParams("invalid argument \(argument): hex string without 0x prefix") }
            self = .number(n)
        }
    }

    /// The number it designates when the head is `head`; `number(ofHash:)` looks a block hash up.
    /// - Throws: -32000 "header for hash not found" for an unknown hash (go-ethereum's message).
    public func resolve(head: UInt64, number ofHash: (UInt256) throws -> UInt64? = { _ in nil }) throws -> UInt64 {
        switch self {
        case .latest: return head
        case .earliest: return 0
        case .number(let n): return n
        case .hash(let h):
            guard let n = try ofHash(h) else { throw RPCError.server("header for hash not found") }
            return n
        }
    }
}
