import EVM
import Testing
import TestSupport

/// Transaction-level rules: fees to the coinbase, refunds, rejection leaving the state unchanged,
/// and the path from a signed `Transaction` to execution.
@Suite struct TransactionExecutionTests {
    static let key = [UInt8](repeating: 0x45, count: 32)
    static let coinbase = Address(0xc0ba5e)
    static let block = BlockEnvironment(coinbase: coinbase, number: 1, gasLimit: 30_000_000, baseFee: 7)

    /// A plain 1559 transfer signed, recovered and executed: 21000 gas, priority fee 2/gas to the
    /// coinbase, base fee burnt, value moved.
    @Test func signedTransferThroughTheEnvironment() throws {
        let sender = try #require(Address(bytes: Secp256k1.address(privateKey: Self.key)))
        let to = Address(0xbeef)
        let tx = try Transaction.dynamicFee(chainId: 1, nonce: 0, maxPriorityFeePerGas: 2, maxFeePerGas: 20,
                                            gasLimit: 50_000, to: to, value: 1000).signed(privateKey: Self.key)
        let recovered = try tx.recoverSender()
        #expect(recovered == sender)
        let vm = Interpreter(state: WorldState(accounts: [sender: Account(balance: 10_000_000)]), block: Self.block)
        let r = try vm.execute(TransactionEnvironment(tx, sender: recovered))
        #expect(r.status == .stop && r.gasUsed == 21000)
        #expect(vm.state.balance(to) == 1000)
        #expect(vm.state.balance(Self.coinbase) == UInt256(21000 * 2))
        #expect(vm.state.balance(sender) == UInt256(10_000_000 - 1000 - 21000 * 9))
        #expect(vm.state.nonce(sender) == 1)
    }

    /// A rejected transaction changes nothing.
    @Test func rejectionLeavesStateUnchanged() {
        let sender = Address(0x5e4d)
        let accounts = [sender: Account(nonce: 3, balance: 1_000_000)]
        let vm = Interpreter(state: WorldState(accounts: accounts), block: Self.block)
        let root = vm.state.stateRoot
        let cases: [(TransactionEnvironment, TransactionError)] = [
            (.init(caller: sender, to: .zero, gasLimit: 21000, nonce: 2, maxFeePerGas: 10), .nonceMismatch(expected: 3, got: 2)),
            (.init(caller: sender, to: .zero, gasLimit: 20999, nonce: 3, maxFeePerGas: 10), .intrinsicGasTooLow(intrinsic: 21000, gasLimit: 20999)),
            (.init(caller: sender, to: .zero, gasLimit: 21000, nonce: 3, maxFeePerGas: 6), .feeCapBelowBaseFee),
            (.init(caller: sender, to: .zero, gasLimit: 21000, nonce: 3, maxFeePerGas: 100), .insufficientFunds),
            (.init(caller: sender, to: .zero, gasLimit: 21000, nonce: 3, maxFeePerGas: 10, maxPriorityFeePerGas: 11), .priorityFeeAboveFeeCap),
        ]
        for (tx, expected) in cases {
            #expect(throws: expected) { try vm.execute(tx) }
            #expect(vm.state.stateRoot == root)
        }
    }

    /// EIP-3529: the refund is capped at gasUsed / 5. Code: SSTORE(0, 0) on a slot holding 1.
    @Test func refundCap() throws {
        let sender = Address(0x5e4d), contract = Address(0xc0de)
        let vm = Interpreter(state: WorldState(accounts: [
            sender: Account(balance: 10_000_000),
            contract: Account(code: Code(Fixtures.hexBytes("5f5f5500")!), storage: [0: 1]),
        ]), block: BlockEnvironment(gasLimit: 30_000_000))
        let r = try vm.execute(TransactionEnvironment(caller: sender, to: contract, gasLimit: 100_000, maxFeePerGas: 1))
        // 21000 + PUSH0 PUSH0 (4) + cold SSTORE 1→0 (2100 + 2900) = 26004; refund 4800 ≤ 26004 / 5
        #expect(r.gasRefunded == 4800 && r.gasUsed == 26004 - 4800)
        #expect(vm.state.storage(contract, 0).isZero)
    }

    /// EIP-6780: SELFDESTRUCT of a pre-existing contract only moves its balance.
    @Test func selfDestructKeepsOldContracts() throws {
        let sender = Address(0x5e4d), contract = Address(0xc0de), heir = Address(0x4e1)
        let code = Code(Fixtures.hexBytes("6104e1ff")!) // SELFDESTRUCT(0x4e1)
        let vm = Interpreter(state: WorldState(accounts: [
            sender: Account(balance: 10_000_000),
            contract: Account(balance: 55, code: code),
        ]), block: BlockEnvironment(gasLimit: 30_000_000))
        _ = try vm.execute(TransactionEnvironment(caller: sender, to: contract, gasLimit: 100_000, maxFeePerGas: 1))
        #expect(vm.state.exists(contract) && vm.state.code(contract).count == 4)
        #expect(vm.state.balance(contract).isZero && vm.state.balance(heir) == 55)
    }
}
