import EVM
import Keccak

/// A call to the settlement contract as a value: encodes to its ABI calldata,
/// and applies to the mirror. The replay, the v1 client and the dev chain all
/// go through it, so what the mirror checks is what the contract receives.
public enum RollupCall: Sendable, Equatable {
    case commitBatch(header: BatchHeader, batchData: [UInt8])
    case finalizeBatch(index: UInt256, proof: [UInt8])
    /// `publicInputs`: exactly three words (the ABI type is `uint256[3]`).
    case verifyProof(proof: [UInt8], publicInputs: [UInt256])
    case revertBatch(index: UInt256)
    case depositETH(to: Address)
    case claimWithdrawal(batchIndex: UInt256, leafIndex: UInt256, to: Address, amount: UInt256, proof: [UInt256])

    /// The canonical signature, hashed into the selector.
    public var signature: String {
        switch self {
        case .commitBatch: return "commitBatch((uint256,bytes32,bytes32,bytes32,bytes32,bytes32),bytes)"
        case .finalizeBatch: return "finalizeBatch(uint256,bytes)"
        case .verifyProof: return "verifyProof(bytes,uint256[3])"
        case .revertBatch: return "revertBatch(uint256)"
        case .depositETH: return "depositETH(address)"
        case .claimWithdrawal: return "claimWithdrawal(uint256,uint256,address,uint256,bytes32[20])"
        }
    }

    /// The function name.
    public var name: String { String(signature.prefix { $0 != "(" }) }

    /// The ABI calldata: selector, head words (a static array such as `uint256[3]` sits in the head),
    /// then the one dynamic `bytes` tail where there is one.
    public var calldata: [UInt8] {
        var out = Array(Keccak256.hash(Array(signature.utf8)).prefix(4))
        func words(_ w: [UInt256]) { for x in w { out += x.bigEndianBytes } }
        func tail(_ b: [UInt8]) {
            words([UInt256(b.count)])
            out += b + [UInt8](repeating: 0, count: (32 - b.count % 32) % 32)
        }
        switch self {
        case let .commitBatch(h, data):
            words([h.index, h.parentBatchHash, h.prevStateRoot, h.postStateRoot, h.withdrawRoot, h.messageQueueHash, UInt256(7 * 32)])
            tail(data)
        case let .finalizeBatch(i, proof):
            words([i, UInt256(64)]); tail(proof)
        case let .verifyProof(proof, pis):
            precondition(pis.count == SettlementVerifier.publicInputCount, "verifyProof takes exactly three public inputs")
            words([UInt256(32 * (1 + pis.count))] + pis); tail(proof)
        case let .revertBatch(i): words([i])
        case let .depositETH(to): words([to.word])
        case let .claimWithdrawal(b, l, to, a, proof): words([b, l, to.word, a] + proof)
        }
        return out
    }

    /// Applies the call to the mirror as a transaction from `sender` with `value` wei.
    /// Non-payable functions reject value, as Vyper does (a revert without reason).
    /// - Returns: the events the contract would log.
    public func apply(to mirror: inout RollupMirror, from sender: Address, value: UInt256 = .zero) throws(RollupRevert) -> [RollupEvent] {
        if case .depositETH(let to) = self { return try mirror.depositETH(from: sender, to: to, value: value) }
        guard value.isZero else { throw .calldataRejected }
        switch self {
        case let .commitBatch(h, data): return try mirror.commitBatch(from: sender, header: h, batchData: data)
        case let .finalizeBatch(i, proof): return try mirror.finalizeBatch(index: i, proof: proof)
        case let .verifyProof(proof, pis): try mirror.verifyProof(proof, publicInputs: pis); return []
        case let .revertBatch(i): return try mirror.revertBatch(from: sender, index: i)
        case let .claimWithdrawal(b, l, to, a, proof):
            return try mirror.claimWithdrawal(batchIndex: b, leafIndex: l, to: to, amount: a, proof: proof)
        case .depositETH: return []
        }
    }

    /// The reason of an `Error(string)` revert payload; "" for empty output, nil for any other payload.
    public static func revertReason(_ output: [UInt8]) -> String? {
        if output.isEmpty { return "" }
        guard output.count >= 68, Array(output[0..<4]) == [0x08, 0xc3, 0x79, 0xa0] else { return nil }
        let len = UInt256(bigEndianAt: Array(output[36..<68]))
        guard len <= UInt256(output.count - 68) else { return nil }
        return String(decoding: output[68..<(68 + Int(len[limb: 0]))], as: UTF8.self)
    }
}
