import Testing
import BN254
import TestSupport

@Suite struct FieldSmokeTests {
    @Test func mulMatchesGeneric() {
        var rng = SeededRNG(seed: 1)
        for _ in 0..<1000 {
            let a = Fr.random(using: &rng), b = Fr.random(using: &rng)
            #expect(a * b == a._mulGeneric(b))
        }
    }
}
