// Strict decoding of raw transactions (EIP-2718 envelopes), rejecting what go-ethereum rejects.

extension Transaction {
    /// Decodes a raw transaction: a legacy RLP list (first byte ≥ 0xc0) or a typed envelope
    /// `type ‖ rlp([...])` with type 1 (EIP-2930) or 2 (EIP-1559).
    ///
    /// Every integer must be canonical (no leading zeros) and fit its type (nonce and gas
    /// 64 bits; fees, value, r, s 256 bits), `to` must be empty or 20 bytes, storage keys
    /// 32 bytes, the list must have exactly the type's field count and span the input.
    /// Signature validity and chain id are not checked here (see `validate(chainId:)`).
    /// - Parameter rawBytes: the encoding.
    /// - Throws: `TransactionDecodingError` naming the failed field and offset.
    public init(rawBytes: [UInt8]) throws(TransactionDecodingError) {
        guard let first = rawBytes.first else { throw .empty }
        let type: TransactionType
        var outer: RLPReader
        if first >= 0xc0 {
            type = .legacy
            outer = RLPReader(rawBytes)
        } else if first <= 0x7f {
            guard let t = TransactionType(rawValue: first), t != .legacy else { throw .unsupportedType(first) }
            type = t
            outer = RLPReader(rawBytes)
            do throws(RLPError) { _ = try outer.readFixedBytes(count: 1) } catch { throw .rlp(error) }
        } else {
            // A byte string at the top level is neither a legacy list nor a typed envelope.
            throw .rlp(.expectedList(offset: 0))
        }
        var fields: RLPReader
        do throws(RLPError) {
            fields = try outer.readList()
            try outer.finish()
        } catch {
            throw .rlp(error)
        }
        let count: Int
        do throws(RLPError) { count = try fields.remainingItemCount() } catch { throw .rlp(error) }
        guard count == Self.fieldCount(type) else { throw .wrongFieldCount(expected: Self.fieldCount(type), got: count) }

        var f = FieldReader(reader: fields)
        var chainId: UInt64? = nil
        if type != .legacy {
            let id = try f.uint256("chainId")
            guard let small = id.exactUInt64 else { throw .invalidV }
            chainId = small
        }
        let nonce = try f.uint64("nonce")
        let priority = type == .dynamicFee ? try f.uint256("maxPriorityFeePerGas") : nil
        let feeCap = try f.uint256(type == .dynamicFee ? "maxFeePerGas" : "gasPrice")
        let gasLimit = try f.uint64("gasLimit")
        let to = try f.optionalAddress("to")
        let value = try f.uint256("value")
        let data = try f.bytes("data")
        let accessList = type == .legacy ? [] : try f.accessList()
        let vWord = try f.uint256(type == .legacy ? "v" : "yParity")
        let r = try f.uint256("r")
        let s = try f.uint256("s")

        let yParity: UInt8
        if type == .legacy {
            if vWord == UInt256(27) || vWord == UInt256(28) {
                yParity = UInt8(vWord.low64 - 27)
            } else if vWord >= UInt256(35) {
                let offset = vWord &- UInt256(35)
                guard let id = offset.shiftedRight(1).exactUInt64 else { throw .invalidV }
                chainId = id
                yParity = UInt8(offset.low64 & 1)
            } else {
                throw .invalidV
            }
        } else {
            guard vWord <= UInt256(1) else { throw .invalidYParity }
            yParity = UInt8(vWord.low64)
        }
        self.init(type: type, chainId: chainId, nonce: nonce, maxFeePerGas: feeCap,
                  maxPriorityFeePerGas: priority ?? feeCap, gasLimit: gasLimit, to: to, value: value, data: data,
                  accessList: accessList, signature: TransactionSignature(yParity: yParity, r: r, s: s))
    }

    /// Reads named fields, turning RLP errors into `TransactionDecodingError.invalidField`.
    struct FieldReader {
        var reader: RLPReader

        mutating func uint64(_ name: String) throws(TransactionDecodingError) -> UInt64 {
            do throws(RLPError) { return try reader.readUInt64() } catch { throw .invalidField(name: name, error: error) }
        }

        mutating func uint256(_ name: String) throws(TransactionDecodingError) -> UInt256 {
            do throws(RLPError) { return try reader.readUInt256() } catch { throw .invalidField(name: name, error: error) }
        }

        mutating func bytes(_ name: String) throws(TransactionDecodingError) -> [UInt8] {
            do throws(RLPError) { return Array(try reader.readBytes()) } catch { throw .invalidField(name: name, error: error) }
        }

        mutating func optionalAddress(_ name: String) throws(TransactionDecodingError) -> Address? {
            let b = try bytes(name)
            if b.isEmpty { return nil }
            guard let a = Address(bytes: b) else { throw .invalidAddressLength(b.count) }
            return a
        }

        mutating func accessList() throws(TransactionDecodingError) -> [AccessListEntry] {
            func field<T>(_ body: () throws(RLPError) -> T) throws(TransactionDecodingError) -> T {
                do throws(RLPError) { return try body() } catch { throw .invalidField(name: "accessList", error: error) }
            }
            var entries: [AccessListEntry] = []
            var list = try field { () throws(RLPError) in try reader.readList() }
            while !list.isAtEnd {
                var entry = try field { () throws(RLPError) in try list.readList() }
                let addressBytes = try field { () throws(RLPError) in try entry.readBytes() }
                guard let address = Address(bytes: addressBytes) else { throw .invalidAddressLength(addressBytes.count) }
                var keys = try field { () throws(RLPError) in try entry.readList() }
                try field { () throws(RLPError) in try entry.finish() }
                var storageKeys: [UInt256] = []
                while !keys.isAtEnd {
                    let k = try field { () throws(RLPError) in try keys.readBytes() }
                    guard k.count == 32, let key = UInt256(bigEndianBytes: k) else {
                        throw .invalidStorageKeyLength(k.count)
                    }
                    storageKeys.append(key)
                }
                entries.append(AccessListEntry(address: address, storageKeys: storageKeys))
            }
            return entries
        }
    }
}
