import EVM
import Keccak

/// A minimal hand-written token for the `erc20` part of the stress mix: `transfer(address,uint256)`
/// (selector 0xa9059cbb) moves balances stored at slot = holder address, emits the ERC-20
/// `Transfer(from, to, value)` event and returns true; an insufficient balance reverts. It does
/// not check the selector and has no other ERC-20 functions: it exists to load the node with
/// storage writes and logs, not to be a complete token.
public enum StressToken {
    /// keccak256("Transfer(address,address,uint256)").
    public static let transferTopic = Keccak256.hash(Array("Transfer(address,address,uint256)".utf8))

    /// The runtime code (86 bytes).
    public static let runtime: [UInt8] = [
        0x60, 0x24, 0x35, 0x33, 0x54, 0x81, 0x81, 0x10, 0x60, 0x51, 0x57, // amt, bal; bal < amt → fail
        0x03, 0x33, 0x55,                                                 // balance[caller] = bal − amt
        0x60, 0x24, 0x35, 0x60, 0x04, 0x35, 0x80, 0x54, 0x82, 0x01, 0x90, 0x55, // balance[to] += amt
        0x60, 0x00, 0x52,                                                 // mem[0] = amt
        0x60, 0x04, 0x35, 0x33, 0x7f] + transferTopic + [                 // to, caller, topic
        0x60, 0x20, 0x60, 0x00, 0xa3,                                     // LOG3(0, 32, topic, caller, to)
        0x60, 0x01, 0x60, 0x00, 0x52, 0x60, 0x20, 0x60, 0x00, 0xf3,       // return true
        0x5b, 0x60, 0x00, 0x80, 0xfd,                                     // fail: revert
    ]

    /// Init code: balance[deployer] = `supply`, then return `runtime`.
    public static func initCode(supply: UInt256) -> [UInt8] {
        let prefix: [UInt8] = [0x7f] + supply.bigEndianBytes + [0x33, 0x55]
        let copyOffset = UInt8(prefix.count + 12)
        return prefix + [0x60, UInt8(runtime.count), 0x80, 0x60, copyOffset, 0x60, 0x00, 0x39, 0x60, 0x00, 0xf3, 0x00] + runtime
    }

    /// Calldata of transfer(to, amount).
    public static func transferCall(to: Address, amount: UInt256) -> [UInt8] {
        [0xa9, 0x05, 0x9c, 0xbb] + to.word.bigEndianBytes + amount.bigEndianBytes
    }
}
