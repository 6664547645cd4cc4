import EVM

// eth_getLogs and eth_feeHistory: the range queries over stored blocks.
extension RPCHandler {
    func logs(_ p: RPCParams) throws -> JSONValue {
        try p.expect(1, 1)
        let o = try p.object(0)
        let head = node.head.header.number
        var from: UInt64, to: UInt64
        if let bh = o["blockHash"], bh != .null {
            guard let n = try node.store.blockNumber(hash: try RPCParams(values: [bh]).hash(0)) else {
                throw RPCError.server("unknown block")
            }
            from = n; to = n
        } else {
            from = try BlockTag(o["fromBlock"], argument: 0).resolve(head: head)
            to = try BlockTag(o["toBlock"], argument: 0).resolve(head: head)
        }
        to = min(to, head)
        if from > to { return .array([]) }
        if to - from + 1 > limits.maxLogBlockRange {
            throw RPCError.limitExceeded("block range too large: \(to - from + 1) > \(limits.maxLogBlockRange)")
        }
        var addresses: [Address] = []
        switch o["address"] {
        case .string(let s)?:
            guard let a = Address(hex: s) else { throw RPCError.invalidParams("invalid argument 0: invalid address") }
            addresses = [a]
        case .array(let items)?:
            for i in items {
                guard let s = i.stringValue, let a = Address(hex: s) else { throw RPCError.invalidParams("invalid argument 0: invalid address") }
                addresses.append(a)
            }
        case nil, .null?: break
        default: throw RPCError.invalidParams("invalid argument 0: invalid address")
        }
        var topics: [[UInt256]?] = []
        for t in o["topics"]?.arrayValue ?? [] {
            switch t {
            case .null: topics.append(nil)
            case .string: topics.append([try RPCParams(values: [t]).hash(0)])
            case .array(let alts): topics.append(try alts.map { v throws(RPCError) in try RPCParams(values: [v]).hash(0) })
            default: throw RPCError.invalidParams("invalid argument 0: invalid topic")
            }
        }
        if topics.count > 4 { throw RPCError.invalidParams("invalid argument 0: too many topics") }
        let records = try node.store.logs(LogFilter(fromBlock: from, toBlock: to, addresses: addresses, topics: topics))
        if records.count > limits.maxLogResults {
            throw RPCError.limitExceeded("query returned more than \(limits.maxLogResults) results")
        }
        return .array(records.map(RPCFormat.log))
    }

    func feeHistory(_ p: RPCParams) throws -> JSONValue {
        try p.expect(2, 3)
        let count = min(try p.uint64(0), 1024)
        let head = node.head.header.number
        let newest = min(try BlockTag(p.values[1], argument: 1).resolve(head: head), head)
        var percentiles: [Double] = []
        for v in (p.has(2) ? try p.object2Array(2) : []) {
            guard case .number(let d) = v, d >= 0, d <= 100, d >= (percentiles.last ?? 0) else {
                throw RPCError.invalidParams("invalid argument 2: invalid reward percentile")
            }
            percentiles.append(d)
        }
        if count == 0 { return .object([("oldestBlock", RPCFormat.q(newest)), ("baseFeePerGas", .array([])), ("gasUsedRatio", .array([]))]) }
        let oldest = newest + 1 >= count ? newest + 1 - count : 0
        var baseFees: [JSONValue] = [], ratios: [JSONValue] = [], rewards: [JSONValue] = []
        var last: BlockHeader?
        for n in oldest...newest {
            guard let h = try node.store.header(number: n) else { break }
            baseFees.append(RPCFormat.q(h.baseFeePerGas))
            ratios.append(.number(h.gasLimit == 0 ? 0 : Double(h.gasUsed) / Double(h.gasLimit)))
            if !percentiles.isEmpty {
                let txs = try node.store.transactions(block: n)
                var tips = txs.map { ($0.receipt.effectiveGasPrice - h.baseFeePerGas, $0.receipt.gasUsed) }
                tips.sort { $0.0 < $1.0 }
                var row: [JSONValue] = []
                for pct in percentiles {
                    if tips.isEmpty { row.append(.string("0x0")); continue }
                    let threshold = Double(h.gasUsed) * pct / 100
                    var cumulative = 0.0
                    var chosen = tips[tips.count - 1].0
                    for (tip, gas) in tips {
                        cumulative += Double(gas)
                        if cumulative >= threshold { chosen = tip; break }
                    }
                    row.append(RPCFormat.q(chosen))
                }
                rewards.append(.array(row))
            }
            last = h
        }
        if let last { baseFees.append(RPCFormat.q(FeeMarket.nextBaseFee(after: last))) }
        var o: [(String, JSONValue)] = [("oldestBlock", RPCFormat.q(oldest)), ("baseFeePerGas", .array(baseFees)),
                                        ("gasUsedRatio", .array(ratios))]
        if !percentiles.isEmpty { o.append(("reward", .array(rewards))) }
        return .object(o)
    }
}
