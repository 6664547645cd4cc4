import Keccak

/// The root hash of Ethereum's hexary Merkle-Patricia trie over a set of key/value pairs
/// (Yellow Paper appendix D).
///
/// Built in one pass from the sorted keys: a single key becomes a leaf, keys sharing a prefix
/// become an extension, otherwise a 16-way branch. Paths use hex-prefix encoding (appendix C);
/// a node whose RLP is shorter than 32 bytes is inlined in its parent, larger ones are
/// referenced by their Keccak-256 hash. The root is always hashed.
public enum MerklePatriciaTrie {
    /// keccak256(rlp("")): the root of an empty trie, 0x56e8…b421.
    public static let emptyRoot = UInt256(bigEndianAt: Keccak256.hash([0x80]))

    /// The root of the trie holding `pairs` (keys are raw byte strings; duplicate keys are not allowed).
    /// - Parameter pairs: (key, value) with non-empty values.
    public static func root(_ pairs: [(key: [UInt8], value: [UInt8])]) -> UInt256 {
        if pairs.isEmpty { return emptyRoot }
        let items = pairs.map { (nibbles: nibbles($0.key), value: $0.value) }.sorted { $0.nibbles.lexicographicallyPrecedes($1.nibbles) }
        let node = encodeNode(items[...], depth: 0)
        return UInt256(bigEndianAt: Keccak256.hash(node))
    }

    /// The root of a secure trie: each key is replaced by its keccak256 (state and storage tries).
    public static func secureRoot(_ pairs: [(key: [UInt8], value: [UInt8])]) -> UInt256 {
        root(pairs.map { (Keccak256.hash($0.key), $0.value) })
    }

    static func nibbles(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(b >> 4); out.append(b & 15) }
        return out
    }

    /// Hex-prefix encoding of a nibble path with the leaf flag.
    static func hexPrefix(_ path: ArraySlice<UInt8>, leaf: Bool) -> [UInt8] {
        var out = [UInt8]()
        let flag: UInt8 = leaf ? 2 : 0
        var i = path.startIndex
        if path.count % 2 == 1 {
            out.append(((flag | 1) << 4) | path[i])
            i += 1
        } else {
            out.append(flag << 4)
        }
        while i < path.endIndex {
            out.append((path[i] << 4) | path[i + 1])
            i += 2
        }
        return out
    }

    /// A child reference: the node itself when shorter than 32 bytes, else its hash as an RLP string.
    static func reference(_ node: [UInt8]) -> [UInt8] {
        node.count < 32 ? node : RLPEncoding.bytes(Keccak256.hash(node))
    }

    static func encodeNode(_ items: ArraySlice<(nibbles: [UInt8], value: [UInt8])>, depth: Int) -> [UInt8] {
        let first = items[items.startIndex]
        if items.count == 1 {
            return RLPEncoding.list([RLPEncoding.bytes(hexPrefix(first.nibbles[depth...], leaf: true)),
                                     RLPEncoding.bytes(first.value)])
        }
        // Common prefix of the first and last keys (they are sorted) from `depth`.
        let last = items[items.endIndex - 1]
        var p = depth
        while p < first.nibbles.count && p < last.nibbles.count && first.nibbles[p] == last.nibbles[p] { p += 1 }
        if p > depth {
            let child = encodeNode(items, depth: p)
            return RLPEncoding.list([RLPEncoding.bytes(hexPrefix(first.nibbles[depth..<p], leaf: false)),
                                     reference(child)])
        }
        var slots = [[UInt8]](repeating: RLPEncoding.bytes([]), count: 17)
        var start = items.startIndex
        var branchValue: [UInt8] = []
        if first.nibbles.count == depth { // a key ending here stores its value in the branch
            branchValue = first.value
            start += 1
        }
        while start < items.endIndex {
            let nib = items[start].nibbles[depth]
            var end = start + 1
            while end < items.endIndex && items[end].nibbles[depth] == nib { end += 1 }
            slots[Int(nib)] = reference(encodeNode(items[start..<end], depth: depth + 1))
            start = end
        }
        slots[16] = RLPEncoding.bytes(branchValue)
        return RLPEncoding.list(slots)
    }
}

/// Adapters over `RLP` in the shapes the trie, logs hash and CREATE addresses use.
enum RLPEncoding {
    /// A byte string.
    static func bytes(_ b: [UInt8]) -> [UInt8] { RLP.encode(bytes: b) }
    /// A list of already-encoded items.
    static func list(_ items: [[UInt8]]) -> [UInt8] {
        var payload = [UInt8]()
        for i in items { payload += i }
        return RLP.encodeList(payload: payload)
    }
    /// An unsigned integer: minimal big-endian bytes.
    static func uint(_ v: UInt256) -> [UInt8] {
        var out = [UInt8]()
        RLP.appendUInt(v, to: &out)
        return out
    }
}
