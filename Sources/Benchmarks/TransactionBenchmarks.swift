import EVM

/// `tx.*`: transaction work on the sequencer's hot path. `tx.recover` is one
/// EIP-1559 sender recovery (signing hash + libsecp256k1 recovery + Keccak of the
/// key), single-threaded; recoveries per second per core = 10^6 / median (us).
enum TransactionBenchmarks {
    static let count = 256

    static func signedTransactions() -> [Transaction] {
        var rng = BenchmarkRNG(seed: 7)
        return (0..<count).map { i in
            var key = [UInt8](repeating: 0, count: 32)
            for j in 0..<32 { key[j] = UInt8(truncatingIfNeeded: rng.next()) }
            key[0] = 1  // far below n
            let tx = Transaction.dynamicFee(chainId: 1, nonce: UInt64(i), maxPriorityFeePerGas: UInt256(1_000_000_000),
                                            maxFeePerGas: UInt256(30_000_000_000), gasLimit: 21000,
                                            to: Address(UInt64(i) + 0x1000), value: UInt256(UInt64(i) * 1_000_000))
            guard let signed = try? tx.signed(privateKey: key) else { preconditionFailure("benchmark key is valid") }
            return signed
        }
    }

    static var all: [Benchmark] {
        [
            Benchmark(name: "tx.recover", unit: "us", opsPerRun: count) {
                let txs = signedTransactions()
                return {
                    var acc: UInt64 = 0
                    for tx in txs { acc &+= (try? tx.recoverSender())?.word.low64 ?? 1 }
                    return acc
                }
            },
            Benchmark(name: "secp256k1.recover", unit: "us", opsPerRun: count) {
                let inputs = signedTransactions().map { tx in
                    (tx.signingHash, tx.signature!.r.bigEndianBytes, tx.signature!.s.bigEndianBytes, tx.signature!.yParity)
                }
                return {
                    var acc: UInt64 = 0
                    for (h, r, s, v) in inputs {
                        acc &+= UInt64((try? Secp256k1.recoverPublicKey(hash: h, r: r, s: s, recoveryId: v))?[0] ?? 1)
                    }
                    return acc
                }
            },
            Benchmark(name: "tx.decode", unit: "us", opsPerRun: count) {
                let raws = signedTransactions().map(\.encoded)
                return {
                    var acc: UInt64 = 0
                    for raw in raws { acc &+= (try? Transaction(rawBytes: raw))?.nonce ?? 1 }
                    return acc
                }
            },
            Benchmark(name: "tx.sign", unit: "us", opsPerRun: count) {
                let txs = signedTransactions()
                let key = [UInt8](repeating: 0x46, count: 32)
                return {
                    var acc: UInt64 = 0
                    for tx in txs { acc &+= (try? tx.signed(privateKey: key))?.signature?.r.low64 ?? 1 }
                    return acc
                }
            },
        ]
    }
}
