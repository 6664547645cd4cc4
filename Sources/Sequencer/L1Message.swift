import EVM
import Settlement

/// A deposit from chain v1's message queue (`DepositQueued` of the settlement contract), as chain
/// v2 credits it: `value` wei to `to` at the start of a block, before the block's transactions.
///
/// Deposits are not transactions (no signature, no gas, no receipt), so they travel beside them,
/// like Ethereum's EIP-4895 withdrawals: the header's withdrawals-root slot holds the trie root of
/// the block's deposits, and each block context of the batch data lists them, so both the block
/// hash and the batch's data hash commit to exactly which deposits a block credited. The queue
/// hash rule is the contract's (`MessageQueue`, `fixtures/settlement/SPEC.md`): one definition.
public typealias L1Message = MessageQueue.Deposit

extension MessageQueue.Deposit {
    /// rlp([index, sender, to, value]): the form hashed into the block header and the batch data.
    public var rlp: [UInt8] {
        var p: [UInt8] = []
        RLP.appendUInt(index, to: &p)
        RLP.appendBytes(sender.bytes, to: &p)
        RLP.appendBytes(to.bytes, to: &p)
        RLP.appendUInt(value, to: &p)
        var out: [UInt8] = []
        RLP.appendHeader(payloadLength: p.count, offset: 0xc0, to: &out)
        return out + p
    }
}
