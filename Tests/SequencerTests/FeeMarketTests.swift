import EVM
import Sequencer
import Testing

/// EIP-1559 base fee: values worked out by hand from the EIP's formula.
@Suite struct FeeMarketTests {
    let gwei = UInt256(1_000_000_000)

    @Test func atTargetUnchanged() {
        #expect(FeeMarket.nextBaseFee(parentBaseFee: gwei, parentGasUsed: 15_000_000, parentGasLimit: 30_000_000) == gwei)
    }

    @Test func fullBlockRaisesByOneEighth() {
        #expect(FeeMarket.nextBaseFee(parentBaseFee: gwei, parentGasUsed: 30_000_000, parentGasLimit: 30_000_000)
                == UInt256(1_125_000_000))
    }

    @Test func emptyBlockLowersByOneEighth() {
        #expect(FeeMarket.nextBaseFee(parentBaseFee: gwei, parentGasUsed: 0, parentGasLimit: 30_000_000)
                == UInt256(875_000_000))
    }

    @Test func slightlyAboveTargetRisesAtLeastOneWei() {
        // delta = 100 * 1 / 15e6 / 8 = 0 → 1
        #expect(FeeMarket.nextBaseFee(parentBaseFee: UInt256(100), parentGasUsed: 15_000_001, parentGasLimit: 30_000_000)
                == UInt256(101))
    }

    @Test func partialBlock() {
        // used 21000: delta = 1e9 * (15e6 - 21000) / 15e6 / 8 = 124825000
        #expect(FeeMarket.nextBaseFee(parentBaseFee: gwei, parentGasUsed: 21_000, parentGasLimit: 30_000_000)
                == UInt256(875_175_000))
    }

    @Test func sevenWeiIsAFixedPointWhenEmpty() {
        #expect(FeeMarket.nextBaseFee(parentBaseFee: UInt256(7), parentGasUsed: 0, parentGasLimit: 30_000_000) == UInt256(7))
    }
}
