import EVM
import Foundation
import Sequencer

/// Helpers shared by the sequencer tests: dev keys, signed transactions, temporary databases.
enum TestChain {
    static let chainId: UInt64 = 1337
    static let gwei = UInt256(1_000_000_000)

    static func key(_ i: Int) -> [UInt8] { Hex.decode(DevAccounts.privateKeys[i])! }
    static func address(_ i: Int) -> Address { Address(hex: DevAccounts.addresses[i])! }

    /// A signed EIP-1559 transfer (or call/creation) from dev account `from`.
    static func tx(from: Int, nonce: UInt64, to: Address? = Address(0xbeef), value: UInt256 = UInt256(1000),
                   maxFee: UInt256 = UInt256(2_000_000_000), tip: UInt256 = UInt256(1_000_000_000),
                   gas: UInt64 = 21_000, data: [UInt8] = [], chainId: UInt64 = chainId) -> Transaction {
        try! Transaction.dynamicFee(chainId: chainId, nonce: nonce, maxPriorityFeePerGas: tip, maxFeePerGas: maxFee,
                                    gasLimit: gas, to: to, value: value, data: data).signed(privateKey: key(from))
    }

    static func pooled(_ t: Transaction) -> PooledTransaction {
        PooledTransaction(transaction: t, raw: t.encoded, hash: UInt256(bigEndianAt: t.hash), sender: try! t.recoverSender())
    }

    /// A fresh directory under the temporary directory.
    static func tempDir() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("seqtest-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func openNode(dir: String, policy: BatchPolicy = BatchPolicy()) throws -> ChainNode {
        let store = try SQLiteChainStore(path: dir + "/chain.sqlite")
        return try ChainNode(store: store, genesis: Genesis.dev(), configuration: NodeConfiguration(batchPolicy: policy))
    }

    /// Init code that deploys a contract whose code is `runtime`.
    static func deployCode(_ runtime: [UInt8]) -> [UInt8] {
        // PUSH1 len, DUP1, PUSH1 12, PUSH1 0, CODECOPY, PUSH1 0, RETURN  (12 bytes), then runtime
        precondition(runtime.count < 256)
        return [0x60, UInt8(runtime.count), 0x80, 0x60, 0x0c, 0x60, 0x00, 0x39, 0x60, 0x00, 0xf3, 0x00] + runtime
    }

    /// Runtime: SSTORE(0, CALLDATALOAD(0)); LOG1(topic = 0xaa…); RETURN slot 0 as 32 bytes.
    static let storeAndLogRuntime: [UInt8] = [
        0x60, 0x00, 0x35,        // CALLDATALOAD(0)
        0x60, 0x00, 0x55,        // SSTORE(0, v)
        0x7f] + [UInt8](repeating: 0xaa, count: 32) + [  // PUSH32 topic
        0x60, 0x00, 0x60, 0x00, 0xa1,  // LOG1(0, 0, topic)
        0x60, 0x00, 0x54, 0x60, 0x00, 0x52, // MSTORE(0, SLOAD(0))
        0x60, 0x20, 0x60, 0x00, 0xf3,  // RETURN(0, 32)
    ]
}
