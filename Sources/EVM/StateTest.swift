import Foundation
import Keccak

/// Runs ethereum/tests GeneralStateTests (the filled JSON format) for one fork.
///
/// Each test gives a pre-state, a block environment and a transaction template whose data,
/// gas and value arrays are indexed by each post case. A case passes when the state root after
/// the transaction (and the fork's end-of-block rules) and the hash of the logs match. After the
/// merge there is no block reward, but as geth's runner does, the coinbase is touched with a zero
/// reward after every transaction, valid or not, so an empty coinbase is deleted (EIP-161).
public enum StateTest {
    /// One checked case: a line of `zkrollup evm statetest`.
    public struct CaseResult: Sendable, Codable {
        /// The test's name (its key in the file).
        public var name: String
        /// The fork whose post section was checked.
        public var fork: String
        /// Position of the case in the fork's post list.
        public var index: Int
        /// True when state root and logs hash match (and validity matches `expectException`).
        public var pass: Bool
        /// The state root computed here, 0x-hex.
        public var stateRoot: String
        /// keccak256(RLP(logs)) computed here, 0x-hex.
        public var logsHash: String
        /// Why the transaction was rejected, or what went wrong; nil otherwise.
        public var error: String?
    }

    /// Errors reading a test file.
    public enum LoadError: Error, CustomStringConvertible {
        /// The file is not a JSON object of tests.
        case notJSON(String)
        /// A required field is absent.
        case missingField(String)
        /// A field holds a value that does not parse (hex, address, range).
        case badValue(String)

        /// The message, naming the file or field.
        public var description: String {
            switch self {
            case .notJSON(let f): "not a JSON test file: \(f)"
            case .missingField(let f): "missing field \(f)"
            case .badValue(let f): "bad value in \(f)"
            }
        }
    }

    /// Runs every test in the file for `fork`.
    public static func run(file: URL, fork: String = "Cancun") throws -> [CaseResult] {
        let data = try Data(contentsOf: file)
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw LoadError.notJSON(file.path)
        }
        var results: [CaseResult] = []
        for name in root.keys.sorted() {
            guard let test = root[name] as? [String: Any] else { continue }
            results += try run(name: name, test: test, fork: fork)
        }
        return results
    }

    static func str(_ d: [String: Any], _ k: String) throws -> String {
        guard let s = d[k] as? String else { throw LoadError.missingField(k) }
        return s
    }

    static func word(_ s: String, _ field: String) throws -> UInt256 {
        guard let w = UInt256(hex: s) else { throw LoadError.badValue(field) }
        return w
    }

    static func u64(_ s: String, _ field: String) throws -> UInt64 {
        guard let w = try word(s, field).exactUInt64 else { throw LoadError.badValue(field) }
        return w
    }

    static func bytes(_ s: String) throws -> [UInt8] {
        guard let out = Hex.decode(s) else { throw LoadError.badValue("hex bytes") }
        return out
    }

    /// Parses a `pre` section.
    public static func parseAccounts(_ pre: [String: Any]) throws -> [Address: Account] {
        var accounts: [Address: Account] = [:]
        for (addrText, v) in pre {
            guard let a = Address(hex: addrText), let acct = v as? [String: Any] else { throw LoadError.badValue("pre") }
            var storage: [UInt256: UInt256] = [:]
            for (k, sv) in (acct["storage"] as? [String: String]) ?? [:] {
                let val = try word(sv, "storage")
                if !val.isZero { storage[try word(k, "storage")] = val }
            }
            accounts[a] = Account(nonce: try u64(str(acct, "nonce"), "nonce"), balance: try word(str(acct, "balance"), "balance"),
                                  code: Code(try bytes(str(acct, "code"))), storage: storage)
        }
        return accounts
    }

    /// geth's test block hashes: keccak256 of the block number's decimal string.
    public static func testBlockHash(_ n: UInt64) -> UInt256 { UInt256(bigEndianAt: Keccak256.hash(Array(String(n).utf8))) }

    static func run(name: String, test: [String: Any], fork: String) throws -> [CaseResult] {
        guard let post = (test["post"] as? [String: Any])?[fork] as? [[String: Any]] else { return [] }
        guard let env = test["env"] as? [String: Any], let pre = test["pre"] as? [String: Any],
              let tx = test["transaction"] as? [String: Any] else { throw LoadError.missingField("env/pre/transaction") }
        let accounts = try parseAccounts(pre)
        let block = BlockEnvironment(
            coinbase: Address(hex: try str(env, "currentCoinbase")) ?? .zero,
            number: try u64(str(env, "currentNumber"), "currentNumber"),
            timestamp: try u64(str(env, "currentTimestamp"), "currentTimestamp"),
            gasLimit: try u64(str(env, "currentGasLimit"), "currentGasLimit"),
            baseFee: try word((env["currentBaseFee"] as? String) ?? "0x0", "currentBaseFee"),
            prevRandao: try word((env["currentRandom"] as? String) ?? "0x0", "currentRandom"),
            chainId: 1,
            excessBlobGas: try u64((env["currentExcessBlobGas"] as? String) ?? "0x0", "currentExcessBlobGas"),
            blockHash: testBlockHash)
        let dataList = (tx["data"] as? [String]) ?? []
        let gasList = (tx["gasLimit"] as? [String]) ?? []
        let valueList = (tx["value"] as? [String]) ?? []
        let accessLists = tx["accessLists"] as? [Any]
        var results: [CaseResult] = []
        for (i, c) in post.enumerated() {
            guard let idx = c["indexes"] as? [String: Int], let di = idx["data"], let gi = idx["gas"], let vi = idx["value"],
                  di < dataList.count, gi < gasList.count, vi < valueList.count else { throw LoadError.badValue("indexes") }
            let expectedRoot = try word(str(c, "hash"), "hash")
            let expectedLogs = try word(str(c, "logs"), "logs")
            let expectException = c["expectException"] as? String
            var state = WorldState(accounts: accounts)
            let interp = Interpreter(state: state, block: block)
            var failure: String?
            var logs: [Log] = []
            do {
                let t = try makeTransaction(tx, data: dataList[di], gas: gasList[gi], value: valueList[vi],
                                            accessList: accessLists.flatMap { di < $0.count ? $0[di] as? [[String: Any]] : nil })
                let r = try interp.execute(t)
                logs = r.logs
            } catch let e as TransactionError {
                failure = e.description
            } catch {
                failure = "invalid transaction: \(error)"
            }
            interp.state.addBalance(block.coinbase, .zero)
            interp.state.finalizeTransaction()
            state = interp.state
            let root = state.stateRoot, lh = WorldState.logsHash(logs)
            var pass = root == expectedRoot && lh == expectedLogs
            if let expectException, failure == nil { pass = false; failure = "expected exception \(expectException)" }
            if expectException == nil && failure != nil { pass = false }
            results.append(CaseResult(name: name, fork: fork, index: i, pass: pass, stateRoot: hex32(root),
                                      logsHash: hex32(lh), error: failure))
        }
        return results
    }

    static func makeTransaction(_ tx: [String: Any], data: String, gas: String, value: String,
                                accessList: [[String: Any]]?) throws -> TransactionEnvironment {
        guard let sender = Address(hex: try str(tx, "sender")) else { throw LoadError.badValue("sender") }
        let toText = (tx["to"] as? String) ?? ""
        let to = toText.isEmpty ? nil : Address(hex: toText)
        if !toText.isEmpty && to == nil { throw LoadError.badValue("to") }
        var entries: [AccessListEntry] = []
        for e in accessList ?? [] {
            guard let a = Address(hex: try str(e, "address")) else { throw LoadError.badValue("accessList") }
            let keys = try ((e["storageKeys"] as? [String]) ?? []).map { try word($0, "storageKeys") }
            entries.append(.init(address: a, storageKeys: keys))
        }
        let fee: UInt256, tip: UInt256?
        if let maxFee = tx["maxFeePerGas"] as? String {
            fee = try word(maxFee, "maxFeePerGas")
            tip = try word(str(tx, "maxPriorityFeePerGas"), "maxPriorityFeePerGas")
        } else {
            fee = try word(str(tx, "gasPrice"), "gasPrice")
            tip = nil
        }
        return TransactionEnvironment(caller: sender, to: to, value: try word(value, "value"), data: try bytes(data),
                                      gasLimit: try u64(gas, "gasLimit"), nonce: try u64(str(tx, "nonce"), "nonce"),
                                      maxFeePerGas: fee, maxPriorityFeePerGas: tip, accessList: entries,
                                      blobHashes: try ((tx["blobVersionedHashes"] as? [String]) ?? []).map { try word($0, "blobVersionedHashes") },
                                      maxFeePerBlobGas: try (tx["maxFeePerBlobGas"] as? String).map { try word($0, "maxFeePerBlobGas") })
    }

    static func hex32(_ w: UInt256) -> String {
        "0x" + w.bigEndianBytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// All `.json` files under the given files/directories, sorted.
    public static func collectFiles(_ paths: [String]) -> [URL] {
        var out: [URL] = []
        for p in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else { continue }
            if isDir.boolValue {
                let e = FileManager.default.enumerator(atPath: p)
                while let f = e?.nextObject() as? String {
                    if f.hasSuffix(".json") { out.append(URL(fileURLWithPath: p).appendingPathComponent(f)) }
                }
            } else {
                out.append(URL(fileURLWithPath: p))
            }
        }
        return out.sorted { $0.path < $1.path }
    }
}
