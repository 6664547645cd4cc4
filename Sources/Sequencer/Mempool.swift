import EVM

/// A transaction waiting in the pool.
public struct PooledTransaction: Sendable {
    /// The decoded transaction.
    public var transaction: Transaction
    /// Its canonical encoding.
    public var raw: [UInt8]
    /// keccak256(raw).
    public var hash: UInt256
    /// The recovered sender.
    public var sender: Address
    /// Arrival order (set by the pool).
    public internal(set) var sequence: UInt64 = 0

    /// A pooled transaction.
    public init(transaction: Transaction, raw: [UInt8], hash: UInt256, sender: Address) {
        self.transaction = transaction; self.raw = raw; self.hash = hash; self.sender = sender
    }
}

/// Limits of the pool.
public struct MempoolLimits: Sendable {
    /// Most transactions one sender may have pooled (executable and queued together); also the
    /// furthest a queued nonce may be ahead of the account nonce.
    public var perAccount: Int
    /// Most transactions in the pool; beyond it the cheapest is evicted or the newcomer refused.
    public var total: Int
    /// Required fee increase of a replacement, in percent (go-ethereum: 10).
    public var priceBumpPercent: UInt64
    /// Lowest accepted maxFeePerGas.
    public var minGasPrice: UInt256

    /// Limits (defaults: 64 per account, 100,000 in all, 10% bump, no minimum price).
    public init(perAccount: Int = 64, total: Int = 100_000, priceBumpPercent: UInt64 = 10, minGasPrice: UInt256 = .zero) {
        self.perAccount = perAccount; self.total = total; self.priceBumpPercent = priceBumpPercent
        self.minGasPrice = minGasPrice
    }
}

/// What `Mempool.add` did besides adding.
public struct MempoolAddition: Sendable, Equatable {
    /// The transaction it replaced (same sender and nonce), if any.
    public var replaced: UInt256?
    /// Transactions evicted to make room.
    public var evicted: [UInt256]
}

/// The transaction pool: per-sender nonce-ordered queues, executable and gapped ("queued")
/// transactions together, first-come-first-served across senders.
///
/// Ordering policy: a block takes executable transactions in arrival order (as Arbitrum's
/// sequencer does), each sender's in nonce order; a transaction that arrived before its
/// predecessor nonce is ordered at its predecessor's arrival. Priority fees are still paid to the
/// sequencer, but do not reorder: this keeps ordering predictable and MEV-free.
public struct Mempool: Sendable {
    /// The limits in force.
    public var limits: MempoolLimits
    var senders: [Address: [UInt64: PooledTransaction]] = [:]
    var byHash: [UInt256: (sender: Address, nonce: UInt64)] = [:]
    /// Each sender's highest pooled nonce (the eviction candidates), kept so eviction scans senders, not transactions.
    var tails: [Address: UInt64] = [:]
    var nextSequence: UInt64 = 0

    /// An empty pool.
    public init(limits: MempoolLimits = MempoolLimits()) { self.limits = limits }

    /// Number of pooled transactions.
    public var count: Int { byHash.count }

    /// The pooled transaction with this hash.
    public func transaction(hash: UInt256) -> PooledTransaction? {
        guard let (s, n) = byHash[hash] else { return nil }
        return senders[s]?[n]
    }

    /// All pooled transactions of one sender, by nonce.
    public func transactions(from sender: Address) -> [PooledTransaction] {
        (senders[sender] ?? [:]).values.sorted { $0.transaction.nonce < $1.transaction.nonce }
    }

    /// The nonce after the sender's run of consecutive pooled nonces starting at `accountNonce`
    /// (what `eth_getTransactionCount(…, "pending")` answers).
    public func pendingNonce(of sender: Address, accountNonce: UInt64) -> UInt64 {
        guard let queue = senders[sender] else { return accountNonce }
        var n = accountNonce
        while queue[n] != nil { n += 1 }
        return n
    }

    /// Adds a transaction that passed the stateless checks.
    /// - Parameters:
    ///   - tx: the transaction and its recovered sender.
    ///   - accountNonce: the sender's nonce in the latest state.
    ///   - balance: the sender's balance in the latest state.
    ///   - baseFee: the base fee the next block will have.
    /// - Returns: the replaced and evicted transactions (the caller drops them from storage).
    /// - Throws: `MempoolError` naming the failed check; the pool is then unchanged.
    public mutating func add(_ tx: PooledTransaction, accountNonce: UInt64, balance: UInt256,
                             baseFee: UInt256) throws(MempoolError) -> MempoolAddition {
        let t = tx.transaction
        if byHash[tx.hash] != nil { throw .alreadyKnown }
        if t.nonce < accountNonce { throw .nonceTooLow(next: accountNonce, got: t.nonce) }
        if t.maxFeePerGas < limits.minGasPrice { throw .underpriced }
        if t.maxFeePerGas < baseFee { throw .feeCapBelowBaseFee(feeCap: t.maxFeePerGas, baseFee: baseFee) }
        guard let gasCost = t.maxGasCost else { throw .invalid(.costOverflow) }
        let (cost, overflow) = gasCost.addingReportingOverflow(t.value)
        if overflow || cost > balance { throw .insufficientFunds(required: cost, balance: balance) }
        var queue = senders[tx.sender] ?? [:]
        var addition = MempoolAddition(replaced: nil, evicted: [])
        if let old = queue[t.nonce] {
            guard Self.isBumped(new: t, old: old.transaction, percent: limits.priceBumpPercent) else {
                throw .replacementUnderpriced
            }
            addition.replaced = old.hash
        } else {
            if t.nonce - accountNonce >= UInt64(limits.perAccount) {
                throw .nonceTooHigh(next: accountNonce, got: t.nonce)
            }
            if queue.count >= limits.perAccount { throw .accountLimitExceeded }
            if count >= limits.total {
                guard let victim = cheapestEvictable(), victim.transaction.maxFeePerGas < t.maxFeePerGas,
                      victim.sender != tx.sender else { throw .poolFull }
                addition.evicted.append(victim.hash)
            }
        }
        for h in addition.evicted { remove(hash: h) }
        if let r = addition.replaced { byHash[r] = nil }
        var entry = tx
        entry.sequence = nextSequence
        nextSequence += 1
        queue = senders[tx.sender] ?? [:]
        queue[t.nonce] = entry
        senders[tx.sender] = queue
        byHash[tx.hash] = (tx.sender, t.nonce)
        tails[tx.sender] = Swift.max(tails[tx.sender] ?? 0, t.nonce)
        return addition
    }

    /// Whether `new` raises both fee fields of `old` by at least `percent`%.
    public static func isBumped(new: Transaction, old: Transaction, percent: UInt64) -> Bool {
        let factor = UInt256(100 + percent), hundred = UInt256(100)
        return new.maxFeePerGas * hundred >= old.maxFeePerGas * factor
            && new.maxPriorityFeePerGas * hundred >= old.maxPriorityFeePerGas * factor
    }

    /// The eviction candidate: among each sender's highest-nonce transaction (evicting it leaves no
    /// gap), the one with the lowest fee cap; ties go to the latest arrival.
    func cheapestEvictable() -> PooledTransaction? {
        var best: PooledTransaction?
        for (sender, tail) in tails {
            guard let top = senders[sender]?[tail] else { continue }
            if let b = best {
                let fb = b.transaction.maxFeePerGas, ft = top.transaction.maxFeePerGas
                if ft < fb || (ft == fb && top.sequence > b.sequence) { best = top }
            } else { best = top }
        }
        return best
    }

    /// Removes one transaction (no-op when absent).
    public mutating func remove(hash: UInt256) {
        guard let (s, n) = byHash.removeValue(forKey: hash) else { return }
        senders[s]?[n] = nil
        if senders[s]?.isEmpty ?? true {
            senders[s] = nil
            tails[s] = nil
        } else if tails[s] == n {
            tails[s] = senders[s]?.keys.max()
        }
    }

    /// Drops a sender's transactions whose nonce is below its new account nonce (after a block).
    /// - Returns: their hashes.
    public mutating func removeStale(sender: Address, accountNonce: UInt64) -> [UInt256] {
        guard let queue = senders[sender] else { return [] }
        var removed: [UInt256] = []
        for (n, p) in queue where n < accountNonce {
            removed.append(p.hash)
        }
        for h in removed { remove(hash: h) }
        return removed
    }

    /// The executable transactions in block order: for each sender the consecutive nonces from
    /// its account nonce; across senders by arrival, a transaction never before its predecessor.
    /// - Parameter accountNonce: the latest account nonce of a sender.
    public func executable(accountNonce: (Address) -> UInt64) -> [PooledTransaction] {
        var keyed: [(key: UInt64, tx: PooledTransaction)] = []
        keyed.reserveCapacity(count)
        for (sender, queue) in senders {
            var n = accountNonce(sender)
            var key: UInt64 = 0
            while let p = queue[n] {
                key = Swift.max(key, p.sequence)
                keyed.append((key, p))
                n += 1
            }
        }
        keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.tx.transaction.nonce < $1.tx.transaction.nonce }
        return keyed.map(\.tx)
    }

    /// The senders with pooled transactions.
    public var pooledSenders: [Address] { Array(senders.keys) }
}
