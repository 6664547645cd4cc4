import EVM
import Sequencer
import Testing

@Suite struct MempoolTests {
    let rich = DevAccounts.balance
    let base = UInt256(1_000_000_000)

    func add(_ pool: inout Mempool, _ t: Transaction, nonce: UInt64 = 0, balance: UInt256? = nil) throws -> MempoolAddition {
        try pool.add(TestChain.pooled(t), accountNonce: nonce, balance: balance ?? rich, baseFee: base)
    }

    @Test func perSenderNonceOrderAndArrivalAcrossSenders() throws {
        var pool = Mempool()
        // Sender 0 sends nonce 1 before nonce 0; sender 1 sends in between.
        _ = try add(&pool, TestChain.tx(from: 0, nonce: 1))
        _ = try add(&pool, TestChain.tx(from: 1, nonce: 0))
        _ = try add(&pool, TestChain.tx(from: 0, nonce: 0))
        let order = pool.executable(accountNonce: { _ in 0 }).map { ($0.sender, $0.transaction.nonce) }
        #expect(order.count == 3)
        #expect(order[0] == (TestChain.address(1), 0))
        #expect(order[1] == (TestChain.address(0), 0))
        #expect(order[2] == (TestChain.address(0), 1))
    }

    @Test func gappedTransactionsWaitAndPendingNonceStopsAtGap() throws {
        var pool = Mempool()
        _ = try add(&pool, TestChain.tx(from: 0, nonce: 0))
        _ = try add(&pool, TestChain.tx(from: 0, nonce: 2))
        #expect(pool.count == 2)
        #expect(pool.executable(accountNonce: { _ in 0 }).count == 1)
        #expect(pool.pendingNonce(of: TestChain.address(0), accountNonce: 0) == 1)
        _ = try add(&pool, TestChain.tx(from: 0, nonce: 1))
        #expect(pool.executable(accountNonce: { _ in 0 }).count == 3)
        #expect(pool.pendingNonce(of: TestChain.address(0), accountNonce: 0) == 3)
    }

    @Test func replacementNeedsTenPercentOnBothFees() throws {
        var pool = Mempool()
        let first = TestChain.tx(from: 0, nonce: 0, maxFee: UInt256(2_000_000_000), tip: UInt256(1_000_000_000))
        _ = try add(&pool, first)
        // 9% bump: rejected.
        #expect(throws: MempoolError.replacementUnderpriced) {
            _ = try add(&pool, TestChain.tx(from: 0, nonce: 0, maxFee: UInt256(2_180_000_000), tip: UInt256(1_090_000_000)))
        }
        // 10% on the fee cap only: rejected.
        #expect(throws: MempoolError.replacementUnderpriced) {
            _ = try add(&pool, TestChain.tx(from: 0, nonce: 0, maxFee: UInt256(2_200_000_000), tip: UInt256(1_000_000_000)))
        }
        // 10% on both: accepted, replacing the first.
        let second = TestChain.tx(from: 0, nonce: 0, maxFee: UInt256(2_200_000_000), tip: UInt256(1_100_000_000))
        let r = try add(&pool, second)
        #expect(r.replaced == UInt256(bigEndianAt: first.hash))
        #expect(pool.count == 1)
        #expect(pool.transaction(hash: UInt256(bigEndianAt: first.hash)) == nil)
        #expect(pool.transaction(hash: UInt256(bigEndianAt: second.hash)) != nil)
    }

    @Test func rejections() throws {
        var pool = Mempool()
        let t = TestChain.tx(from: 0, nonce: 3)
        #expect(throws: MempoolError.nonceTooLow(next: 5, got: 3)) { _ = try add(&pool, t, nonce: 5) }
        #expect(throws: MempoolError.self) { _ = try add(&pool, t, balance: UInt256(1000)) }
        do {
            _ = try add(&pool, t, balance: UInt256(1000))
        } catch let e as MempoolError {
            #expect(e.description.hasPrefix("insufficient funds for gas * price + value"))
        }
        #expect(throws: MempoolError.feeCapBelowBaseFee(feeCap: UInt256(500), baseFee: base)) {
            _ = try add(&pool, TestChain.tx(from: 0, nonce: 0, maxFee: UInt256(500), tip: UInt256(1)))
        }
        _ = try add(&pool, TestChain.tx(from: 0, nonce: 0))
        #expect(throws: MempoolError.alreadyKnown) { _ = try add(&pool, TestChain.tx(from: 0, nonce: 0)) }
        #expect(throws: MempoolError.nonceTooHigh(next: 0, got: 64)) { _ = try add(&pool, TestChain.tx(from: 0, nonce: 64)) }
        var strict = Mempool(limits: MempoolLimits(minGasPrice: UInt256(3_000_000_000)))
        #expect(throws: MempoolError.underpriced) { _ = try add(&strict, TestChain.tx(from: 0, nonce: 0)) }
    }

    @Test func perAccountLimit() throws {
        var pool = Mempool(limits: MempoolLimits(perAccount: 3))
        for n in 0..<3 { _ = try add(&pool, TestChain.tx(from: 0, nonce: UInt64(n))) }
        #expect(throws: MempoolError.nonceTooHigh(next: 0, got: 3)) { _ = try add(&pool, TestChain.tx(from: 0, nonce: 3)) }
        // After the account nonce moves on, a later nonce is still refused while 3 are pooled.
        #expect(throws: MempoolError.accountLimitExceeded) { _ = try add(&pool, TestChain.tx(from: 0, nonce: 3), nonce: 1) }
    }

    @Test func globalLimitEvictsTheCheapest() throws {
        var pool = Mempool(limits: MempoolLimits(total: 3))
        let cheap = TestChain.tx(from: 1, nonce: 0, maxFee: UInt256(1_500_000_000), tip: UInt256(1))
        _ = try add(&pool, TestChain.tx(from: 0, nonce: 0, maxFee: UInt256(3_000_000_000)))
        _ = try add(&pool, cheap)
        _ = try add(&pool, TestChain.tx(from: 2, nonce: 0, maxFee: UInt256(2_500_000_000)))
        // Not more than the cheapest: refused.
        #expect(throws: MempoolError.poolFull) {
            _ = try add(&pool, TestChain.tx(from: 3, nonce: 0, maxFee: UInt256(1_500_000_000), tip: UInt256(1)))
        }
        // Pays more: the cheapest goes.
        let rich = TestChain.tx(from: 3, nonce: 0, maxFee: UInt256(4_000_000_000))
        let r = try add(&pool, rich)
        #expect(r.evicted == [UInt256(bigEndianAt: cheap.hash)])
        #expect(pool.count == 3)
        #expect(pool.transaction(hash: UInt256(bigEndianAt: cheap.hash)) == nil)
    }

    @Test func staleTransactionsAreRemovedAfterABlock() throws {
        var pool = Mempool()
        for n in 0..<3 { _ = try add(&pool, TestChain.tx(from: 0, nonce: UInt64(n))) }
        let removed = pool.removeStale(sender: TestChain.address(0), accountNonce: 2)
        #expect(removed.count == 2)
        #expect(pool.count == 1)
    }
}

extension MempoolTests {
    @Test func evictionTakesASendersTailAndKeepsTailsCurrent() throws {
        var pool = Mempool(limits: MempoolLimits(total: 3))
        let head = TestChain.tx(from: 0, nonce: 0, maxFee: UInt256(1_600_000_000), tip: UInt256(1))
        let tail = TestChain.tx(from: 0, nonce: 1, maxFee: UInt256(1_700_000_000), tip: UInt256(1))
        _ = try add(&pool, head)
        _ = try add(&pool, tail)
        _ = try add(&pool, TestChain.tx(from: 1, nonce: 0, maxFee: UInt256(1_650_000_000), tip: UInt256(1)))
        // Sender 0's head is the cheapest transaction, but evicting it would leave a gap: its tail goes.
        // Candidates are the tails 1.7 gwei (sender 0) and 1.65 gwei (sender 1): sender 1's is cheaper.
        let r1 = try add(&pool, TestChain.tx(from: 2, nonce: 0, maxFee: UInt256(3_000_000_000)))
        #expect(r1.evicted.count == 1 && pool.transaction(hash: UInt256(bigEndianAt: head.hash)) != nil)
        #expect(pool.transactions(from: TestChain.address(1)).isEmpty)
        // Next: sender 0's tail (1.7) is cheaper than sender 2's (3.0).
        let r2 = try add(&pool, TestChain.tx(from: 3, nonce: 0, maxFee: UInt256(3_000_000_000)))
        #expect(r2.evicted == [UInt256(bigEndianAt: tail.hash)])
        // Then sender 0's tail is its head (1.6 gwei).
        let r3 = try add(&pool, TestChain.tx(from: 4, nonce: 0, maxFee: UInt256(3_000_000_000)))
        #expect(r3.evicted == [UInt256(bigEndianAt: head.hash)])
        #expect(pool.count == 3)
    }
}
