import BN254

extension Poseidon {
    /// One Poseidon instance: width, round numbers, round constants and MDS
    /// matrix (Grassi et al., "Poseidon", eprint 2019/458, §2).
    ///
    /// The permutation runs `fullRounds + partialRounds` rounds; round r adds
    /// `roundConstants[r]`, applies x⁵ to every element (the first and last
    /// `fullRounds / 2` rounds) or to element 0 only (the middle rounds), then
    /// multiplies by `mds`: new[i] = Σⱼ mds[i][j]·state[j]. Circuit gadgets
    /// read the same tables, so native and in-circuit Poseidon cannot drift.
    public struct Parameters: Sendable {
        /// State width t (rate t − 1, capacity 1 in circomlib's sponge).
        public let t: Int
        /// R_F, 8 for every circomlib width (split 4 + 4 around the partial rounds).
        public let fullRounds: Int
        /// R_P (circomlib: 56, 57, 56, 60 for t = 2, 3, 4, 5).
        public let partialRounds: Int
        /// roundConstants[r][i]: the constant added to element i in round r.
        public let roundConstants: [[Fr]]
        /// The t×t MDS matrix, row-major: new[i] = Σⱼ mds[i][j]·state[j].
        public let mds: [[Fr]]
        /// `roundConstants` flattened round-major (for the hot loop).
        @usableFromInline let _constants: [Fr]
        /// `mds` flattened row-major.
        @usableFromInline let _mds: [Fr]
        /// Tables of the equivalent fast evaluation (sparse partial rounds).
        @usableFromInline let _optimized: PoseidonOptimized

        /// Total number of rounds, R_F + R_P.
        public var rounds: Int { fullRounds + partialRounds }

        /// Whether round r is a full round (S-box on every element).
        @inlinable
        public func isFullRound(_ r: Int) -> Bool { r < fullRounds / 2 || r >= fullRounds / 2 + partialRounds }

        /// circomlib's parameters for width t (2…5), or nil for other widths.
        public static func circom(t: Int) -> Parameters? {
            guard let raw = PoseidonConstants.limbs(t: t) else { return nil }
            let c = PoseidonConstants.elements(raw.roundConstants)
            let m = PoseidonConstants.elements(raw.mds)
            return Parameters(t: t, fullRounds: raw.fullRounds, partialRounds: raw.partialRounds,
                              flatConstants: c, flatMDS: m)
        }

        /// circomlib's t = 3 instance (2-input hash): 8 full and 57 partial rounds.
        public static let t3: Parameters = circom(t: 3)!

        init(t: Int, fullRounds: Int, partialRounds: Int, flatConstants: [Fr], flatMDS: [Fr]) {
            precondition(flatConstants.count == t * (fullRounds + partialRounds) && flatMDS.count == t * t)
            self.t = t
            self.fullRounds = fullRounds
            self.partialRounds = partialRounds
            _constants = flatConstants
            _mds = flatMDS
            roundConstants = (0..<(fullRounds + partialRounds)).map { Array(flatConstants[($0 * t)..<($0 * t + t)]) }
            mds = (0..<t).map { Array(flatMDS[($0 * t)..<($0 * t + t)]) }
            _optimized = PoseidonOptimized(t: t, fullRounds: fullRounds, partialRounds: partialRounds,
                                           constants: roundConstants, mds: mds)
        }
    }
}
