import EVM

/// The EIP-1559 base fee rule.
public enum FeeMarket {
    /// BASE_FEE_MAX_CHANGE_DENOMINATOR: the base fee moves by at most 1/8 per block.
    public static let changeDenominator = UInt256(8)
    /// ELASTICITY_MULTIPLIER: the gas target is half the gas limit.
    public static let elasticity: UInt64 = 2

    /// The base fee of the child of a block (EIP-1559 `calc_base_fee`).
    /// - Parameters:
    ///   - parentBaseFee: the parent's base fee.
    ///   - parentGasUsed: the parent's gas used.
    ///   - parentGasLimit: the parent's gas limit (must be ≥ 2).
    /// - Returns: the parent's fee moved towards the target by (used − target)/target/8 of itself,
    ///   rising by at least 1 wei when the parent was above target.
    public static func nextBaseFee(parentBaseFee: UInt256, parentGasUsed: UInt64, parentGasLimit: UInt64) -> UInt256 {
        let target = parentGasLimit / elasticity
        if target == 0 || parentGasUsed == target { return parentBaseFee }
        if parentGasUsed > target {
            let delta = parentBaseFee * UInt256(parentGasUsed - target) / UInt256(target) / changeDenominator
            return parentBaseFee + (delta.isZero ? .one : delta)
        }
        let delta = parentBaseFee * UInt256(target - parentGasUsed) / UInt256(target) / changeDenominator
        return parentBaseFee - delta
    }

    /// The base fee of the block after `header`.
    public static func nextBaseFee(after header: BlockHeader) -> UInt256 {
        nextBaseFee(parentBaseFee: header.baseFeePerGas, parentGasUsed: header.gasUsed, parentGasLimit: header.gasLimit)
    }
}
