import EVM
import Stress
import Testing

/// The stress token run on the EVM: balances move, the ERC-20 Transfer event is emitted, overdrafts revert.
@Suite struct StressTokenTests {
    @Test func transferMovesBalancesAndLogs() throws {
        let deployer = Address(0xd0), alice = Address(0xa1), token = Interpreter.createAddress(caller: Address(0xd0), nonce: 0)
        var state = WorldState(accounts: [deployer: Account(balance: UInt256(1) .shiftedLeft(70)), alice: Account(balance: UInt256(1).shiftedLeft(70))])
        let env = BlockEnvironment(gasLimit: 30_000_000, chainId: 1337)
        func run(_ tx: TransactionEnvironment) throws -> ExecutionResult {
            let r: Result<ExecutionResult, TransactionError> = Interpreter.withLargeStack {
                let vm = Interpreter(state: state, block: env)
                do throws(TransactionError) { let out = try vm.execute(tx); state = vm.state; return .success(out) } catch { return .failure(error) }
            }
            return try r.get()
        }
        let deploy = try run(TransactionEnvironment(caller: deployer, to: nil, data: StressToken.initCode(supply: UInt256(1000)),
                                                    gasLimit: 300_000, nonce: 0))
        #expect(deploy.status.isSuccess)
        #expect(state.code(token).bytes == StressToken.runtime)
        #expect(state.storage(token, deployer.word) == UInt256(1000))
        let t = try run(TransactionEnvironment(caller: deployer, to: token, data: StressToken.transferCall(to: alice, amount: UInt256(300)),
                                               gasLimit: 100_000, nonce: 1))
        #expect(t.status.isSuccess)
        #expect(t.output == UInt256.one.bigEndianBytes)
        #expect(state.storage(token, deployer.word) == UInt256(700))
        #expect(state.storage(token, alice.word) == UInt256(300))
        #expect(t.logs.count == 1)
        #expect(t.logs.first?.topics == [UInt256(bigEndianAt: StressToken.transferTopic), deployer.word, alice.word])
        #expect(t.logs.first?.data == UInt256(300).bigEndianBytes)
        let over = try run(TransactionEnvironment(caller: alice, to: token, data: StressToken.transferCall(to: deployer, amount: UInt256(301)),
                                                  gasLimit: 100_000, nonce: 0))
        #expect(over.status == .reverted)
        #expect(state.storage(token, alice.word) == UInt256(300))
    }
}
