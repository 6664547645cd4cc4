import EVM

/// One state transition of a batch as the batch circuit takes it: a value transfer between
/// accounts without code (its gas and prices included), a transaction that may run code (a call,
/// or a contract creation) with the storage writes its execution made, or a deposit from the
/// L1 message queue credited to its recipient.
///
/// For calls and creations the circuit applies what the trace says the code did (success, gas
/// used, the target's changed storage slots, a created contract's code hash) to the state tree;
/// it does not execute the code (`BatchCircuitCoverage` lists that by name).
public struct BatchSlot: Sendable, Equatable {
    /// The kind of transition.
    public enum Kind: Sendable, Equatable {
        /// A transaction moving `value` from `from` to `to` (no code) and paying 21 000 gas.
        case transfer
        /// An L1 deposit crediting `value` to `to`.
        case deposit
        /// A transaction to `to` that may run code or carry calldata.
        case call
        /// A contract creation; `to` is the created address.
        case create
    }

    /// One storage slot of the target whose value the transaction changed.
    public struct StorageWrite: Sendable, Equatable {
        /// The slot and its value after the transaction (zero: deleted).
        public var slot: UInt256, value: UInt256

        public init(slot: UInt256, value: UInt256) { self.slot = slot; self.value = value }
    }

    /// The kind.
    public var kind: Kind
    /// The transaction's sender (unused for deposits).
    public var from: Address
    /// The account credited: the recipient, the called or the created account.
    public var to: Address
    /// Wei moved (< 2¹²⁸), when the transaction succeeds.
    public var value: UInt256
    /// The transaction's nonce.
    public var nonce: UInt64
    /// The transaction's gas limit and the gas it used.
    public var gasLimit: UInt64, gasUsed: UInt64
    /// The effective gas price, the fee cap (maxFeePerGas, or gasPrice for legacy
    /// transactions) and the block's base fee, in wei per gas (each < 2⁶⁴).
    public var gasPrice: UInt256, feeCap: UInt256, baseFee: UInt256
    /// Whether the transaction succeeded (a failed one only pays its fee and bumps the nonce).
    public var success: Bool = true
    /// The target's changed slots, in slot order (calls and creations).
    public var storageWrites: [StorageWrite] = []
    /// The created contract's code hash (creations).
    public var codeHash: UInt256? = nil

    /// A transfer.
    public static func transfer(from: Address, to: Address, value: UInt256, nonce: UInt64, gasLimit: UInt64 = 21_000,
                                gasUsed: UInt64 = 21_000, gasPrice: UInt256, feeCap: UInt256? = nil, baseFee: UInt256) -> BatchSlot {
        BatchSlot(kind: .transfer, from: from, to: to, value: value, nonce: nonce, gasLimit: gasLimit, gasUsed: gasUsed,
                  gasPrice: gasPrice, feeCap: feeCap ?? gasPrice, baseFee: baseFee)
    }

    /// A call (or a creation, with `codeHash`) whose execution the trace summarises.
    public static func contract(_ kind: Kind, from: Address, to: Address, value: UInt256, nonce: UInt64, gasLimit: UInt64,
                                gasUsed: UInt64, gasPrice: UInt256, feeCap: UInt256? = nil, baseFee: UInt256, success: Bool,
                                storageWrites: [StorageWrite], codeHash: UInt256? = nil) -> BatchSlot {
        precondition(kind == .call || kind == .create, "a call or a creation")
        return BatchSlot(kind: kind, from: from, to: to, value: value, nonce: nonce, gasLimit: gasLimit, gasUsed: gasUsed,
                         gasPrice: gasPrice, feeCap: feeCap ?? gasPrice, baseFee: baseFee, success: success,
                         storageWrites: storageWrites.sorted { $0.slot < $1.slot }, codeHash: codeHash)
    }

    /// A deposit.
    public static func deposit(to: Address, value: UInt256) -> BatchSlot {
        BatchSlot(kind: .deposit, from: .zero, to: to, value: value, nonce: 0, gasLimit: 0, gasUsed: 0,
                  gasPrice: .zero, feeCap: .zero, baseFee: .zero)
    }

    /// Whether the transition runs as a call or creation.
    public var isContract: Bool { kind == .call || kind == .create }
}
