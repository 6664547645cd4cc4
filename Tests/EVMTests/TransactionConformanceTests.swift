import EVM
import Foundation
import Keccak
import Testing
import TestSupport

/// ethereum/tests `TransactionTests` (../shared/conformance/transactions): decode `txbytes`, validate
/// for chain id 1 under the latest fork listed (Cancun, else Shanghai/London for the older files),
/// and compare hash, sender and intrinsic gas, or require rejection when an `exception` is given.
@Suite struct TransactionConformanceTests {
    static let forkOrder = ["Frontier", "Homestead", "EIP150", "EIP158", "Byzantium", "Constantinople",
                            "ConstantinopleFix", "Istanbul", "Berlin", "London", "Paris", "Shanghai", "Cancun", "Prague"]

    struct Case {
        let name: String
        let txbytes: [UInt8]
        let result: [String: String]
    }

    static func loadAll() throws -> [Case] {
        let root = Fixtures.url("../shared/conformance/transactions")
        let files = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
        var cases: [Case] = []
        for file in files {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
            for (name, body) in json {
                let t = try #require(body as? [String: Any])
                let results = try #require(t["result"] as? [String: [String: String]])
                let fork = try #require(results.keys.max { forkOrder.firstIndex(of: $0)! < forkOrder.firstIndex(of: $1)! })
                let bytes = try #require(Fixtures.hexBytes(t["txbytes"] as! String))
                cases.append(Case(name: "\(file.deletingLastPathComponent().lastPathComponent)/\(name)", txbytes: bytes,
                                  result: results[fork]!))
            }
        }
        return cases
    }

    /// Whether our error is the kind the test's exception names (decoding errors cover every
    /// RLP/size/overflow exception: go-ethereum rejects those while decoding too).
    static func reasonMatches(exception: String, error: any Error) -> Bool {
        let e = exception.replacingOccurrences(of: "TransactionException.", with: "")
        let decoding = error as? TransactionDecodingError
        let validation = error as? TransactionValidationError
        switch e {
        case "INVALID_CHAINID":
            if case .wrongChainId = validation { return true }
            return decoding == .invalidV
        case "INVALID_SIGNATURE_VRS", "EC_RECOVERY_FAIL":
            if case .invalidSignature = validation { return true }
            if case let .invalidField(name, _) = decoding { return name == "r" || name == "s" }
            return decoding == .invalidV
        case "INTRINSIC_GAS_TOO_LOW":
            if case .intrinsicGasTooLow = validation { return true }
        case "NONCE_TOO_BIG": return validation == .nonceMax
        case "GASLIMIT_PRICE_PRODUCT_OVERFLOW": return validation == .costOverflow
        case "INITCODE_SIZE_EXCEEDED":
            if case .initCodeTooLarge = validation { return true }
        case _ where e.hasPrefix("PRIORITY_GREATER_THAN_MAX_FEE"):
            if case .priorityFeeAboveFeeCap = validation { return true }
        default:
            return decoding != nil
        }
        return false
    }

    @Test func transactionTests() throws {
        let cases = try Self.loadAll()
        var passed = 0, validCount = 0
        for c in cases {
            var outcome: Result<(Transaction, Address), any Error>
            do {
                let tx = try Transaction(rawBytes: c.txbytes)
                outcome = .success((tx, try tx.validate(chainId: 1)))
            } catch {
                outcome = .failure(error)
            }
            if let exception = c.result["exception"] {
                if case let .success((tx, sender)) = outcome {
                    Issue.record("\(c.name): accepted (sender \(sender), type \(tx.type)) but expected \(exception)")
                } else if case let .failure(error) = outcome {
                    let ok = Self.reasonMatches(exception: exception, error: error)
                    #expect(ok, "\(c.name): rejected with \(error), expected \(exception)")
                    if ok { passed += 1 }
                }
                continue
            }
            validCount += 1
            switch outcome {
            case let .failure(error):
                Issue.record("\(c.name): rejected with \(error)")
            case let .success((tx, sender)):
                let hash = "0x" + Fixtures.hex(tx.hash)
                let intrinsic = "0x" + String(tx.intrinsicGas, radix: 16)
                let expectedGas = c.result["intrinsicGas"].flatMap { UInt64($0.dropFirst(2), radix: 16) }
                let ok = hash == c.result["hash"] && sender.description == c.result["sender"]
                    && tx.intrinsicGas == expectedGas && tx.encoded == c.txbytes
                    && Keccak256.hash(c.txbytes) == tx.hash
                #expect(ok, "\(c.name): hash \(hash) sender \(sender) intrinsic \(intrinsic) vs \(c.result)")
                if ok { passed += 1 }
            }
        }
        print("conformance TransactionTests: \(passed)/\(cases.count) passed (\(validCount) valid, \(cases.count - validCount) invalid)")
        #expect(passed == cases.count && cases.count == 210)
    }
}
