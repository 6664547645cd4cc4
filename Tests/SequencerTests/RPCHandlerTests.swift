import EVM
import Foundation
import Sequencer
import Testing

/// JSON-RPC envelopes and error codes, through `RPCHandler.handle(body:)` (no HTTP).
@Suite struct RPCHandlerTests {
    let handler: RPCHandler

    init() throws {
        handler = RPCHandler(node: try TestChain.openNode(dir: TestChain.tempDir()),
                             limits: RPCLimits(maxBodyBytes: 4096, maxBatchSize: 3, maxLogBlockRange: 10))
    }

    func call(_ body: String) async throws -> JSONValue {
        let out = try #require(await handler.handle(body: Array(body.utf8)))
        return try JSONValue.parse(out)
    }

    func errorCode(_ body: String) async throws -> Int? {
        guard case .number(let c)? = try await call(body)["error"]?["code"] else { return nil }
        return Int(c)
    }

    func request(_ method: String, _ params: String = "[]") -> String {
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\(method)\",\"params\":\(params)}"
    }

    @Test func resultsCarryTheRequestId() async throws {
        let r = try await call("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"eth_chainId\"}")
        #expect(r["id"] == .string("abc"))
        #expect(r["result"] == .string("0x539"))
        #expect(try await call(request("net_version"))["result"] == .string("1337"))
        #expect(try await call(request("eth_getBalance", "[\"\(DevAccounts.addresses[0])\",\"latest\"]"))["result"]
                == .string(DevAccounts.balance.hexString))
    }

    @Test(arguments: [
        ("{\"jsonrpc\":\"2.0\",", -32700),
        ("[]", -32600),
        ("{\"jsonrpc\":\"2.0\",\"id\":1}", -32600),
        ("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"eth_chainId\"}", -32600),
        ("\"just a string\"", -32600),
        ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_nope\"}", -32601),
        ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getBalance\",\"params\":[\"0x12\"]}", -32602),
        ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getBalance\",\"params\":{\"a\":1}}", -32602),
        ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[1]}", -32602),
        ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getBlockByNumber\",\"params\":[\"0x1\"]}", -32602),
        ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_sendRawTransaction\",\"params\":[\"0x1\"]}", -32602),
        ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_sendRawTransaction\",\"params\":[\"0xc0\"]}", -32000),
        ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getBalance\",\"params\":[\"0x0000000000000000000000000000000000000001\",\"0x5\"]}", -32000),
        ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getLogs\",\"params\":[{\"fromBlock\":\"0x0\",\"toBlock\":\"0x0\",\"address\":\"0x1\"}]}", -32602),
    ])
    func errorCodes(_ body: String, _ code: Int) async throws {
        #expect(try await errorCode(body) == code)
    }

    @Test func limits() async throws {
        let big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"x\":\"" + String(repeating: "a", count: 5000) + "\"}"
        #expect(try await errorCode(big) == -32600)
        let four = "[" + Array(repeating: request("eth_chainId"), count: 4).joined(separator: ",") + "]"
        #expect(try await errorCode(four) == -32600)
        let three = try await call("[" + Array(repeating: request("eth_chainId"), count: 3).joined(separator: ",") + "]")
        #expect(three.arrayValue?.count == 3)
    }

    @Test func notificationsGetNoResponse() async throws {
        #expect(await handler.handle(body: Array("{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"}".utf8)) == nil)
        let mixed = try await call("[{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"},\(request("eth_blockNumber"))]")
        #expect(mixed.arrayValue?.count == 1)
    }

    @Test func transactionRejectionsUseGethMessages() async throws {
        let wrongChain = Hex.encode(TestChain.tx(from: 0, nonce: 0, chainId: 5).encoded)
        let r = try await call(request("eth_sendRawTransaction", "[\"\(wrongChain)\"]"))
        #expect(r["error"]?["code"] == .number(-32000))
        #expect(r["error"]?["message"]?.stringValue?.hasPrefix("invalid chain id for signer") == true)
        let ok = Hex.encode(TestChain.tx(from: 0, nonce: 0).encoded)
        let sent = try await call(request("eth_sendRawTransaction", "[\"\(ok)\"]"))
        #expect(sent["result"] == .string(Hex.encode(TestChain.tx(from: 0, nonce: 0).hash)))
        let again = try await call(request("eth_sendRawTransaction", "[\"\(ok)\"]"))
        #expect(again["error"]?["message"] == .string("already known"))
        let pending = try await call(request("eth_getTransactionByHash", "[\"\(Hex.encode(TestChain.tx(from: 0, nonce: 0).hash))\"]"))
        #expect(pending["result"]?["blockHash"] == .null)
        #expect(pending["result"]?["from"] == .string(DevAccounts.addresses[0]))
        #expect(try await call(request("eth_getTransactionCount", "[\"\(DevAccounts.addresses[0])\",\"pending\"]"))["result"] == .string("0x1"))
        #expect(try await call(request("eth_getTransactionCount", "[\"\(DevAccounts.addresses[0])\",\"latest\"]"))["result"] == .string("0x0"))
    }

    @Test func revertReasonIsDecoded() {
        // Error("no") = 0x08c379a0, offset 0x20, length 2, "no" padded.
        var data: [UInt8] = [0x08, 0xc3, 0x79, 0xa0]
        data += UInt256(32).bigEndianBytes + UInt256(2).bigEndianBytes + [0x6e, 0x6f] + [UInt8](repeating: 0, count: 30)
        let e = RPCError.reverted(data)
        #expect(e.code == 3 && e.message == "execution reverted: no")
        #expect(e.data == .string(Hex.encode(data)))
    }
}

extension RPCHandlerTests {
    /// The example of the Ethereum JSON-RPC specification: web3_sha3("hello world").
    @Test func web3Sha3() async throws {
        let r = try await call(request("web3_sha3", "[\"0x68656c6c6f20776f726c64\"]"))
        #expect(r["result"] == .string("0x47173285a8d7341e5e972fc677286384f802f8ef42a5ec5f03bbfa254cb01fad"))
        #expect(try await call(request("web3_sha3", "[\"0x\"]"))["result"]
                == .string("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"))
    }

    @Test func blockReceiptsAndTransactionByIndex() async throws {
        let t = TestChain.tx(from: 9, nonce: 0)
        _ = try await call(request("eth_sendRawTransaction", "[\"\(Hex.encode(t.encoded))\"]"))
        let r: Result<BlockRecord?, any Error> = Interpreter.withLargeStack { Result { try self.handler.node.produceBlock(now: 1) } }
        _ = try r.get()
        let receipts = try await call(request("eth_getBlockReceipts", "[\"0x1\"]"))
        #expect(receipts["result"]?.arrayValue?.count == 1)
        #expect(receipts["result"]?.arrayValue?.first?["transactionHash"] == .string(Hex.encode(t.hash)))
        let byIndex = try await call(request("eth_getTransactionByBlockNumberAndIndex", "[\"latest\",\"0x0\"]"))
        #expect(byIndex["result"]?["hash"] == .string(Hex.encode(t.hash)))
        #expect(try await call(request("eth_getTransactionByBlockNumberAndIndex", "[\"latest\",\"0x1\"]"))["result"] == .null)
        #expect(try await call(request("eth_getBlockReceipts", "[\"0x9\"]"))["result"] == .null)
    }
}
