import EVM
import Keccak
import Testing
import TestSupport

/// Transaction signing, encoding round trips and the validation errors, beyond the ethereum/tests suite.
@Suite struct TransactionTests {
    static let key = [UInt8](repeating: 0x46, count: 32)
    static let keyAddress = Address(hex: "9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f")!
    static let recipient = Address(hex: "3535353535353535353535353535353535353535")!

    /// EIP-155's worked example, byte for byte (RFC 6979 makes signing deterministic).
    @Test func eip155Example() throws {
        var tx = Transaction.legacy(chainId: 1, nonce: 9, gasPrice: UInt256(20_000_000_000), gasLimit: 21000,
                                    to: Self.recipient, value: UInt256(decimal: "1000000000000000000")!)
        #expect(Fixtures.hex(tx.signingPayload)
            == "ec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080")
        #expect(Fixtures.hex(tx.signingHash) == "daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53")
        try tx.sign(privateKey: Self.key)
        #expect(tx.legacyV == UInt256(37))
        let raw = "f86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83"
        #expect(Fixtures.hex(tx.encoded) == raw)
        let decoded = try Transaction(rawBytes: Fixtures.hexBytes(raw)!)
        #expect(decoded == tx)
        #expect(try decoded.validate(chainId: 1) == Self.keyAddress)
        #expect(throws: TransactionValidationError.wrongChainId(expected: 5, got: 1)) { try decoded.validate(chainId: 5) }
    }

    static func randomTransaction(_ rng: inout SeededRNG, type: TransactionType) -> Transaction {
        func word() -> UInt256 { UInt256(rng.next() >> (rng.next() % 64), rng.next() % 3 == 0 ? rng.next() : 0, 0, 0) }
        let to: Address? = rng.next() % 4 == 0 ? nil : Address(hi: UInt32(truncatingIfNeeded: rng.next()), mid: rng.next(), lo: rng.next())
        let data = (0..<Int(rng.next() % 90)).map { _ in UInt8(truncatingIfNeeded: rng.next() % 3 == 0 ? 0 : rng.next()) }
        let list = (0..<Int(rng.next() % 3)).map { _ in
            AccessListEntry(address: Address(rng.next()), storageKeys: (0..<Int(rng.next() % 3)).map { _ in word() })
        }
        let nonce = rng.next() % 1000, gas = 100_000 + rng.next() % 100_000
        switch type {
        case .legacy:
            return .legacy(chainId: rng.next() % 2 == 0 ? nil : 1 + rng.next() % 100_000, nonce: nonce, gasPrice: word(),
                           gasLimit: gas, to: to, value: word(), data: data)
        case .accessList:
            return .accessList(chainId: 1 + rng.next() % 100, nonce: nonce, gasPrice: word(), gasLimit: gas, to: to,
                               value: word(), data: data, accessList: list)
        case .dynamicFee:
            let cap = word()
            return .dynamicFee(chainId: 1 + rng.next() % 100, nonce: nonce, maxPriorityFeePerGas: cap.shiftedRight(1),
                               maxFeePerGas: cap, gasLimit: gas, to: to, value: word(), data: data, accessList: list)
        }
    }

    @Test(arguments: TransactionType.allCases)
    func seededSignEncodeDecodeRecover(type: TransactionType) throws {
        var rng = SeededRNG(seed: 0x1559 + UInt64(type.rawValue))
        for _ in 0..<40 {
            let key = (0..<32).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let tx = try Self.randomTransaction(&rng, type: type).signed(privateKey: key)
            let raw = tx.encoded
            if type != .legacy { #expect(raw.first == type.rawValue) }
            let decoded = try Transaction(rawBytes: raw)
            #expect(decoded == tx)
            #expect(decoded.hash == Keccak256.hash(raw))
            let sender = try decoded.validate(chainId: tx.chainId ?? 1)
            #expect(sender.bytes == (try Secp256k1.address(privateKey: key)))
            // Any single-byte truncation must be a typed decoding error, never a crash.
            #expect(throws: TransactionDecodingError.self) { try Transaction(rawBytes: Array(raw.dropLast())) }
            // Flipping a signed field changes the recovered sender (or invalidates the signature).
            var tampered = decoded
            tampered.nonce &+= 1
            #expect((try? tampered.recoverSender()) != sender)
        }
    }

    @Test func intrinsicGas() {
        let zerosAndOnes: [UInt8] = [0, 0, 1, 2, 0]
        let call = Transaction.legacy(chainId: 1, nonce: 0, gasPrice: 1, gasLimit: 100_000, to: Self.recipient, data: zerosAndOnes)
        #expect(call.intrinsicGas == 21000 + 3 * 4 + 2 * 16)
        let create = Transaction.legacy(chainId: 1, nonce: 0, gasPrice: 1, gasLimit: 100_000, to: nil,
                                        data: [UInt8](repeating: 1, count: 33))
        #expect(create.intrinsicGas == 53000 + 33 * 16 + 2 * 2)
        let withList = Transaction.accessList(chainId: 1, nonce: 0, gasPrice: 1, gasLimit: 100_000, to: Self.recipient,
                                              accessList: [AccessListEntry(address: Address(1), storageKeys: [1, 2]),
                                                           AccessListEntry(address: Address(2))])
        #expect(withList.intrinsicGas == 21000 + 2 * 2400 + 2 * 1900)
    }

    @Test func statelessValidationErrors() throws {
        let base = Transaction.dynamicFee(chainId: 1, nonce: 0, maxPriorityFeePerGas: 2, maxFeePerGas: 10,
                                          gasLimit: 21000, to: Self.recipient)
        var t = base; t.gasLimit = 20999
        #expect(throws: TransactionValidationError.intrinsicGasTooLow(required: 21000, gasLimit: 20999)) {
            try t.signed(privateKey: Self.key).validate(chainId: 1)
        }
        t = base; t.maxPriorityFeePerGas = 11
        #expect(throws: TransactionValidationError.priorityFeeAboveFeeCap(priorityFee: 11, feeCap: 10)) {
            try t.signed(privateKey: Self.key).validate(chainId: 1)
        }
        t = base; t.nonce = .max
        #expect(throws: TransactionValidationError.nonceMax) { try t.signed(privateKey: Self.key).validate(chainId: 1) }
        t = base; t.maxFeePerGas = .max; t.maxPriorityFeePerGas = 0
        #expect(throws: TransactionValidationError.costOverflow) { try t.signed(privateKey: Self.key).validate(chainId: 1) }
        t = base; t.to = nil; t.gasLimit = 10_000_000; t.data = [UInt8](repeating: 0, count: 49_153)
        #expect(throws: TransactionValidationError.initCodeTooLarge(size: 49_153, limit: 49_152)) {
            try t.signed(privateKey: Self.key).validate(chainId: 1)
        }
        #expect(throws: TransactionValidationError.unsigned) { try base.validate(chainId: 1) }
        let signed = try base.signed(privateKey: Self.key)
        #expect(throws: TransactionValidationError.oversized(size: signed.encoded.count, limit: 50)) {
            try signed.validate(chainId: 1, maxEncodedSize: 50)
        }
        // High s (n − s, flipped parity) is the same point but must be refused (EIP-2).
        var high = signed
        let n = UInt256(bigEndianBytes: Secp256k1.order)!
        high.signature = TransactionSignature(yParity: 1 - signed.signature!.yParity, r: signed.signature!.r,
                                              s: n &- signed.signature!.s)
        #expect(throws: TransactionValidationError.invalidSignature(.highS)) { try high.validate(chainId: 1) }
        // Unprotected legacy transactions: accepted by default, refusable.
        let unprotected = try Transaction.legacy(chainId: nil, nonce: 0, gasPrice: 1, gasLimit: 21000, to: Self.recipient)
            .signed(privateKey: Self.key)
        #expect(try unprotected.validate(chainId: 1) == Self.keyAddress)
        #expect(throws: TransactionValidationError.wrongChainId(expected: 1, got: nil)) {
            try unprotected.validate(chainId: 1, allowUnprotected: false)
        }
    }

    @Test func statefulValidationErrors() throws {
        let tx = Transaction.dynamicFee(chainId: 1, nonce: 5, maxPriorityFeePerGas: 2, maxFeePerGas: 10,
                                        gasLimit: 21000, to: Self.recipient, value: 1000)
        try tx.validate(senderNonce: 5, senderBalance: UInt256(21000 * 10 + 1000), baseFee: 10, blockGasLimit: 30_000_000)
        #expect(throws: TransactionValidationError.nonceTooLow(expected: 6, got: 5)) {
            try tx.validate(senderNonce: 6, senderBalance: .max, baseFee: 1, blockGasLimit: 30_000_000)
        }
        #expect(throws: TransactionValidationError.nonceTooHigh(expected: 4, got: 5)) {
            try tx.validate(senderNonce: 4, senderBalance: .max, baseFee: 1, blockGasLimit: 30_000_000)
        }
        #expect(throws: TransactionValidationError.feeCapBelowBaseFee(feeCap: 10, baseFee: 11)) {
            try tx.validate(senderNonce: 5, senderBalance: .max, baseFee: 11, blockGasLimit: 30_000_000)
        }
        #expect(throws: TransactionValidationError.insufficientFunds(required: UInt256(211_000), balance: UInt256(210_999))) {
            try tx.validate(senderNonce: 5, senderBalance: UInt256(210_999), baseFee: 1, blockGasLimit: 30_000_000)
        }
        #expect(throws: TransactionValidationError.gasLimitAboveBlockGasLimit(gasLimit: 21000, blockGasLimit: 20000)) {
            try tx.validate(senderNonce: 5, senderBalance: .max, baseFee: 1, blockGasLimit: 20000)
        }
        var rich = tx; rich.value = .max
        #expect(throws: TransactionValidationError.costOverflow) {
            try rich.validate(senderNonce: 5, senderBalance: .max, baseFee: 1, blockGasLimit: 30_000_000)
        }
        #expect(tx.effectiveGasPrice(baseFee: 7) == UInt256(9))
        #expect(tx.effectiveGasPrice(baseFee: 9) == UInt256(10))
    }

    @Test(arguments: [
        ("", TransactionDecodingError.empty),
        ("03c0", TransactionDecodingError.unsupportedType(3)),
        ("00c0", TransactionDecodingError.unsupportedType(0)),
        ("80", TransactionDecodingError.rlp(.expectedList(offset: 0))),
        ("c0", TransactionDecodingError.wrongFieldCount(expected: 9, got: 0)),
        ("02c0", TransactionDecodingError.wrongFieldCount(expected: 12, got: 0)),
        ("c0c0", TransactionDecodingError.rlp(.trailingBytes(offset: 1))),
        ("02", TransactionDecodingError.rlp(.unexpectedEnd(offset: 1))),
    ])
    func decodingErrors(hex: String, expected: TransactionDecodingError) {
        #expect(throws: expected) { try Transaction(rawBytes: Fixtures.hexBytes(hex)!) }
    }

    @Test func typedYParityMustBeABit() throws {
        let tx = try Transaction.accessList(chainId: 1, nonce: 0, gasPrice: 1, gasLimit: 21000, to: Self.recipient)
            .signed(privateKey: Self.key)
        var bad = tx
        bad.signature!.yParity = 2  // encodes as 0x02 in the yParity slot
        #expect(throws: TransactionDecodingError.invalidYParity) { try Transaction(rawBytes: bad.encoded) }
    }
}
