import EVM

/// One state transition of a batch as the batch circuit takes it: a value transfer between
/// accounts without code (the transaction's gas and prices included), or a deposit from the
/// L1 message queue credited to its recipient. Anything else (contract calls and creations)
/// is not a slot the circuit has yet.
public struct BatchSlot: Sendable, Equatable {
    /// The kind of transition.
    public enum Kind: Sendable, Equatable {
        /// A transaction moving `value` from `from` to `to` and paying `gasUsed` × `gasPrice`.
        case transfer
        /// An L1 deposit crediting `value` to `to`.
        case deposit
    }

    /// The kind.
    public var kind: Kind
    /// The transaction's sender (unused for deposits).
    public var from: Address
    /// The account credited.
    public var to: Address
    /// Wei moved (< 2¹²⁸).
    public var value: UInt256
    /// The transaction's nonce.
    public var nonce: UInt64
    /// The transaction's gas limit and the gas it used.
    public var gasLimit: UInt64, gasUsed: UInt64
    /// The effective gas price, the fee cap (maxFeePerGas, or gasPrice for legacy
    /// transactions) and the block's base fee, in wei per gas (each < 2⁶⁴).
    public var gasPrice: UInt256, feeCap: UInt256, baseFee: UInt256

    /// A transfer.
    public static func transfer(from: Address, to: Address, value: UInt256, nonce: UInt64, gasLimit: UInt64 = 21_000,
                                gasUsed: UInt64 = 21_000, gasPrice: UInt256, feeCap: UInt256? = nil, baseFee: UInt256) -> BatchSlot {
        BatchSlot(kind: .transfer, from: from, to: to, value: value, nonce: nonce, gasLimit: gasLimit, gasUsed: gasUsed,
                  gasPrice: gasPrice, feeCap: feeCap ?? gasPrice, baseFee: baseFee)
    }

    /// A deposit.
    public static func deposit(to: Address, value: UInt256) -> BatchSlot {
        BatchSlot(kind: .deposit, from: .zero, to: to, value: value, nonce: 0, gasLimit: 0, gasUsed: 0,
                  gasPrice: .zero, feeCap: .zero, baseFee: .zero)
    }
}
