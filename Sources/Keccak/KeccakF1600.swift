/// The Keccak-f[1600] permutation (FIPS 202 §3) on a 25-lane state.
///
/// Lanes are indexed `x + 5·y` and hold little-endian 64-bit words, as in the
/// specification. Rho and pi are applied together by walking the single 24-step
/// cycle that pi traces through the lanes (every lane except (0,0) lies on it),
/// which avoids a second 25-lane buffer.
@usableFromInline
enum KeccakF1600 {
    @usableFromInline static let roundConstants: [UInt64] = [
        0x0000_0000_0000_0001, 0x0000_0000_0000_8082, 0x8000_0000_0000_808A, 0x8000_0000_8000_8000,
        0x0000_0000_0000_808B, 0x0000_0000_8000_0001, 0x8000_0000_8000_8081, 0x8000_0000_0000_8009,
        0x0000_0000_0000_008A, 0x0000_0000_0000_0088, 0x0000_0000_8000_8009, 0x0000_0000_8000_000A,
        0x0000_0000_8000_808B, 0x8000_0000_0000_008B, 0x8000_0000_0000_8089, 0x8000_0000_0000_8003,
        0x8000_0000_0000_8002, 0x8000_0000_0000_0080, 0x0000_0000_0000_800A, 0x8000_0000_8000_000A,
        0x8000_0000_8000_8081, 0x8000_0000_0000_8080, 0x0000_0000_8000_0001, 0x8000_0000_8000_8008,
    ]

    /// Lane visited at step i of the pi cycle starting from lane 1.
    @usableFromInline static let piLane: [Int] = [
        10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1,
    ]

    /// Rho rotation applied at step i of that cycle: the triangular numbers (i+1)(i+2)/2 mod 64.
    @usableFromInline static let rhoOffset: [UInt64] = [
        1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44,
    ]

    @inlinable @inline(__always)
    static func rotl(_ v: UInt64, _ n: UInt64) -> UInt64 { (v &<< n) | (v &>> (64 &- n)) }

    /// Applies the 24 rounds in place to `a`, which must point at 25 lanes.
    @inlinable
    static func permute(_ a: UnsafeMutablePointer<UInt64>) {
        roundConstants.withUnsafeBufferPointer { rc in
        piLane.withUnsafeBufferPointer { pi in
        rhoOffset.withUnsafeBufferPointer { rho in
            for round in 0..<24 {
                // θ
                let c0 = a[0] ^ a[5] ^ a[10] ^ a[15] ^ a[20]
                let c1 = a[1] ^ a[6] ^ a[11] ^ a[16] ^ a[21]
                let c2 = a[2] ^ a[7] ^ a[12] ^ a[17] ^ a[22]
                let c3 = a[3] ^ a[8] ^ a[13] ^ a[18] ^ a[23]
                let c4 = a[4] ^ a[9] ^ a[14] ^ a[19] ^ a[24]
                let d0 = c4 ^ rotl(c1, 1)
                let d1 = c0 ^ rotl(c2, 1)
                let d2 = c1 ^ rotl(c3, 1)
                let d3 = c2 ^ rotl(c4, 1)
                let d4 = c3 ^ rotl(c0, 1)
                var y = 0
                while y < 25 {
                    a[y] ^= d0; a[y + 1] ^= d1; a[y + 2] ^= d2; a[y + 3] ^= d3; a[y + 4] ^= d4
                    y += 5
                }
                // ρ and π along the pi cycle
                var carried = a[1]
                for i in 0..<24 {
                    let lane = pi[i]
                    let next = a[lane]
                    a[lane] = rotl(carried, rho[i])
                    carried = next
                }
                // χ, row by row
                y = 0
                while y < 25 {
                    let b0 = a[y], b1 = a[y + 1], b2 = a[y + 2], b3 = a[y + 3], b4 = a[y + 4]
                    a[y] = b0 ^ (~b1 & b2)
                    a[y + 1] = b1 ^ (~b2 & b3)
                    a[y + 2] = b2 ^ (~b3 & b4)
                    a[y + 3] = b3 ^ (~b4 & b0)
                    a[y + 4] = b4 ^ (~b0 & b1)
                    y += 5
                }
                // ι
                a[0] ^= rc[round]
            }
        }
        }
        }
    }
}
