import EVM
import State
import Foundation

/// A chain's first block and state, read from a geth-style genesis JSON file.
///
/// Recognised fields: `config.chainId`, `alloc` (address → `balance`, `nonce`, `code`, `storage`),
/// `gasLimit`, `baseFeePerGas`, `timestamp`, `extraData`, `coinbase`. Numbers may be `0x` hex or
/// decimal, as strings or JSON numbers (geth accepts both). Everything else is ignored: chain v2
/// runs Cancun rules from block 0, whatever the fork fields say.
public struct Genesis: Sendable {
    /// EIP-155 chain id.
    public var chainId: UInt64
    /// Accounts that exist at block 0.
    public var alloc: [Address: Account]
    /// Block gas limit (constant on chain v2).
    public var gasLimit: UInt64
    /// Base fee of block 0 (EIP-1559); later blocks follow the EIP-1559 update rule.
    public var baseFeePerGas: UInt256
    /// Block 0's timestamp.
    public var timestamp: UInt64
    /// Block 0's extra data (at most 32 bytes).
    public var extraData: [UInt8]
    /// Fee recipient of every block (the sequencer's address).
    public var coinbase: Address

    /// A genesis.
    public init(chainId: UInt64, alloc: [Address: Account], gasLimit: UInt64 = 30_000_000,
                baseFeePerGas: UInt256 = UInt256(1_000_000_000), timestamp: UInt64 = 0,
                extraData: [UInt8] = [], coinbase: Address = .zero) {
        self.chainId = chainId; self.alloc = alloc; self.gasLimit = gasLimit; self.baseFeePerGas = baseFeePerGas
        self.timestamp = timestamp; self.extraData = extraData; self.coinbase = coinbase
    }

    /// The default dev chain id.
    public static let devChainId: UInt64 = 1337

    /// The dev genesis: the ten `DevAccounts` with 10,000 ether each, 30M gas, 1 gwei base fee.
    /// - Parameter chainId: the chain id (default 1337).
    public static func dev(chainId: UInt64 = devChainId) -> Genesis {
        var alloc: [Address: Account] = [:]
        for a in DevAccounts.addresses {
            if let address = Address(hex: a) { alloc[address] = Account(balance: DevAccounts.balance) }
        }
        return Genesis(chainId: chainId, alloc: alloc)
    }

    /// Parses a geth-style genesis JSON.
    /// - Throws: `GenesisError` naming the malformed field.
    public init(json data: Data) throws(GenesisError) {
        let root: JSONValue
        do { root = try JSONValue.parse(data) } catch { throw .malformedJSON }
        guard root.objectValue != nil else { throw .malformedJSON }
        guard let chainId = Self.number(root["config"]?["chainId"] ?? root["chainId"]).flatMap({ $0.exactUInt64 }) else {
            throw .missingField("config.chainId")
        }
        self.chainId = chainId
        self.gasLimit = try Self.optionalNumber(root["gasLimit"], "gasLimit")?.exactUInt64 ?? 30_000_000
        self.baseFeePerGas = try Self.optionalNumber(root["baseFeePerGas"], "baseFeePerGas") ?? UInt256(1_000_000_000)
        self.timestamp = try Self.optionalNumber(root["timestamp"], "timestamp")?.exactUInt64 ?? 0
        if let extra = root["extraData"]?.stringValue {
            guard let bytes = Hex.decode(extra), bytes.count <= 32 else { throw .invalidField("extraData") }
            self.extraData = bytes
        } else { self.extraData = [] }
        if let cb = root["coinbase"]?.stringValue {
            guard let a = Address(hex: cb) else { throw .invalidField("coinbase") }
            self.coinbase = a
        } else { self.coinbase = .zero }
        var alloc: [Address: Account] = [:]
        for (key, entry) in root["alloc"]?.objectValue ?? [] {
            guard let address = Address(hex: key) else { throw .invalidField("alloc.\(key)") }
            var account = Account()
            account.balance = try Self.optionalNumber(entry["balance"], "alloc.\(key).balance") ?? .zero
            if let n = try Self.optionalNumber(entry["nonce"], "alloc.\(key).nonce") {
                guard let v = n.exactUInt64 else { throw .invalidField("alloc.\(key).nonce") }
                account.nonce = v
            }
            if let code = entry["code"]?.stringValue {
                guard let bytes = Hex.decode(code) else { throw .invalidField("alloc.\(key).code") }
                account.code = Code(bytes)
            }
            for (slot, value) in entry["storage"]?.objectValue ?? [] {
                guard let k = UInt256(hex: slot), let s = value.stringValue, let v = UInt256(hex: s) else {
                    throw .invalidField("alloc.\(key).storage.\(slot)")
                }
                if !v.isZero { account.storage[k] = v }
            }
            alloc[address] = account
        }
        // Chain v2's state encoding packs a balance into 128 bits (StateCommitment); nothing on
        // chain v2 mints, so a genesis whose total stays below 2^128 wei keeps every balance there.
        var total = UInt256.zero
        for (_, a) in alloc {
            let (sum, overflow) = total.addingReportingOverflow(a.balance)
            guard !overflow, sum < StateCommitment.balanceLimit else { throw .invalidField("alloc: total balance must be below 2^128 wei") }
            total = sum
        }
        self.alloc = alloc
    }

    static func number(_ v: JSONValue?) -> UInt256? {
        switch v {
        case .string(let s)?: return UInt256(s)
        case .number(let d)?: return d >= 0 && d < 9e15 && d == d.rounded() ? UInt256(UInt64(d)) : nil
        default: return nil
        }
    }

    static func optionalNumber(_ v: JSONValue?, _ name: String) throws(GenesisError) -> UInt256? {
        guard let v, v != .null else { return nil }
        guard let n = number(v) else { throw .invalidField(name) }
        return n
    }

    /// The genesis state.
    public var state: WorldState { WorldState(accounts: alloc) }

    /// Block 0's header: the alloc's state root, empty transaction and receipt tries.
    public func header(stateRoot: UInt256) -> BlockHeader {
        BlockHeader(parentHash: .zero, coinbase: coinbase, stateRoot: stateRoot,
                    transactionsRoot: MerklePatriciaTrie.emptyRoot, receiptsRoot: MerklePatriciaTrie.emptyRoot,
                    logsBloom: Bloom(), number: 0, gasLimit: gasLimit, gasUsed: 0, timestamp: timestamp,
                    extraData: extraData, baseFeePerGas: baseFeePerGas)
    }
}

/// Why a genesis file was rejected.
public enum GenesisError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not a JSON object.
    case malformedJSON
    /// A required field is absent.
    case missingField(String)
    /// A field has the wrong type or an out-of-range value.
    case invalidField(String)

    public var description: String {
        switch self {
        case .malformedJSON: "genesis: not a JSON object"
        case .missingField(let f): "genesis: missing \(f)"
        case .invalidField(let f): "genesis: invalid \(f)"
        }
    }
}
