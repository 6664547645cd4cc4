import Keccak

extension WorldState {
    /// The state root: the secure trie over accounts, each RLP([nonce, balance, storageRoot, codeHash]).
    public var stateRoot: UInt256 {
        var pairs: [(key: [UInt8], value: [UInt8])] = []
        pairs.reserveCapacity(accounts.count)
        for (address, account) in accounts {
            pairs.append((address.bytes, Self.encodeAccount(account)))
        }
        return MerklePatriciaTrie.secureRoot(pairs)
    }

    /// The storage root of one account: the secure trie over slot → RLP(value) for non-zero values.
    public static func storageRoot(_ storage: [UInt256: UInt256]) -> UInt256 {
        if storage.isEmpty { return MerklePatriciaTrie.emptyRoot }
        var pairs: [(key: [UInt8], value: [UInt8])] = []
        pairs.reserveCapacity(storage.count)
        for (k, v) in storage where !v.isZero { pairs.append((k.bigEndianBytes, RLPEncoding.uint(v))) }
        return MerklePatriciaTrie.secureRoot(pairs)
    }

    /// RLP([nonce, balance, storageRoot, codeHash]), the state trie's leaf value.
    public static func encodeAccount(_ a: Account) -> [UInt8] {
        RLPEncoding.list([RLPEncoding.uint(UInt256(a.nonce)), RLPEncoding.uint(a.balance),
                          RLPEncoding.bytes(storageRoot(a.storage).bigEndianBytes),
                          RLPEncoding.bytes(a.code.hash.bigEndianBytes)])
    }

    /// keccak256(RLP(logs)), each log RLP([address, [topics], data]): the state tests' `logs` field.
    public static func logsHash(_ logs: [Log]) -> UInt256 {
        let items = logs.map { log in
            RLPEncoding.list([RLPEncoding.bytes(log.address.bytes),
                              RLPEncoding.list(log.topics.map { RLPEncoding.bytes($0.bigEndianBytes) }),
                              RLPEncoding.bytes(log.data)])
        }
        return UInt256(bigEndianAt: Keccak256.hash(RLPEncoding.list(items)))
    }
}
