import EVM

/// A JSON-RPC 2.0 error object with Ethereum's codes.
public struct RPCError: Error, Sendable, Equatable {
    /// The error code.
    public var code: Int
    /// The message (go-ethereum's wording where one exists).
    public var message: String
    /// Optional data (revert data of a failed call).
    public var data: JSONValue?

    /// An error.
    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code; self.message = message; self.data = data
    }

    /// -32700: the body is not JSON.
    public static func parse(_ detail: String = "parse error") -> RPCError { RPCError(code: -32700, message: detail) }
    /// -32600: JSON, but not a request object (or an empty or oversized batch).
    public static func invalidRequest(_ detail: String = "invalid request") -> RPCError { RPCError(code: -32600, message: detail) }
    /// -32601: no such method.
    public static func methodNotFound(_ method: String) -> RPCError {
        RPCError(code: -32601, message: "the method \(method) does not exist/is not available")
    }
    /// -32602: wrong number or type of parameters.
    public static func invalidParams(_ detail: String) -> RPCError { RPCError(code: -32602, message: detail) }
    /// -32603: the node failed (storage error and the like).
    public static func internalError(_ detail: String) -> RPCError { RPCError(code: -32603, message: detail) }
    /// -32000: a transaction or call was rejected (go-ethereum's generic server error).
    public static func server(_ message: String) -> RPCError { RPCError(code: -32000, message: message) }
    /// -32005: a query exceeds a limit (block range, result count).
    public static func limitExceeded(_ message: String) -> RPCError { RPCError(code: -32005, message: message) }
    /// 3: a call reverted; `data` carries the revert output.
    public static func reverted(_ output: [UInt8]) -> RPCError {
        RPCError(code: 3, message: "execution reverted" + (RevertReason.decode(output).map { ": " + $0 } ?? ""),
                 data: .string(Hex.encode(output)))
    }

    /// The error object `{"code":…,"message":…,"data":…}`.
    public var json: JSONValue {
        var o: [(String, JSONValue)] = [("code", .number(Double(code))), ("message", .string(message))]
        if let data { o.append(("data", data)) }
        return .object(o)
    }
}

/// Solidity's `Error(string)` revert payload.
enum RevertReason {
    /// The reason string of `0x08c379a0 ‖ abi.encode(string)`, or nil for other data.
    static func decode(_ output: [UInt8]) -> String? {
        guard output.count >= 68, output[0..<4] == [0x08, 0xc3, 0x79, 0xa0] else { return nil }
        let lengthBytes = output[36..<68]
        guard lengthBytes.prefix(24).allSatisfy({ $0 == 0 }) else { return nil }
        var length = 0
        for b in lengthBytes.suffix(8) { length = length << 8 | Int(b) }
        guard length >= 0, 68 + length <= output.count else { return nil }
        return String(decoding: output[68..<68 + length], as: UTF8.self)
    }
}
