import EVM
import Foundation
import Sequencer
import TestSupport
import Testing

/// Header hashes, receipt encodings, blooms and transactions/receipts roots against
/// `fixtures/sequencer-blocks-pyrlp.json` (pyrlp, eth-hash, py-trie, eth-account; see its generator).
@Suite struct BlockEncodingTests {
    let doc: JSONValue

    init() throws { doc = try JSONValue.parse(try Fixtures.data("fixtures/sequencer-blocks-pyrlp.json")) }

    func bytes(_ v: JSONValue?) -> [UInt8] { Hex.decode(v?.stringValue ?? "") ?? [] }
    func word(_ v: JSONValue?) -> UInt256 { UInt256(bigEndianBytes: bytes(v)) ?? .zero }
    func int(_ v: JSONValue?) -> UInt64 { if case .number(let d)? = v { UInt64(d) } else { 0 } }

    @Test func headerHashes() throws {
        let headers = try #require(doc["headers"]?.arrayValue)
        var passed = 0
        for h in headers {
            let header = BlockHeader(parentHash: word(h["parentHash"]), coinbase: Address(bytes: bytes(h["coinbase"]))!,
                                     stateRoot: word(h["stateRoot"]), transactionsRoot: word(h["transactionsRoot"]),
                                     receiptsRoot: word(h["receiptsRoot"]), logsBloom: Bloom(bytes: bytes(h["logsBloom"]))!,
                                     number: int(h["number"]), gasLimit: int(h["gasLimit"]), gasUsed: int(h["gasUsed"]),
                                     timestamp: int(h["timestamp"]), extraData: bytes(h["extraData"]),
                                     baseFeePerGas: UInt256(hex: h["baseFeePerGas"]?.stringValue ?? "")!)
            if header.hash == word(h["hash"]), try BlockHeader(rlp: header.rlp) == header { passed += 1 }
        }
        #expect(passed == headers.count && passed == 8, "\(passed)/\(headers.count) header hashes")
    }

    @Test func receiptEncodingsBloomsAndRoots() throws {
        let sets = try #require(doc["receiptSets"]?.arrayValue)
        var passed = 0, total = 0
        for set in sets {
            var encodings: [[UInt8]] = []
            for r in set["receipts"]?.arrayValue ?? [] {
                total += 1
                let logs = (r["logs"]?.arrayValue ?? []).map { l in
                    Log(address: Address(bytes: bytes(l["address"]))!, topics: (l["topics"]?.arrayValue ?? []).map { word($0) },
                        data: bytes(l["data"]))
                }
                let receipt = Receipt(type: TransactionType(rawValue: UInt8(int(r["type"])))!, status: int(r["status"]) == 1,
                                      cumulativeGasUsed: int(r["cumulativeGasUsed"]), gasUsed: 0, effectiveGasPrice: .zero,
                                      contractAddress: nil, logs: logs)
                if receipt.encoded == bytes(r["encoded"]) && receipt.bloom.bytes == bytes(r["bloom"]) { passed += 1 }
                encodings.append(receipt.encoded)
            }
            #expect(Receipt.indexedRoot(encodings) == word(set["root"]))
        }
        #expect(passed == total && total == 158, "\(passed)/\(total) receipts")
    }

    @Test func transactionsRoots() throws {
        let sets = try #require(doc["transactionSets"]?.arrayValue)
        #expect(sets.count == 4)
        for set in sets {
            let raws = (set["transactions"]?.arrayValue ?? []).map { bytes($0) }
            // Decoding and re-encoding must give the signed bytes back (what the block commits to).
            let reencoded = try raws.map { try Transaction(rawBytes: $0).encoded }
            #expect(reencoded == raws)
            #expect(Receipt.indexedRoot(raws) == word(set["root"]))
        }
    }
}
