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

    /// Both decompositions (bytes, 16-bit limbs) at widths around their limb boundaries.
    @Test(arguments: [(1, false), (7, false), (8, false), (12, false), (20, false), (64, false), (100, false),
                      (1, true), (15, true), (16, true), (17, true), (64, true), (128, true), (222, true)])
    func nBitDecomposition(bits: Int, sixteen: Bool) {
        func check(_ cs: inout ConstraintSystem, _ x: Fr) {
            let v = cs.alloc(x)
            if sixteen { RangeCheck.checkBits16(&cs, v, bits: bits) } else { RangeCheck.checkBits(&cs, v, bits: bits) }
        }
        let max = (0..<bits).reduce(Fr.zero) { acc, _ in acc + acc + .one }   // 2^bits − 1
        #expect(satisfied { cs in check(&cs, max) })
        #expect(satisfied { cs in check(&cs, .zero) })
        #expect(!satisfied { cs in check(&cs, max + .one) })
        #expect(!satisfied { cs in check(&cs, -Fr.one) })
    }

    @Test func decompositionRowsAndBytes() {
        var cs = ConstraintSystem()
        let x = cs.alloc(Fr(0x0abc_de12))
        let bytes = RangeCheck.checkBits(&cs, x, bits: 28)
        #expect(bytes.map { cs.value(of: $0) } == [Fr(0x12), Fr(0xde), Fr(0xbc), Fr(0x0a)])
        // 4 byte lookups + 1 shifted top-byte row + its lookup + 3 Horner rows.
        #expect(cs.rowCount == 4 + 2 + 3)
    }

    @Test func sixteenBitLimbsRowsAndTable() {
        var cs = ConstraintSystem()
        let x = cs.alloc(Fr(0x0abc_de12_3456))
        let limbs = RangeCheck.checkBits16(&cs, x, bits: 44)
        #expect(limbs.map { cs.value(of: $0) } == [Fr(0x3456), Fr(0xde12), Fr(0x0abc)])
        // 3 limb lookups + 1 shifted top-limb row + its lookup + 2 Horner rows; only range16.
        #expect(cs.rowCount == 3 + 2 + 2)
        let (circuit, _) = cs.compile()
        #expect(circuit.tables.map(\.name) == ["range16"] && circuit.size == 1 << 16)
    }
}
