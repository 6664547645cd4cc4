import BN254
import Foundation

/// Strict decoding of public inputs given as 32-byte big-endian words.
public enum PublicInputs {
    /// Decodes each word to Fr.
    /// - Throws: `PlonkEncodingError.wrongLength` unless 32 bytes,
    ///   `.scalarNotCanonical` for a value ≥ r (so x + r never aliases x).
    public static func decode(_ words: [[UInt8]]) throws(PlonkEncodingError) -> [Fr] {
        var out = [Fr]()
        for (i, w) in words.enumerated() {
            guard w.count == 32 else { throw .wrongLength(expected: 32, got: w.count) }
            guard let x = Fr(bigEndianBytes: w) else { throw .scalarNotCanonical(field: "public input \(i)") }
            out.append(x)
        }
        return out
    }
}

extension Verifier {
    /// Decodes a binary proof strictly, then verifies it.
    /// - Throws: `.malformed` for decoding failures, else as `verify(_:publicInputs:vk:)`.
    public static func verify(bytes: [UInt8], publicInputs: [Fr], vk: VerificationKey) throws(PlonkVerificationError) {
        let proof: Proof
        do { proof = try Proof(bytes: bytes) } catch { throw .malformed(error) }
        try verify(proof, publicInputs: publicInputs, vk: vk)
    }
}

/// The versioned proof file:
/// `{"version":1,"proof":"0x…","publicInputs":["0x…"],"vkHash":"0x…"}`
/// with the 1216-byte proof, 32-byte public inputs and the 32-byte VK hash as
/// lower-case 0x-hex.
public struct ProofEnvelope: Sendable, Equatable {
    /// Container version (1).
    public static let version = 1
    /// The proof.
    public var proof: Proof
    /// The public inputs.
    public var publicInputs: [Fr]
    /// Keccak-256 of the VK the proof is for.
    public var vkHash: [UInt8]

    /// Wraps the parts.
    public init(proof: Proof, publicInputs: [Fr], vkHash: [UInt8]) {
        self.proof = proof; self.publicInputs = publicInputs; self.vkHash = vkHash
    }

    /// The JSON text (keys in a fixed order).
    public var json: String {
        let inputs = publicInputs.map { "\"\(hex($0.bigEndianBytes))\"" }.joined(separator: ",")
        return "{\"version\":\(ProofEnvelope.version),\"proof\":\"\(hex(proof.bytes))\",\"publicInputs\":[\(inputs)],\"vkHash\":\"\(hex(vkHash))\"}"
    }

    /// Parses and strictly decodes the JSON text.
    /// - Throws: `PlonkEncodingError` (`.malformedJSON`, `.unsupportedVersion`, or the proof/input decoding error).
    public init(json: String) throws(PlonkEncodingError) {
        let obj = try jsonObject(json)
        guard let v = obj["version"] as? Int else { throw .malformedJSON("missing version") }
        guard v == ProofEnvelope.version else { throw .unsupportedVersion(v) }
        guard let p = obj["proof"] as? String, let inputs = obj["publicInputs"] as? [String], let h = obj["vkHash"] as? String else {
            throw .malformedJSON("missing proof, publicInputs or vkHash")
        }
        let proof = try Proof(bytes: try unhex(p))
        var words = [[UInt8]]()
        for s in inputs { words.append(try unhex(s)) }
        let hash = try unhex(h)
        guard hash.count == 32 else { throw .wrongLength(expected: 32, got: hash.count) }
        self.init(proof: proof, publicInputs: try PublicInputs.decode(words), vkHash: hash)
    }
}

extension VerificationKey {
    /// The versioned VK file:
    /// `{"version":1,"logSize":k,"publicInputCount":ℓ,"gates":["name",…],"vkHash":"0x…","vk":"0x<binary>"}`.
    /// The binary is authoritative; the other fields are for people and are cross-checked on decoding.
    public var json: String {
        let names = gates.map { "\"\($0.name)\"" }.joined(separator: ",")
        return "{\"version\":\(VerificationKey.formatVersion),\"logSize\":\(logSize),\"publicInputCount\":\(publicInputCount),\"gates\":[\(names)],\"vkHash\":\"\(hex(hash))\",\"vk\":\"\(hex(binaryEncoding))\"}"
    }

    /// Decodes the JSON file (see `json`).
    /// - Parameter gates: the custom gates the verifier knows.
    /// - Throws: `PlonkEncodingError`.
    public init(json: String, gates registry: [any CustomGate]) throws(PlonkEncodingError) {
        let obj = try jsonObject(json)
        guard let v = obj["version"] as? Int else { throw .malformedJSON("missing version") }
        guard v == Int(VerificationKey.formatVersion) else { throw .unsupportedVersion(v) }
        guard let b = obj["vk"] as? String, let h = obj["vkHash"] as? String else { throw .malformedJSON("missing vk or vkHash") }
        let vk = try VerificationKey(binary: try unhex(b), gates: registry)
        guard try unhex(h) == vk.hash else { throw .invalidValue("vkHash does not match the key") }
        if let k = obj["logSize"] as? Int, k != vk.logSize { throw .invalidValue("logSize does not match the key") }
        if let l = obj["publicInputCount"] as? Int, l != vk.publicInputCount { throw .invalidValue("publicInputCount does not match the key") }
        self = vk
    }
}

func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out = [UInt8]("0x".utf8)
    for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
    return String(decoding: out, as: UTF8.self)
}

func unhex(_ s: String) throws(PlonkEncodingError) -> [UInt8] {
    let u = Array(s.utf8)
    guard u.count >= 2, u[0] == UInt8(ascii: "0"), u[1] == UInt8(ascii: "x"), u.count % 2 == 0 else { throw .malformedJSON("bad hex string") }
    func nibble(_ c: UInt8) throws(PlonkEncodingError) -> UInt8 {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: throw .malformedJSON("bad hex digit")
        }
    }
    var out = [UInt8]()
    out.reserveCapacity(u.count / 2 - 1)
    var i = 2
    while i < u.count { out.append(try nibble(u[i]) << 4 | nibble(u[i + 1])); i += 2 }
    return out
}

func jsonObject(_ text: String) throws(PlonkEncodingError) -> [String: Any] {
    guard let data = text.data(using: .utf8),
          let any = try? JSONSerialization.jsonObject(with: data),
          let obj = any as? [String: Any] else { throw .malformedJSON("not a JSON object") }
    return obj
}
