import Keccak

// Encodings (EIP-2718 envelopes), the signing hash and the transaction hash.

extension Transaction {
    /// The number of RLP fields of a signed transaction of each type.
    static func fieldCount(_ type: TransactionType) -> Int {
        switch type {
        case .legacy: return 9
        case .accessList: return 11
        case .dynamicFee: return 12
        }
    }

    /// Appends the fields shared by signing and the full encoding (everything but the signature).
    func appendUnsignedFields(to out: inout [UInt8]) {
        switch type {
        case .legacy:
            break
        case .accessList, .dynamicFee:
            RLP.appendUInt(chainId ?? 0, to: &out)
        }
        RLP.appendUInt(nonce, to: &out)
        if type == .dynamicFee { RLP.appendUInt(maxPriorityFeePerGas, to: &out) }
        RLP.appendUInt(maxFeePerGas, to: &out)
        RLP.appendUInt(gasLimit, to: &out)
        if let to { RLP.appendBytes(to.bytes, to: &out) } else { out.append(0x80) }
        RLP.appendUInt(value, to: &out)
        RLP.appendBytes(data, to: &out)
        if type != .legacy { Self.appendAccessList(accessList, to: &out) }
    }

    static func appendAccessList(_ list: [AccessListEntry], to out: inout [UInt8]) {
        var payload: [UInt8] = []
        for entry in list {
            var item: [UInt8] = []
            RLP.appendBytes(entry.address.bytes, to: &item)
            var keys: [UInt8] = []
            keys.reserveCapacity(33 * entry.storageKeys.count)
            for k in entry.storageKeys { RLP.appendBytes(k.bigEndianBytes, to: &keys) }
            RLP.appendHeader(payloadLength: keys.count, offset: 0xc0, to: &item)
            item += keys
            RLP.appendHeader(payloadLength: item.count, offset: 0xc0, to: &payload)
            payload += item
        }
        RLP.appendHeader(payloadLength: payload.count, offset: 0xc0, to: &out)
        out += payload
    }

    /// Wraps a field payload as a list, prefixed with the type byte for typed transactions.
    func envelope(_ payload: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(payload.count + 10)
        if type != .legacy { out.append(type.rawValue) }
        RLP.appendHeader(payloadLength: payload.count, offset: 0xc0, to: &out)
        out += payload
        return out
    }

    /// The bytes a signer signs: the unsigned fields (plus chainId, 0, 0 for EIP-155 legacy),
    /// with the type byte for typed transactions (EIP-155, EIP-2930, EIP-1559).
    public var signingPayload: [UInt8] {
        var payload: [UInt8] = []
        payload.reserveCapacity(data.count + 128)
        appendUnsignedFields(to: &payload)
        if type == .legacy, let chainId {
            RLP.appendUInt(chainId, to: &payload)
            payload.append(0x80)
            payload.append(0x80)
        }
        return envelope(payload)
    }

    /// Keccak-256 of `signingPayload`: the message hash the signature is over.
    public var signingHash: [UInt8] { Keccak256.hash(signingPayload) }

    /// The legacy `v` value: 27/28 unprotected, chainId·2 + 35 + yParity under EIP-155 (nil for typed).
    public var legacyV: UInt256? {
        guard type == .legacy, let sig = signature else { return nil }
        guard let chainId else { return UInt256(27 + UInt64(sig.yParity)) }
        let (twice, o1) = UInt256(chainId).addingReportingOverflow(UInt256(chainId))
        let (v, o2) = twice.addingReportingOverflow(UInt256(35 + UInt64(sig.yParity)))
        return o1 || o2 ? nil : v
    }

    /// The canonical raw encoding (what `eth_sendRawTransaction` carries; legacy: an RLP list,
    /// typed: type byte ‖ RLP list).
    /// - Precondition: the transaction is signed.
    public var encoded: [UInt8] {
        guard let sig = signature else { preconditionFailure("Transaction.encoded: unsigned transaction") }
        var payload: [UInt8] = []
        payload.reserveCapacity(data.count + 200)
        appendUnsignedFields(to: &payload)
        if type == .legacy {
            RLP.appendUInt(legacyV ?? .zero, to: &payload)
        } else {
            RLP.appendUInt(UInt64(sig.yParity), to: &payload)
        }
        RLP.appendUInt(sig.r, to: &payload)
        RLP.appendUInt(sig.s, to: &payload)
        return envelope(payload)
    }

    /// The transaction hash: Keccak-256 of `encoded`.
    /// - Precondition: the transaction is signed.
    public var hash: [UInt8] { Keccak256.hash(encoded) }
}
