import EVM
import Foundation
import Keccak
import Sequencer
import Settlement

/// The settlement contract on chain v1, over standard Ethereum JSON-RPC: any EVM chain's node
/// (an Evmos/Ethermint node in production, `zkrollup l1 --dev` in development).
///
/// Writes are simulated with `eth_call` first, so a call the contract would refuse fails with
/// the contract's own revert string (SPEC.md) and costs no gas; then signed (EIP-1559) with the
/// caller's key, sent, and awaited by polling for the receipt. The client keeps no state of its
/// own: nonces and fees are read from the node for every transaction, so several processes (the
/// sequencer, a person at the command line) can share a key as long as they do not send at once.
public final class L1Client: Sendable {
    /// The v1 node.
    public let rpc: RPCClient
    /// The settlement contract's address.
    public let rollup: Address
    /// How long `send` waits for a receipt.
    public let receiptTimeout: Double

    /// A client of the contract at `rollup` through the node at `url`.
    public init(url: URL, rollup: Address, receiptTimeout: Double = 120) {
        rpc = RPCClient(url: url, connections: 4)
        self.rollup = rollup
        self.receiptTimeout = receiptTimeout
    }

    // MARK: - Reads

    /// eth_chainId.
    public func chainId() async throws(L1ClientError) -> UInt64 { try await quantity("eth_chainId") }

    /// eth_blockNumber.
    public func blockNumber() async throws(L1ClientError) -> UInt64 { try await quantity("eth_blockNumber") }

    /// eth_getBalance at the latest block.
    public func balance(of address: Address) async throws(L1ClientError) -> UInt256 {
        try await word(try await call("eth_getBalance", [.string(address.description), .string("latest")]), "eth_getBalance")
    }

    /// A `uint256`/`bytes32` view of the contract (`lastFinalizedBatch()`, `batchHash(uint256)`, …).
    public func view(_ signature: String, _ args: UInt256...) async throws(L1ClientError) -> UInt256 {
        try await words(signature, count: 1, args)[0]
    }

    /// A view that returns a static array of `count` words (`batchPublicInputs(uint256)`, `uint256[3]`).
    public func view(_ signature: String, words count: Int, _ args: UInt256...) async throws(L1ClientError) -> [UInt256] {
        try await words(signature, count: count, args)
    }

    func words(_ signature: String, count: Int, _ args: [UInt256]) async throws(L1ClientError) -> [UInt256] {
        var data = Array(Keccak256.hash(Array(signature.utf8)).prefix(4))
        for a in args { data += a.bigEndianBytes }
        let out = try await ethCall(data: data, from: nil, value: .zero, what: signature)
        guard out.count >= 32 * count else { throw .malformed("\(signature) returned \(out.count) bytes") }
        return (0..<count).map { UInt256(bigEndianAt: Array(out[32 * $0..<32 * $0 + 32])) }
    }

    /// Whether the contract's code is at `rollup`, and its chain v2 id.
    public func checkDeployment(l2ChainId expected: UInt64) async throws(L1ClientError) {
        let code = try await call("eth_getCode", [.string(rollup.description), .string("latest")]).stringValue ?? "0x"
        guard code.count > 2 else { throw .wrongChain("no contract at \(rollup)") }
        let id = try await view("l2ChainId()")
        guard id == UInt256(expected) else { throw .wrongChain("the contract at \(rollup) settles chain \(id), not \(expected)") }
    }

    /// The `DepositQueued` events of blocks `from…to`, as chain v2 deposits, in queue order.
    public func deposits(fromBlock from: UInt64, toBlock to: UInt64) async throws(L1ClientError) -> [L1Message] {
        let filter = JSONValue.object([
            ("fromBlock", .string(Hex.quantity(from))), ("toBlock", .string(Hex.quantity(to))),
            ("address", .string(rollup.description)),
            ("topics", .array([.string(Hex.encode(word: RollupEvent.topics[3]))])),
        ])
        var out: [L1Message] = []
        for log in try await call("eth_getLogs", [filter]).arrayValue ?? [] {
            guard case .depositQueued(let deposit)? = try event(log) else { throw .malformed("a DepositQueued log does not decode") }
            out.append(deposit)
        }
        return out.sorted { $0.index < $1.index }
    }

    // MARK: - Writes

    /// Simulates, signs, sends and awaits `call` from the account of `key`.
    /// - Throws: `.reverted` with the contract's reason (before sending, or when the mined
    ///   transaction failed), `.timeout` when no receipt came, `.rpc` for the node's errors.
    public func send(_ call: RollupCall, key: [UInt8], value: UInt256 = .zero) async throws(L1ClientError) -> L1Receipt {
        try await transact(to: rollup, data: call.calldata, value: value, key: key, what: call.name)
    }

    /// Deploys the settlement contract from its committed bytecode; returns the receipt (with the address).
    public static func deploy(_ deployment: RollupDeployment, url: URL, key: [UInt8]) async throws(L1ClientError) -> L1Receipt {
        let client = L1Client(url: url, rollup: Address(0))
        return try await client.transact(to: nil, data: deployment.initCode, value: .zero, key: key, what: "deployment")
    }

    func transact(to: Address?, data: [UInt8], value: UInt256, key: [UInt8], what: String) async throws(L1ClientError) -> L1Receipt {
        let sender: Address
        do { sender = try Address(privateKey: key) } catch { throw .malformed("operator key: \(error)") }
        if let to { _ = try await ethCall(data: data, from: sender, value: value, what: what, to: to) }
        let chainId = try await chainId()
        let nonce = try await quantity("eth_getTransactionCount", [.string(sender.description), .string("pending")])
        let tip = try await word(try await call("eth_maxPriorityFeePerGas"), "eth_maxPriorityFeePerGas")
        let gasPrice = try await word(try await call("eth_gasPrice"), "eth_gasPrice")
        var estimate: [(String, JSONValue)] = [("from", .string(sender.description)), ("data", .string(Hex.encode(data))),
                                               ("value", .string(value.hexString))]
        if let to { estimate.append(("to", .string(to.description))) }
        let gas = try await quantity("eth_estimateGas", [.object(estimate)])
        let tx = Transaction.dynamicFee(chainId: chainId, nonce: nonce, maxPriorityFeePerGas: tip,
                                        maxFeePerGas: gasPrice &+ gasPrice &+ tip, gasLimit: gas + gas / 5, to: to,
                                        value: value, data: data)
        let signed: Transaction
        do { signed = try tx.signed(privateKey: key) } catch { throw .malformed("signing: \(error)") }
        let hashText = try await call("eth_sendRawTransaction", [.string(Hex.encode(signed.encoded))]).stringValue ?? ""
        let deadline = Date().addingTimeInterval(receiptTimeout)
        while Date() < deadline {
            let r = try await call("eth_getTransactionReceipt", [.string(hashText)])
            if case .object = r { return try receipt(r, what: what, hash: hashText) }
            try? await Task.sleep(for: .milliseconds(100))
        }
        throw .timeout("\(what) \(hashText) not mined after \(Int(receiptTimeout)) s")
    }

    // MARK: - JSON-RPC plumbing

    func call(_ method: String, _ params: [JSONValue] = []) async throws(L1ClientError) -> JSONValue {
        do { return try await rpc.call(method, params) } catch let e as RPCClientError { throw L1ClientError(e) } catch {
            throw .rpc("\(error)")
        }
    }

    func quantity(_ method: String, _ params: [JSONValue] = []) async throws(L1ClientError) -> UInt64 {
        guard let s = try await call(method, params).stringValue, let v = Hex.decodeUInt64(s) else {
            throw .malformed("\(method): not a quantity")
        }
        return v
    }

    func word(_ v: JSONValue, _ what: String) async throws(L1ClientError) -> UInt256 {
        guard let s = v.stringValue, let w = UInt256(hex: s) else { throw .malformed("\(what): not a quantity") }
        return w
    }

    /// eth_call; a revert becomes `.reverted` with the decoded reason.
    func ethCall(data: [UInt8], from: Address?, value: UInt256, what: String, to: Address? = nil) async throws(L1ClientError) -> [UInt8] {
        var o: [(String, JSONValue)] = [("to", .string((to ?? rollup).description)), ("data", .string(Hex.encode(data)))]
        if let from { o.append(("from", .string(from.description))) }
        if !value.isZero { o.append(("value", .string(value.hexString))) }
        do {
            let r = try await rpc.call("eth_call", [.object(o), .string("latest")])
            guard let s = r.stringValue, let bytes = Hex.decode(s) else { throw L1ClientError.malformed("eth_call result") }
            return bytes
        } catch RPCClientError.rpc(let code, let message) where code == 3 || message.hasPrefix("execution reverted") {
            let prefix = "execution reverted: "
            throw .reverted(call: what, reason: message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : "")
        } catch let e as RPCClientError {
            throw L1ClientError(e)
        } catch let e as L1ClientError {
            throw e
        } catch {
            throw .rpc("\(error)")
        }
    }

    func event(_ log: JSONValue) throws(L1ClientError) -> RollupEvent? {
        guard let address = log["address"]?.stringValue.flatMap(Address.init(hex:)), address == rollup else { return nil }
        var topics: [UInt256] = []
        for t in log["topics"]?.arrayValue ?? [] {
            guard let w = t.stringValue.flatMap({ UInt256(hex: $0) }) else { throw .malformed("log topic") }
            topics.append(w)
        }
        guard let data = log["data"]?.stringValue.flatMap(Hex.decode) else { throw .malformed("log data") }
        return RollupEvent(topics: topics, data: data)
    }

    func receipt(_ r: JSONValue, what: String, hash: String) throws(L1ClientError) -> L1Receipt {
        guard let status = r["status"]?.stringValue.flatMap(Hex.decodeUInt64),
              let gasUsed = r["gasUsed"]?.stringValue.flatMap(Hex.decodeUInt64),
              let block = r["blockNumber"]?.stringValue.flatMap(Hex.decodeUInt64),
              let h = UInt256(hex: hash) else { throw .malformed("receipt of \(hash)") }
        guard status == 1 else { throw .reverted(call: what, reason: "transaction \(hash) failed on chain (status 0)") }
        var events: [RollupEvent] = []
        for log in r["logs"]?.arrayValue ?? [] { if let e = try event(log) { events.append(e) } }
        let created = r["contractAddress"]?.stringValue.flatMap(Address.init(hex:))
        return L1Receipt(hash: h, status: true, gasUsed: gasUsed, blockNumber: block, events: events, contractAddress: created)
    }
}
