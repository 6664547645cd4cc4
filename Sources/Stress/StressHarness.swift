import EVM
import Foundation
import Keccak
import Sequencer

/// Settings of a stress run.
public struct StressOptions: Sendable {
    /// Sender accounts to create and fund.
    public var accounts: Int = 100
    /// Transfers to send.
    public var transactions: Int = 10_000
    /// Target send rate per second; nil sends as fast as possible.
    public var rate: Double?
    /// Requests in flight.
    public var concurrency: Int = 32
    /// Stop waiting for inclusions this many seconds after sending ends.
    public var drainSeconds: Double = 60
    /// Percentage of token transfers (`StressToken`) in the mix; the rest are ether transfers.
    public var erc20Percent: Int = 0
    /// Transactions per HTTP request (1: one eth_sendRawTransaction per request; more: JSON-RPC batches).
    public var batchSize: Int = 1
    /// Seed of the generated account keys (runs are repeatable).
    public var seed: UInt64 = 1
    /// An options value with the defaults.
    public init() {}
}

/// The load harness: funds `accounts` fresh keys from the dev accounts, pre-signs transfers
/// (round-robin over senders, so each sender's pool queue stays short), sends them over HTTP
/// with `concurrency` requests in flight, and follows new blocks to time each inclusion.
public struct StressHarness: Sendable {
    /// The client.
    public let client: RPCClient
    /// The settings.
    public let options: StressOptions
    /// Progress lines go here (stderr in the CLI).
    public let log: @Sendable (String) -> Void

    /// A harness.
    public init(client: RPCClient, options: StressOptions, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.client = client; self.options = options; self.log = log
    }

    /// A deterministic private key: keccak256("zkrollup-stress" ‖ seed ‖ i).
    public static func key(seed: UInt64, index: Int) -> [UInt8] {
        var input = Array("zkrollup-stress".utf8)
        withUnsafeBytes(of: seed.bigEndian) { input += $0 }
        withUnsafeBytes(of: UInt64(index).bigEndian) { input += $0 }
        return Keccak256.hash(input)
    }

    /// Runs the whole test.
    public func run() async throws -> StressReport {
        let chainId = try await client.quantity("eth_chainId")
        let gasPrice = try await client.call("eth_gasPrice").stringValue.flatMap { UInt256(hex: $0) } ?? UInt256(1_000_000_000)
        let maxFee = gasPrice * UInt256(4) + UInt256(1_000_000_000)
        let keys = (0..<options.accounts).map { Self.key(seed: options.seed, index: $0) }
        let addresses = try keys.compactMap { try Address(bytes: Secp256k1.address(privateKey: $0)) }
        try await fund(addresses, chainId: chainId, maxFee: maxFee)
        // Pre-sign: transaction j comes from account j mod K.
        var nonces = [UInt64](repeating: 0, count: keys.count)
        for (i, a) in addresses.enumerated() { nonces[i] = try await client.quantity("eth_getTransactionCount", [.string(a.description), .string("pending")]) }
        let sink = Address(0x5715)
        let token = options.erc20Percent > 0 ? try await deployToken(to: addresses, chainId: chainId, maxFee: maxFee) : nil
        for (i, a) in addresses.enumerated() { nonces[i] = try await client.quantity("eth_getTransactionCount", [.string(a.description), .string("pending")]) }
        var raws: [String] = []
        raws.reserveCapacity(options.transactions)
        for j in 0..<options.transactions {
            let i = j % keys.count
            let unsigned: Transaction
            if let token, j % 100 < options.erc20Percent {
                unsigned = Transaction.dynamicFee(chainId: chainId, nonce: nonces[i], maxPriorityFeePerGas: .zero, maxFeePerGas: maxFee,
                                                  gasLimit: 80_000, to: token, data: StressToken.transferCall(to: sink, amount: .one))
            } else {
                unsigned = Transaction.dynamicFee(chainId: chainId, nonce: nonces[i], maxPriorityFeePerGas: .zero, maxFeePerGas: maxFee,
                                                  gasLimit: 21_000, to: sink, value: .one)
            }
            let tx = try unsigned.signed(privateKey: keys[i])
            nonces[i] += 1
            raws.append(Hex.encode(tx.encoded))
        }
        log("signed \(raws.count) transfers from \(keys.count) accounts; sending")
        let startBlock = try await client.quantity("eth_blockNumber")
        let recorder = Recorder(count: raws.count)
        let start = Date()
        let watcher = Task { try await watchBlocks(from: startBlock + 1, recorder: recorder, start: start) }
        let counter = Counter()
        let signed = raws
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<options.concurrency {
                group.addTask {
                    while let first = counter.next(limit: signed.count, take: options.batchSize) {
                        if let rate = options.rate {
                            let due = Double(first.lowerBound) / rate - Date().timeIntervalSince(start)
                            if due > 0 { try await Task.sleep(nanoseconds: UInt64(due * 1e9)) }
                        }
                        let sentAt = Date().timeIntervalSince(start)
                        if first.count == 1 {
                            let j = first.lowerBound
                            do {
                                let r = try await client.call("eth_sendRawTransaction", [.string(signed[j])])
                                recorder.accept(j, hash: r.stringValue ?? "", sentAt: sentAt, ackAt: Date().timeIntervalSince(start))
                            } catch RPCClientError.rpc(_, let message) {
                                recorder.reject(String(message.split(separator: ":").first ?? ""))
                            } catch {
                                recorder.reject("transport")
                            }
                            continue
                        }
                        do {
                            let results = try await client.batch(first.map { ("eth_sendRawTransaction", [.string(signed[$0])]) })
                            let ackAt = Date().timeIntervalSince(start)
                            for (j, r) in zip(first, results) {
                                switch r {
                                case .success(let v): recorder.accept(j, hash: v.stringValue ?? "", sentAt: sentAt, ackAt: ackAt)
                                case .failure(.rpc(_, let message)): recorder.reject(String(message.split(separator: ":").first ?? ""))
                                case .failure: recorder.reject("transport")
                                }
                            }
                        } catch {
                            for _ in first { recorder.reject("transport") }
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let sendSeconds = Date().timeIntervalSince(start)
        log(String(format: "sent in %.2f s; waiting for inclusion", sendSeconds))
        let deadline = Date().addingTimeInterval(options.drainSeconds)
        while recorder.pendingCount > 0 && Date() < deadline { try await Task.sleep(nanoseconds: 50_000_000) }
        watcher.cancel()
        let pending = recorder.pendingCount
        log(pending == 0 ? "every accepted transfer included; writing the report"
                         : "\(pending) accepted transfers not included after \(Int(options.drainSeconds)) s of draining; writing the report")
        return recorder.report(sendSeconds: sendSeconds)
    }

    /// Sends 1 ether to each address from the ten dev accounts, at most 50 in flight per funder.
    func fund(_ addresses: [Address], chainId: UInt64, maxFee: UInt256) async throws {
        let funders = DevAccounts.privateKeys.compactMap { Hex.decode($0) }
        var next = 0
        while next < addresses.count {
            for (f, key) in funders.enumerated() {
                let from = DevAccounts.addresses[f]
                var nonce = try await client.quantity("eth_getTransactionCount", [.string(from), .string("pending")])
                for _ in 0..<50 where next < addresses.count {
                    let tx = try Transaction.dynamicFee(chainId: chainId, nonce: nonce, maxPriorityFeePerGas: .zero, maxFeePerGas: maxFee,
                                                        gasLimit: 21_000, to: addresses[next],
                                                        value: UInt256(1_000_000_000_000_000_000)).signed(privateKey: key)
                    _ = try await client.call("eth_sendRawTransaction", [.string(Hex.encode(tx.encoded))])
                    nonce += 1
                    next += 1
                }
            }
            // Wait until every funder's transactions are in blocks.
            for from in DevAccounts.addresses {
                while try await client.quantity("eth_getTransactionCount", [.string(from), .string("latest")])
                        < client.quantity("eth_getTransactionCount", [.string(from), .string("pending")]) {
                    try await Task.sleep(nanoseconds: 50_000_000)
                }
            }
        }
        log("funded \(addresses.count) accounts")
    }

    /// Deploys `StressToken` from dev account 0 and gives each address 10^9 tokens.
    /// - Returns: the token's address.
    func deployToken(to addresses: [Address], chainId: UInt64, maxFee: UInt256) async throws -> Address {
        guard let key = Hex.decode(DevAccounts.privateKeys[0]), let owner = Address(hex: DevAccounts.addresses[0]) else {
            throw RPCClientError.transport("dev key")
        }
        var nonce = try await client.quantity("eth_getTransactionCount", [.string(owner.description), .string("pending")])
        let token = Interpreter.createAddress(caller: owner, nonce: nonce)
        var next = -1 // -1: the deployment itself
        while next < addresses.count {
            for _ in 0..<50 where next < addresses.count {
                let tx = next < 0
                    ? Transaction.dynamicFee(chainId: chainId, nonce: nonce, maxPriorityFeePerGas: .zero, maxFeePerGas: maxFee,
                                             gasLimit: 300_000, to: nil, data: StressToken.initCode(supply: UInt256(1).shiftedLeft(200)))
                    : Transaction.dynamicFee(chainId: chainId, nonce: nonce, maxPriorityFeePerGas: .zero, maxFeePerGas: maxFee,
                                             gasLimit: 80_000, to: token,
                                             data: StressToken.transferCall(to: addresses[next], amount: UInt256(1_000_000_000)))
                _ = try await client.call("eth_sendRawTransaction", [.string(Hex.encode(try tx.signed(privateKey: key).encoded))])
                nonce += 1
                next += 1
            }
            while try await client.quantity("eth_getTransactionCount", [.string(owner.description), .string("latest")]) < nonce {
                try await Task.sleep(nanoseconds: 50_000_000)
            }
        }
        log("deployed the stress token at \(token) and funded \(addresses.count) holders")
        return token
    }

    /// Follows blocks from `first`, recording when each transaction hash appears.
    func watchBlocks(from first: UInt64, recorder: Recorder, start: Date) async throws {
        var next = first
        while !Task.isCancelled {
            let head = try await client.quantity("eth_blockNumber")
            while next <= head {
                let block = try await client.call("eth_getBlockByNumber", [.string(Hex.quantity(next)), .bool(false)])
                let at = Date().timeIntervalSince(start)
                for h in block["transactions"]?.arrayValue ?? [] { if let s = h.stringValue { recorder.include(hash: s, at: at) } }
                next += 1
            }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
    }
}

/// Hands out indices to the sending tasks.
final class Counter: @unchecked Sendable {
    let lock = NSLock()
    var value = 0
    func next(limit: Int, take: Int) -> Range<Int>? {
        lock.lock(); defer { lock.unlock() }
        guard value < limit else { return nil }
        let r = value..<min(limit, value + max(take, 1))
        value = r.upperBound
        return r
    }
}

/// Collects send, acknowledgement and inclusion times (thread-safe).
final class Recorder: @unchecked Sendable {
    let lock = NSLock()
    var sentAt: [Double]
    var ackAt: [Double]
    var includedAt: [Double]
    var indexByHash: [String: Int] = [:]
    var errors: [String: Int] = [:]
    var accepted = 0
    var included = 0
    var earlyInclusions: [String: Double] = [:]

    init(count: Int) {
        sentAt = .init(repeating: -1, count: count)
        ackAt = .init(repeating: -1, count: count)
        includedAt = .init(repeating: -1, count: count)
    }

    func accept(_ j: Int, hash: String, sentAt s: Double, ackAt a: Double) {
        lock.lock(); defer { lock.unlock() }
        sentAt[j] = s; ackAt[j] = a; accepted += 1
        indexByHash[hash] = j
        if let at = earlyInclusions.removeValue(forKey: hash) { includedAt[j] = at; included += 1 }
    }

    func reject(_ kind: String) {
        lock.lock(); defer { lock.unlock() }
        errors[kind, default: 0] += 1
    }

    func include(hash: String, at: Double) {
        lock.lock(); defer { lock.unlock() }
        if let j = indexByHash[hash] {
            if includedAt[j] < 0 { includedAt[j] = at; included += 1 }
        } else {
            earlyInclusions[hash] = at // the block was seen before the acknowledgement arrived
        }
    }

    var pendingCount: Int { lock.lock(); defer { lock.unlock() }; return accepted - included }

    func report(sendSeconds: Double) -> StressReport {
        lock.lock(); defer { lock.unlock() }
        var latencies: [Double] = []
        var lastInclusion = 0.0
        let seconds = Int((max(includedAt.max() ?? 0, sendSeconds)).rounded(.up)) + 1
        var perSecond = [(accepted: Int, included: Int, lat: [Double])](repeating: (0, 0, []), count: seconds)
        for j in sentAt.indices where ackAt[j] >= 0 {
            perSecond[min(Int(ackAt[j]), seconds - 1)].accepted += 1
            if includedAt[j] >= 0 {
                let l = includedAt[j] - sentAt[j]
                latencies.append(l)
                lastInclusion = max(lastInclusion, includedAt[j])
                let s = min(Int(includedAt[j]), seconds - 1)
                perSecond[s].included += 1
                perSecond[s].lat.append(l)
            }
        }
        latencies.sort()
        let includedTPS = lastInclusion > 0 ? Double(latencies.count) / lastInclusion : 0
        let sent = accepted + errors.values.reduce(0, +)
        return StressReport(sent: sent, accepted: accepted, included: latencies.count, errors: errors,
                            acceptedTPS: sendSeconds > 0 ? Double(accepted) / sendSeconds : 0, includedTPS: includedTPS,
                            p50: StressReport.percentile(latencies, 0.5), p95: StressReport.percentile(latencies, 0.95),
                            p99: StressReport.percentile(latencies, 0.99), transactionsPerDay: includedTPS * 86_400,
                            timeline: perSecond.enumerated().map { i, v in
                                (i, v.accepted, v.included, StressReport.percentile(v.lat.sorted(), 0.5))
                            }, sendSeconds: sendSeconds)
    }
}
