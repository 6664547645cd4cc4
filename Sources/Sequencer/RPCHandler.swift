import EVM
import Settlement
import Synchronization
import Foundation
import Keccak

/// Limits of the JSON-RPC layer.
public struct RPCLimits: Sendable {
    /// Largest request body in bytes (go-ethereum: 5 MiB).
    public var maxBodyBytes: Int
    /// Most requests in one batch (go-ethereum: 1000).
    public var maxBatchSize: Int
    /// Widest eth_getLogs block range.
    public var maxLogBlockRange: UInt64
    /// Most logs one eth_getLogs returns.
    public var maxLogResults: Int

    /// Limits (defaults: 5 MiB, 1000 requests, 10,000 blocks, 10,000 logs).
    public init(maxBodyBytes: Int = 5 << 20, maxBatchSize: Int = 1000, maxLogBlockRange: UInt64 = 10_000,
                maxLogResults: Int = 10_000) {
        self.maxBodyBytes = maxBodyBytes; self.maxBatchSize = maxBatchSize
        self.maxLogBlockRange = maxLogBlockRange; self.maxLogResults = maxLogResults
    }
}

/// JSON-RPC 2.0 over a `ChainNode`: parses a body (single request or batch), dispatches each
/// request and serialises the responses. Transport-free, so tests call it directly and the HTTP
/// server (`RPCServer`) only moves bytes.
public final class RPCHandler: Sendable {
    /// The node.
    public let node: ChainNode
    /// The limits.
    public let limits: RPCLimits
    /// Withdraw roots of sealed batches already derived, by index.
    let withdrawRoots = Mutex<[UInt64: UInt256]>([:])
    /// web3_clientVersion's answer.
    public static let clientVersion = "zkrollup/v0.1.0/linux-x86_64/swift6"

    /// A handler.
    public init(node: ChainNode, limits: RPCLimits = RPCLimits()) {
        self.node = node; self.limits = limits
    }

    /// Handles a request body.
    /// - Returns: the response body, or nil when every request was a notification (no `id`).
    public func handle(body: [UInt8]) async -> [UInt8]? {
        if body.count > limits.maxBodyBytes {
            return Self.response(id: .null, error: .invalidRequest("request body too large")).serialized
        }
        let request: JSONValue
        do { request = try JSONValue.parse(body) } catch {
            return Self.response(id: .null, error: .parse()).serialized
        }
        if case .array(let items) = request {
            if items.isEmpty { return Self.response(id: .null, error: .invalidRequest("empty batch")).serialized }
            if items.count > limits.maxBatchSize {
                return Self.response(id: .null, error: .invalidRequest("batch too large")).serialized
            }
            // Requests of a batch run concurrently (so their durable writes share group commits);
            // responses keep the request order.
            var slots = [JSONValue?](repeating: nil, count: items.count)
            await withTaskGroup(of: (Int, JSONValue?).self) { group in
                for (i, item) in items.enumerated() { group.addTask { (i, await self.handleOne(item)) } }
                for await (i, r) in group { slots[i] = r }
            }
            let out = slots.compactMap { $0 }
            return out.isEmpty ? nil : JSONValue.array(out).serialized
        }
        return await handleOne(request)?.serialized
    }

    /// Handles one request object; nil for a notification.
    public func handleOne(_ request: JSONValue) async -> JSONValue? {
        guard request.objectValue != nil, let method = request["method"]?.stringValue else {
            return Self.response(id: request["id"] ?? .null, error: .invalidRequest())
        }
        let id = request["id"]
        if let v = request["jsonrpc"], v != .string("2.0") {
            return Self.response(id: id ?? .null, error: .invalidRequest("invalid request: jsonrpc must be \"2.0\""))
        }
        let result: Result<JSONValue, RPCError>
        do {
            let params = try RPCParams(request["params"])
            result = .success(try await dispatch(method, params))
        } catch let e as RPCError {
            result = .failure(e)
        } catch {
            result = .failure(.internalError("\(error)"))
        }
        guard let id else { return nil }
        switch result {
        case .success(let v): return .object([("jsonrpc", .string("2.0")), ("id", id), ("result", v)])
        case .failure(let e): return Self.response(id: id, error: e)
        }
    }

    static func response(id: JSONValue, error: RPCError) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("id", id), ("error", error.json)])
    }

    /// Runs one method.
    public func dispatch(_ method: String, _ p: RPCParams) async throws -> JSONValue {
        switch method {
        case "web3_clientVersion": try p.expect(0, 0); return .string(Self.clientVersion)
        case "net_version": try p.expect(0, 0); return .string(String(node.chainId))
        case "net_listening": try p.expect(0, 0); return .bool(true)
        case "eth_chainId": try p.expect(0, 0); return RPCFormat.q(node.chainId)
        case "eth_blockNumber": try p.expect(0, 0); return RPCFormat.q(node.head.header.number)
        case "eth_syncing": try p.expect(0, 0); return .bool(false)
        case "eth_accounts": try p.expect(0, 0); return .array([])
        case "eth_gasPrice": try p.expect(0, 0); return RPCFormat.q(node.nextBaseFee + Self.suggestedTip)
        case "eth_maxPriorityFeePerGas": try p.expect(0, 0); return RPCFormat.q(Self.suggestedTip)
        case "eth_feeHistory": return try feeHistory(p)
        case "eth_getBalance":
            try p.expect(1, 2)
            return RPCFormat.q(try latestState(p, 1).balance(try p.address(0)))
        case "eth_getTransactionCount":
            try p.expect(1, 2)
            let address = try p.address(0)
            if p.values.count > 1, p.values[1] == .string("pending") { return RPCFormat.q(node.pendingNonce(of: address)) }
            return RPCFormat.q(try latestState(p, 1).nonce(address))
        case "eth_getCode":
            try p.expect(1, 2)
            return RPCFormat.d(try latestState(p, 1).code(try p.address(0)).bytes)
        case "eth_getStorageAt":
            try p.expect(2, 3)
            let address = try p.address(0)
            let slot = try p.uint256(1)
            return RPCFormat.w(try latestState(p, 2).storage(address, slot))
        case "eth_call": return try call(p)
        case "eth_estimateGas": return try estimateGas(p)
        case "eth_sendRawTransaction":
            try p.expect(1, 1)
            let raw = try p.bytes(0)
            do { return RPCFormat.w(try await node.submit(raw: raw)) } catch let e as MempoolError {
                throw RPCError.server(e.description)
            }
        case "eth_getTransactionByHash": return try transactionByHash(p)
        case "eth_getTransactionReceipt": return try receipt(p)
        case "eth_getBlockByNumber":
            try p.expect(2, 2)
            let n = try BlockTag(p.values[0], argument: 0).resolve(head: node.head.header.number)
            return try block(number: n, full: try p.bool(1))
        case "eth_getBlockByHash":
            try p.expect(2, 2)
            guard let n = try node.store.blockNumber(hash: try p.hash(0)) else { return .null }
            return try block(number: n, full: try p.bool(1))
        case "eth_getBlockTransactionCountByNumber":
            try p.expect(1, 1)
            let n = try BlockTag(p.values[0], argument: 0).resolve(head: node.head.header.number)
            guard n <= node.head.header.number else { return .null }
            return RPCFormat.q(UInt64(try node.store.transactionCount(block: n)))
        case "eth_getBlockTransactionCountByHash":
            try p.expect(1, 1)
            guard let n = try node.store.blockNumber(hash: try p.hash(0)) else { return .null }
            return RPCFormat.q(UInt64(try node.store.transactionCount(block: n)))
        case "eth_getLogs": return try logs(p)
        case "web3_sha3":
            try p.expect(1, 1)
            return RPCFormat.d(Keccak256.hash(try p.bytes(0)))
        case "net_peerCount": try p.expect(0, 0); return .string("0x0")
        case "eth_mining": try p.expect(0, 0); return .bool(false)
        case "eth_hashrate": try p.expect(0, 0); return .string("0x0")
        case "eth_coinbase": try p.expect(0, 0); return RPCFormat.a(node.genesis.coinbase)
        case "eth_getUncleCountByBlockNumber", "eth_getUncleCountByBlockHash": try p.expect(1, 1); return .string("0x0")
        case "eth_getBlockReceipts":
            try p.expect(1, 1)
            let n: UInt64
            if let s = p.values[0].stringValue, s.count == 66, let h = Hex.decode(s) {
                guard let m = try node.store.blockNumber(hash: UInt256(bigEndianAt: h)) else { return .null }
                n = m
            } else {
                n = try BlockTag(p.values[0], argument: 0).resolve(head: node.head.header.number)
            }
            guard n <= node.head.header.number else { return .null }
            return .array(try node.store.transactions(block: n).map { RPCFormat.receipt($0, firstLogIndex: $0.firstLogIndex) })
        case "eth_getTransactionByBlockNumberAndIndex", "eth_getTransactionByBlockHashAndIndex":
            try p.expect(2, 2)
            let n: UInt64
            if method.hasSuffix("HashAndIndex") {
                guard let m = try node.store.blockNumber(hash: try p.hash(0)) else { return .null }
                n = m
            } else {
                n = try BlockTag(p.values[0], argument: 0).resolve(head: node.head.header.number)
            }
            let index = try p.uint64(1)
            guard let header = try node.store.header(number: n) else { return .null }
            let txs = try node.store.transactions(block: n)
            guard index < UInt64(txs.count) else { return .null }
            return RPCFormat.transaction(txs[Int(index)], baseFee: header.baseFeePerGas)
        case "rollup_getBatch":
            try p.expect(1, 1)
            return try node.store.batch(index: try p.uint64(0)).map(batchJSON) ?? .null
        case "rollup_latestBatch":
            try p.expect(0, 0)
            return try node.store.latestBatch().map(batchJSON) ?? .null
        case "rollup_getWithdrawals":
            try p.expect(1, 1)
            guard let b = try node.store.batch(index: try p.uint64(0)) else { return .null }
            return .array(try L2Withdrawals.of(batch: b, in: node.store).enumerated().map { i, w in
                .object([("leafIndex", RPCFormat.q(UInt64(i))), ("to", .string(w.to.description)), ("amount", RPCFormat.q(w.amount))])
            })
        case "rollup_getWithdrawalProof":
            try p.expect(2, 2)
            guard let b = try node.store.batch(index: try p.uint64(0)) else { return .null }
            let leaf = try p.uint64(1)
            let withdrawals = try L2Withdrawals.of(batch: b, in: node.store)
            guard leaf < UInt64(withdrawals.count) else { return .null }
            let tree = WithdrawTree(withdrawals)
            return .object([
                ("batchIndex", RPCFormat.q(b.index)), ("leafIndex", RPCFormat.q(leaf)),
                ("to", .string(withdrawals[Int(leaf)].to.description)), ("amount", RPCFormat.q(withdrawals[Int(leaf)].amount)),
                ("withdrawRoot", RPCFormat.w(tree.root)),
                ("proof", .array(tree.proof(index: Int(leaf)).map(RPCFormat.w))),
            ])
        case "rollup_getBatchByBlock":
            try p.expect(1, 1)
            let n = try BlockTag(p.values[0], argument: 0).resolve(head: node.head.header.number)
            return try node.store.batch(containingBlock: n).map(batchJSON) ?? .null
        default:
            throw RPCError.methodNotFound(method)
        }
    }

    /// The priority fee suggested to wallets: zero (blocks are first-come-first-served and never full
    /// for long, so a tip buys nothing).
    public static let suggestedTip = UInt256.zero

    /// The latest state, after checking the block argument at `index` designates the head (the
    /// node keeps no historical state: older blocks get -32000 "historical state not available").
    func latestState(_ p: RPCParams, _ index: Int) throws -> WorldState { try snapshot(p, index).state }

    /// The header and state the block argument at `index` designates (default the head); the
    /// block must be among the last `stateHistory` blocks, which the node keeps (as a non-archive
    /// geth keeps 128). Taken once, so a head moving meanwhile cannot change what is read.
    func snapshot(_ p: RPCParams, _ index: Int) throws -> ChainNode.Snapshot {
        let (header, _) = node.head
        let n = p.has(index)
            ? try BlockTag(p.values[index], argument: index, allowObject: true)
                .resolve(head: header.number, number: { try node.store.blockNumber(hash: $0) })
            : header.number
        if n > header.number { throw RPCError.server("header not found") }
        guard let s = node.state(at: n) else {
            throw RPCError.server("historical state not available (block \(n), head \(header.number); the node keeps the last \(node.configuration.stateHistory) blocks' states)")
        }
        return s
    }

    /// A batch with its withdraw root: derived from its blocks' transactions once, then remembered
    /// (a sealed batch never changes), so polling rollup_latestBatch does not re-read its blocks.
    func batchJSON(_ b: BatchRecord) throws -> JSONValue {
        let cached = withdrawRoots.withLock { $0[b.index] }
        let root = try cached ?? L2Withdrawals.root(of: b, in: node.store)
        if cached == nil { withdrawRoots.withLock { $0[b.index] = root } }
        return RPCFormat.batch(b, withdrawRoot: root)
    }

    func block(number: UInt64, full: Bool) throws -> JSONValue {
        guard let header = try node.store.header(number: number) else { return .null }
        let hash = header.hash
        let txs = try node.store.transactions(block: number)
        let items: [JSONValue] = txs.map { full ? RPCFormat.transaction($0, baseFee: header.baseFeePerGas) : RPCFormat.w($0.hash) }
        var size = header.rlp.count + 3
        for t in txs { size += t.raw.count + 3 }
        let messages = header.messagesRoot == MerklePatriciaTrie.emptyRoot ? [] : try node.store.messages(block: number)
        return RPCFormat.block(header, hash: hash, transactions: items, size: size, messages: messages)
    }

    func transactionByHash(_ p: RPCParams) throws -> JSONValue {
        try p.expect(1, 1)
        let hash = try p.hash(0)
        // The pool first: a block is committed to the store before its transactions leave the
        // pool, so pool-then-store never misses a transaction that is moving from one to the
        // other (store-then-pool can, between the block's commit and its publication).
        if let pooled = node.pooledTransaction(hash: hash) {
            return RPCFormat.transaction(pooled.transaction, hash: pooled.hash, sender: pooled.sender, block: nil, baseFee: nil)
        }
        if let t = try node.store.transaction(hash: hash) {
            let baseFee = try node.store.header(number: t.blockNumber)?.baseFeePerGas ?? .zero
            return RPCFormat.transaction(t, baseFee: baseFee)
        }
        return .null
    }

    func receipt(_ p: RPCParams) throws -> JSONValue {
        try p.expect(1, 1)
        guard let t = try node.store.transaction(hash: try p.hash(0)) else { return .null }
        return RPCFormat.receipt(t, firstLogIndex: t.firstLogIndex)
    }

    func callRequest(_ p: RPCParams) throws -> CallRequest {
        let o = try p.object(0)
        let sub = RPCParams(values: [o["from"] ?? .null, o["to"] ?? .null, o["gas"] ?? .null, o["value"] ?? .null,
                                     o["input"] ?? o["data"] ?? .null])
        return CallRequest(from: sub.has(0) ? try sub.address(0) : .zero, to: sub.has(1) ? try sub.address(1) : nil,
                           gas: sub.has(2) ? try sub.uint64(2) : nil, value: sub.has(3) ? try sub.uint256(3) : .zero,
                           data: sub.has(4) ? try sub.bytes(4) : [])
    }

    func call(_ p: RPCParams) throws -> JSONValue {
        try p.expect(1, 3)
        let request = try callRequest(p)
        let block = try snapshot(p, 1)
        let result: ExecutionResult
        do { result = try node.call(request, at: block) } catch { throw RPCError.server("\(error)") }
        if result.status == .reverted { throw RPCError.reverted(result.output) }
        if !result.status.isSuccess { throw RPCError.server("execution failed: \(result.status)") }
        return RPCFormat.d(result.output)
    }

    func estimateGas(_ p: RPCParams) throws -> JSONValue {
        try p.expect(1, 3)
        let request = try callRequest(p)
        let block = try snapshot(p, 1)
        do { return RPCFormat.q(try node.estimateGas(request, at: block)) } catch let f as CallFailure {
            if f.result.status == .reverted { throw RPCError.reverted(f.result.output) }
            throw RPCError.server("gas required exceeds allowance (\(f.result.status))")
        } catch let e as TransactionError {
            throw RPCError.server("\(e)")
        }
    }
}

extension RPCParams {
    init(values: [JSONValue]) { self.values = values }

    func object2Array(_ i: Int) throws(RPCError) -> [JSONValue] {
        guard let a = value(i)?.arrayValue else { throw .invalidParams("invalid argument \(i): expected array") }
        return a
    }
}
