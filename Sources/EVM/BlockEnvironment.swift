/// The block a transaction runs in: what COINBASE, NUMBER, TIMESTAMP, GASLIMIT, BASEFEE,
/// PREVRANDAO, CHAINID, BLOBBASEFEE and BLOCKHASH read.
public struct BlockEnvironment: Sendable {
    /// Fee recipient (receives the priority fee; no block reward after the merge).
    public var coinbase: Address
    /// Block number.
    public var number: UInt64
    /// Unix time in seconds.
    public var timestamp: UInt64
    /// Block gas limit: a transaction's gas limit may not exceed it.
    public var gasLimit: UInt64
    /// EIP-1559 base fee per gas.
    public var baseFee: UInt256
    /// The beacon chain randomness (PREVRANDAO, EIP-4399).
    public var prevRandao: UInt256
    /// EIP-155 chain id.
    public var chainId: UInt64
    /// EIP-4844 excess blob gas, from which BLOBBASEFEE is derived.
    public var excessBlobGas: UInt64
    /// The hash of an earlier block by number (BLOCKHASH consults it only for the last 256 blocks).
    public var blockHash: @Sendable (UInt64) -> UInt256

    /// A block environment; `blockHash` defaults to zero for every block.
    public init(coinbase: Address = .zero, number: UInt64 = 0, timestamp: UInt64 = 0, gasLimit: UInt64 = 30_000_000,
                baseFee: UInt256 = .zero, prevRandao: UInt256 = .zero, chainId: UInt64 = 1, excessBlobGas: UInt64 = 0,
                blockHash: @escaping @Sendable (UInt64) -> UInt256 = { _ in .zero }) {
        self.coinbase = coinbase; self.number = number; self.timestamp = timestamp; self.gasLimit = gasLimit
        self.baseFee = baseFee; self.prevRandao = prevRandao; self.chainId = chainId
        self.excessBlobGas = excessBlobGas; self.blockHash = blockHash
    }

    /// The blob base fee: fake_exponential(1, excessBlobGas, 3338477) (EIP-4844).
    public var blobBaseFee: UInt256 {
        // factor * e^(numerator / denominator) by its Taylor series, in integers.
        let denominator = UInt256(3_338_477)
        let numerator = UInt256(excessBlobGas)
        var i = UInt256(1)
        var output = UInt256.zero
        var accum = denominator // factor (1) * denominator
        while !accum.isZero {
            output = output &+ accum
            accum = (accum &* numerator) / (denominator &* i)
            i = i &+ 1
        }
        return output / denominator
    }
}
