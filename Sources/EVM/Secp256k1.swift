import CSecp256k1
import Keccak

/// ECDSA over secp256k1 (SEC 2) through libsecp256k1: Ethereum's signing,
/// public-key recovery and address derivation.
///
/// One context is created (and randomised against side channels) on first use
/// and then only read: libsecp256k1 documents const-context calls as
/// thread-safe, so concurrent `recover`/`sign` calls need no lock.
///
/// Public keys are 64 bytes `x‖y` (big-endian, no 0x04 prefix); an address is
/// the last 20 bytes of the Keccak-256 of that (Yellow Paper eq. 284).
/// Recovery accepts high s unless `requireLowS` is set: the ecrecover
/// precompile must accept it, transactions must not (EIP-2).
public enum Secp256k1 {
    /// The group order n, big-endian.
    public static let order: [UInt8] = [
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
        0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48, 0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41,
    ]
    /// ⌊n/2⌋, big-endian: the largest s EIP-2 allows.
    public static let halfOrder: [UInt8] = [
        0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0x5d, 0x57, 0x6e, 0x73, 0x57, 0xa4, 0x50, 0x1d, 0xdf, 0xe9, 0x2f, 0x46, 0x68, 0x1b, 0x20, 0xa0,
    ]

    /// A recoverable signature: r and s (32 bytes big-endian each) and the recovery id v ∈ {0, 1}.
    public struct Signature: Equatable, Hashable, Sendable {
        /// The x-coordinate of the nonce point mod n, 32 bytes big-endian.
        public var r: [UInt8]
        /// The signature scalar, 32 bytes big-endian (low form when made by `sign`).
        public var s: [UInt8]
        /// The recovery id: the parity of the nonce point's y-coordinate.
        public var v: UInt8
        /// Wraps the three parts without checks.
        public init(r: [UInt8], s: [UInt8], v: UInt8) { self.r = r; self.s = s; self.v = v }
    }

    /// Whether a 32-byte big-endian scalar x satisfies 0 < x < n.
    public static func isValidScalar(_ x: [UInt8]) -> Bool {
        x.count == 32 && x.contains(where: { $0 != 0 }) && x.lexicographicallyPrecedes(order)
    }

    /// Whether a 32-byte big-endian s satisfies s ≤ n/2 (EIP-2).
    public static func isLowS(_ s: [UInt8]) -> Bool {
        s.count == 32 && !halfOrder.lexicographicallyPrecedes(s)
    }

    /// Recovers the signer's public key from a message hash and a signature.
    /// - Parameters:
    ///   - hash: the 32-byte message hash that was signed.
    ///   - r, s: 32-byte big-endian scalars, each in [1, n).
    ///   - recoveryId: 0 or 1.
    ///   - requireLowS: reject s > n/2 (EIP-2; true for transactions, false for ecrecover).
    /// - Returns: the 64-byte public key `x‖y`.
    /// - Throws: `Secp256k1Error` naming the failed check.
    public static func recoverPublicKey(hash: [UInt8], r: [UInt8], s: [UInt8], recoveryId: UInt8,
                                        requireLowS: Bool = false) throws(Secp256k1Error) -> [UInt8] {
        guard hash.count == 32 else { throw .wrongLength(expected: 32, got: hash.count) }
        guard r.count == 32 else { throw .wrongLength(expected: 32, got: r.count) }
        guard s.count == 32 else { throw .wrongLength(expected: 32, got: s.count) }
        guard recoveryId <= 1 else { throw .invalidRecoveryId(recoveryId) }
        guard isValidScalar(r), isValidScalar(s) else { throw .scalarOutOfRange }
        if requireLowS && !isLowS(s) { throw .highS }
        let ctx = Context.shared.pointer
        var compact = [UInt8](repeating: 0, count: 64)
        compact.replaceSubrange(0..<32, with: r)
        compact.replaceSubrange(32..<64, with: s)
        var sig = secp256k1_ecdsa_recoverable_signature()
        guard secp256k1_ecdsa_recoverable_signature_parse_compact(ctx, &sig, compact, Int32(recoveryId)) == 1 else {
            throw .scalarOutOfRange
        }
        var pubkey = secp256k1_pubkey()
        guard secp256k1_ecdsa_recover(ctx, &pubkey, &sig, hash) == 1 else { throw .recoveryFailed }
        return serialize(pubkey, ctx)
    }

    /// Recovers the signer's address: the last 20 bytes of Keccak-256 of the recovered public key.
    /// - Parameters: as `recoverPublicKey`.
    /// - Returns: 20 bytes.
    /// - Throws: as `recoverPublicKey`.
    public static func recoverAddress(hash: [UInt8], r: [UInt8], s: [UInt8], recoveryId: UInt8,
                                      requireLowS: Bool = false) throws(Secp256k1Error) -> [UInt8] {
        let key = try recoverPublicKey(hash: hash, r: r, s: s, recoveryId: recoveryId, requireLowS: requireLowS)
        return address(publicKey: key)
    }

    /// The address of a 64-byte public key `x‖y`.
    public static func address(publicKey: [UInt8]) -> [UInt8] {
        Array(Keccak256.hash(publicKey)[12..<32])
    }

    /// Signs a 32-byte hash deterministically (RFC 6979 nonces) with a low s (libsecp256k1 normalises).
    /// - Parameters:
    ///   - hash: the message hash.
    ///   - privateKey: 32 bytes big-endian in [1, n).
    /// - Returns: r, s and the recovery id v ∈ {0, 1}.
    /// - Throws: `.wrongLength` or `.invalidPrivateKey`.
    public static func sign(hash: [UInt8], privateKey: [UInt8]) throws(Secp256k1Error) -> Signature {
        guard hash.count == 32 else { throw .wrongLength(expected: 32, got: hash.count) }
        guard privateKey.count == 32 else { throw .wrongLength(expected: 32, got: privateKey.count) }
        let ctx = Context.shared.pointer
        guard secp256k1_ec_seckey_verify(ctx, privateKey) == 1 else { throw .invalidPrivateKey }
        var sig = secp256k1_ecdsa_recoverable_signature()
        guard secp256k1_ecdsa_sign_recoverable(ctx, &sig, hash, privateKey, nil, nil) == 1 else {
            throw .invalidPrivateKey
        }
        var compact = [UInt8](repeating: 0, count: 64)
        var recid: Int32 = 0
        _ = secp256k1_ecdsa_recoverable_signature_serialize_compact(ctx, &compact, &recid, &sig)
        return Signature(r: Array(compact[0..<32]), s: Array(compact[32..<64]), v: UInt8(recid))
    }

    /// The 64-byte public key `x‖y` of a private key.
    /// - Throws: `.wrongLength` or `.invalidPrivateKey`.
    public static func publicKey(privateKey: [UInt8]) throws(Secp256k1Error) -> [UInt8] {
        guard privateKey.count == 32 else { throw .wrongLength(expected: 32, got: privateKey.count) }
        let ctx = Context.shared.pointer
        var pubkey = secp256k1_pubkey()
        guard secp256k1_ec_pubkey_create(ctx, &pubkey, privateKey) == 1 else { throw .invalidPrivateKey }
        return serialize(pubkey, ctx)
    }

    /// The 20-byte address of a private key.
    /// - Throws: as `publicKey(privateKey:)`.
    public static func address(privateKey: [UInt8]) throws(Secp256k1Error) -> [UInt8] {
        address(publicKey: try publicKey(privateKey: privateKey))
    }

    private static func serialize(_ pubkey: secp256k1_pubkey, _ ctx: OpaquePointer) -> [UInt8] {
        var key = pubkey
        var out = [UInt8](repeating: 0, count: 65)
        var len = 65
        _ = secp256k1_ec_pubkey_serialize(ctx, &out, &len, &key, UInt32(SECP256K1_EC_UNCOMPRESSED))
        return Array(out[1..<65])
    }

    /// Owns the one libsecp256k1 context. It is mutated only inside `init` (randomisation);
    /// afterwards libsecp256k1 only reads it, which its documentation declares thread-safe,
    /// hence the unchecked Sendable.
    final class Context: @unchecked Sendable {
        static let shared = Context()
        let pointer: OpaquePointer

        private init() {
            guard let ctx = secp256k1_context_create(UInt32(SECP256K1_CONTEXT_NONE)) else {
                preconditionFailure("secp256k1_context_create failed")
            }
            var seed = [UInt8](repeating: 0, count: 32)
            var rng = SystemRandomNumberGenerator()
            for i in 0..<32 { seed[i] = UInt8.random(in: 0...255, using: &rng) }
            _ = secp256k1_context_randomize(ctx, seed)
            pointer = ctx
        }
    }
}
