import EVM
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A minimal JSON-RPC 2.0 client over HTTP (URLSession, keep-alive connections).
public final class RPCClient: Sendable {
    /// The endpoint.
    public let url: URL
    let session: URLSession

    /// A client for `url` with up to `connections` parallel connections.
    public init(url: URL, connections: Int = 64) {
        self.url = url
        let config = URLSessionConfiguration.ephemeral
        config.httpMaximumConnectionsPerHost = connections
        config.timeoutIntervalForRequest = 60
        session = URLSession(configuration: config)
    }

    /// Calls `method`; returns `result`.
    /// - Throws: `RPCClientError.rpc` with the server's error, `.transport` for HTTP failures.
    public func call(_ method: String, _ params: [JSONValue] = []) async throws -> JSONValue {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let body = JSONValue.object([("jsonrpc", .string("2.0")), ("id", .number(1)), ("method", .string(method)),
                                     ("params", .array(params))])
        request.httpBody = Data(body.serialized)
        let data: Data
        do { (data, _) = try await session.data(for: request) } catch { throw RPCClientError.transport(describe(error)) }
        let response: JSONValue
        do { response = try JSONValue.parse(data) } catch { throw RPCClientError.transport("response is not JSON") }
        if let e = response["error"] {
            let code: Int = if case .number(let d)? = e["code"] { Int(d) } else { 0 }
            throw RPCClientError.rpc(code: code, message: e["message"]?.stringValue ?? "")
        }
        return response["result"] ?? .null
    }

    /// Sends one JSON-RPC batch; returns each call's result or error, in call order.
    /// - Throws: `RPCClientError.transport` when the batch as a whole fails.
    public func batch(_ calls: [(method: String, params: [JSONValue])]) async throws -> [Result<JSONValue, RPCClientError>] {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let body = JSONValue.array(calls.enumerated().map { i, c in
            .object([("jsonrpc", .string("2.0")), ("id", .number(Double(i))), ("method", .string(c.method)),
                     ("params", .array(c.params))])
        })
        request.httpBody = Data(body.serialized)
        let data: Data
        do { (data, _) = try await session.data(for: request) } catch { throw RPCClientError.transport(describe(error)) }
        guard let items = (try? JSONValue.parse(data))?.arrayValue else { throw RPCClientError.transport("batch response is not an array") }
        var out = [Result<JSONValue, RPCClientError>](repeating: .failure(.transport("missing response")), count: calls.count)
        for item in items {
            guard case .number(let d)? = item["id"], d >= 0, Int(d) < calls.count else { continue }
            if let e = item["error"] {
                let code: Int = if case .number(let c)? = e["code"] { Int(c) } else { 0 }
                out[Int(d)] = .failure(.rpc(code: code, message: e["message"]?.stringValue ?? ""))
            } else {
                out[Int(d)] = .success(item["result"] ?? .null)
            }
        }
        return out
    }

    /// "cannot reach URL: reason", with Foundation's own sentence rather than its error dump.
    func describe(_ error: any Error) -> String {
        let ns = error as NSError
        let reason = ns.userInfo[NSLocalizedDescriptionKey] as? String ?? "\(error)"
        return "cannot reach \(url.absoluteString): \(reason)"
    }

    /// A quantity result as UInt64.
    public func quantity(_ method: String, _ params: [JSONValue] = []) async throws -> UInt64 {
        guard let s = try await call(method, params).stringValue, let v = Hex.decodeUInt64(s) else {
            throw RPCClientError.transport("\(method): not a quantity")
        }
        return v
    }
}

/// Why a client call failed.
public enum RPCClientError: Error, Sendable, Equatable {
    /// The server answered with a JSON-RPC error.
    case rpc(code: Int, message: String)
    /// No usable answer (connection, HTTP or JSON failure).
    case transport(String)
}
