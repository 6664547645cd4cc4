import BN254
import Circuits
import Plonk
import Testing

/// Range-check gadgets through the checker: in-range values pass, the first
/// out-of-range value fails with a lookup (or the recombination) error.
@Suite struct RangeCheckTests {
    func satisfied(_ build: (inout ConstraintSystem) -> Void) -> Bool {
        var cs = ConstraintSystem()
        build(&cs)
        let (circuit, w) = cs.compile()
        do { try circuit.check(w); return true } catch { return false }
    }

    @Test func eightBits() {
        #expect(satisfied { cs in RangeCheck.check8(&cs, cs.alloc(Fr(255))) })
        #expect(satisfied { cs in RangeCheck.check8(&cs, cs.alloc(Fr(0))) })
        #expect(!satisfied { cs in RangeCheck.check8(&cs, cs.alloc(Fr(256))) })
        #expect(!satisfied { cs in RangeCheck.check8(&cs, cs.alloc(-Fr.one)) })
    }

    @Test func sixteenBits() {
        #expect(satisfied { cs in RangeCheck.check16(&cs, cs.alloc(Fr(65535))) })
        #expect(!satisfied { cs in RangeCheck.check16(&cs, cs.alloc(Fr(65536))) })
    }

    @Test(arguments: [1, 7, 8, 12, 20, 64, 100])
    func nBitDecomposition(bits: Int) {
        let max = (0..<bits).reduce(Fr.zero) { acc, _ in acc + acc + .one }   // 2^bits − 1
        #expect(satisfied { cs in RangeCheck.checkBits(&cs, cs.alloc(max), bits: bits) })
        #expect(satisfied { cs in RangeCheck.checkBits(&cs, cs.alloc(Fr(0)), bits: bits) })
        #expect(!satisfied { cs in RangeCheck.checkBits(&cs, cs.alloc(max + .one), bits: bits) })
        #expect(!satisfied { cs in RangeCheck.checkBits(&cs, cs.alloc(-Fr.one), bits: bits) })
    }

    @Test func decompositionRowsAndBytes() {
        var cs = ConstraintSystem()
        let x = cs.alloc(Fr(0x0abc_de12))
        let bytes = RangeCheck.checkBits(&cs, x, bits: 28)
        #expect(bytes.map { cs.value(of: $0) } == [Fr(0x12), Fr(0xde), Fr(0xbc), Fr(0x0a)])
        // 4 byte lookups + 1 shifted top-byte row + its lookup + 3 Horner rows.
        #expect(cs.rowCount == 4 + 2 + 3)
    }
}
