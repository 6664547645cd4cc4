import EVM
import Keccak

/// A chain v2 block header, encoded and hashed as Ethereum does after Cancun (EIP-4844/4788).
///
/// Fields fixed on chain v2 (no proof of work, no beacon chain, no blobs, no withdrawals):
/// `ommersHash` = keccak256(rlp([])), `difficulty` = 0, `mixHash` (prevRandao) = 0, `nonce` = 8 zero
/// bytes, `blobGasUsed` = `excessBlobGas` = 0,
/// `parentBeaconBlockRoot` = 32 zero bytes. The withdrawals-root slot holds `messagesRoot`, the
/// trie root of the block's v1 deposits (`L1Message`), which is the empty trie root, as on
/// Ethereum without withdrawals, for every block that credits none. The hash is keccak256 of the 20-field RLP list.
public struct BlockHeader: Sendable, Equatable {
    /// Hash of the parent block (zero for block 0).
    public var parentHash: UInt256
    /// Fee recipient.
    public var coinbase: Address
    /// State trie root after the block.
    public var stateRoot: UInt256
    /// Trie root over rlp(index) → transaction encoding.
    public var transactionsRoot: UInt256
    /// Trie root over rlp(index) → receipt encoding.
    public var receiptsRoot: UInt256
    /// OR of the receipts' blooms.
    public var logsBloom: Bloom
    /// Block number.
    public var number: UInt64
    /// Gas limit.
    public var gasLimit: UInt64
    /// Gas used by all transactions.
    public var gasUsed: UInt64
    /// Unix seconds (non-decreasing on chain v2; see `BlockBuilder`).
    public var timestamp: UInt64
    /// Up to 32 bytes.
    public var extraData: [UInt8]
    /// EIP-1559 base fee.
    public var baseFeePerGas: UInt256
    /// Trie root over rlp(index) → `L1Message.rlp` of the deposits the block credits.
    public var messagesRoot: UInt256

    /// keccak256(rlp([])): the ommers hash of every post-merge block.
    public static let emptyOmmersHash = UInt256(bigEndianAt: Keccak256.hash([0xc0]))

    /// A header.
    public init(parentHash: UInt256, coinbase: Address, stateRoot: UInt256, transactionsRoot: UInt256,
                receiptsRoot: UInt256, logsBloom: Bloom, number: UInt64, gasLimit: UInt64, gasUsed: UInt64,
                timestamp: UInt64, extraData: [UInt8], baseFeePerGas: UInt256,
                messagesRoot: UInt256 = MerklePatriciaTrie.emptyRoot) {
        self.parentHash = parentHash; self.coinbase = coinbase; self.stateRoot = stateRoot
        self.transactionsRoot = transactionsRoot; self.receiptsRoot = receiptsRoot; self.logsBloom = logsBloom
        self.number = number; self.gasLimit = gasLimit; self.gasUsed = gasUsed; self.timestamp = timestamp
        self.extraData = extraData; self.baseFeePerGas = baseFeePerGas; self.messagesRoot = messagesRoot
    }

    /// The header's RLP: the 20 Cancun fields in order.
    public var rlp: [UInt8] {
        var p: [UInt8] = []
        p.reserveCapacity(620)
        RLP.appendBytes(parentHash.bigEndianBytes, to: &p)
        RLP.appendBytes(Self.emptyOmmersHash.bigEndianBytes, to: &p)
        RLP.appendBytes(coinbase.bytes, to: &p)
        RLP.appendBytes(stateRoot.bigEndianBytes, to: &p)
        RLP.appendBytes(transactionsRoot.bigEndianBytes, to: &p)
        RLP.appendBytes(receiptsRoot.bigEndianBytes, to: &p)
        RLP.appendBytes(logsBloom.bytes, to: &p)
        RLP.appendUInt(UInt64(0), to: &p)                    // difficulty
        RLP.appendUInt(number, to: &p)
        RLP.appendUInt(gasLimit, to: &p)
        RLP.appendUInt(gasUsed, to: &p)
        RLP.appendUInt(timestamp, to: &p)
        RLP.appendBytes(extraData, to: &p)
        RLP.appendBytes([UInt8](repeating: 0, count: 32), to: &p) // mixHash (prevRandao)
        RLP.appendBytes([UInt8](repeating: 0, count: 8), to: &p)  // nonce
        RLP.appendUInt(baseFeePerGas, to: &p)
        RLP.appendBytes(messagesRoot.bigEndianBytes, to: &p) // withdrawalsRoot slot
        RLP.appendUInt(UInt64(0), to: &p)                    // blobGasUsed
        RLP.appendUInt(UInt64(0), to: &p)                    // excessBlobGas
        RLP.appendBytes([UInt8](repeating: 0, count: 32), to: &p) // parentBeaconBlockRoot
        var out: [UInt8] = []
        RLP.appendHeader(payloadLength: p.count, offset: 0xc0, to: &out)
        return out + p
    }

    /// keccak256(rlp): the block hash.
    public var hash: UInt256 { UInt256(bigEndianAt: Keccak256.hash(rlp)) }

    /// Decodes a header written by `rlp` (the storage format).
    /// - Throws: `RLPError` for malformed RLP, `SequencerError.corruptRecord` for a wrong shape.
    public init(rlp bytes: [UInt8]) throws {
        let fields = try RLPItem(decoding: bytes).listValue()
        guard fields.count == 20 else { throw SequencerError.corruptRecord("header field count \(fields.count)") }
        func word(_ i: Int) throws -> UInt256 {
            guard let w = UInt256(bigEndianBytes: try fields[i].bytesValue()) else {
                throw SequencerError.corruptRecord("header field \(i)")
            }
            return w
        }
        guard let coinbase = Address(bytes: try fields[2].bytesValue()),
              let bloom = Bloom(bytes: try fields[6].bytesValue()) else {
            throw SequencerError.corruptRecord("header coinbase/bloom")
        }
        self.init(parentHash: try word(0), coinbase: coinbase, stateRoot: try word(3),
                  transactionsRoot: try word(4), receiptsRoot: try word(5), logsBloom: bloom,
                  number: try fields[8].uint64Value(), gasLimit: try fields[9].uint64Value(),
                  gasUsed: try fields[10].uint64Value(), timestamp: try fields[11].uint64Value(),
                  extraData: try fields[12].bytesValue(), baseFeePerGas: try word(15), messagesRoot: try word(16))
    }
}
