import EVM
import Foundation
import Plonk

/// A scripted run of the settlement contract (the file `scripts/settlement_test.py`
/// writes): a deployment and a list of calls, each with the outcome it expects.
/// `replay` runs it on the mirror and on the contract on the project's EVM side
/// by side, so one file drives all three executions the tests compare.
///
/// Format: `{"deploy":{"owner","sequencer","l2ChainId","genesisStateRoot","vk"},
/// "steps":[{"name","from","value","function", arguments…, "expect": null | reason}]}`;
/// numbers are JSON integers or 0x-hex strings, `vk` a VK JSON path relative to the file;
/// `verifyProof` takes `"proof"` and `"publicInputs"`, a list of three words.
public struct SettlementScenario: Sendable {
    /// One call of the script.
    public struct Step: Sendable {
        /// A label for reports.
        public var name: String
        /// The sender.
        public var from: Address
        /// Wei sent with the call.
        public var value: UInt256
        /// The call.
        public var call: RollupCall
        /// The revert reason expected, nil for success.
        public var expect: String?
    }

    /// The outcome of a step on both executions.
    public struct StepResult: Sendable {
        /// The step's position.
        public var step: Int
        /// Its name.
        public var name: String
        /// What the mirror did: nil on success, else the reason.
        public var mirror: String?
        /// What the contract on the project's EVM did.
        public var evm: RollupEVMChain.Outcome
        /// Whether the mirror's events equal the contract's logs (always true for failures).
        public var eventsAgree: Bool

        /// The step as one JSON line: `{"step","name","mirror":{"ok","reason"},"evm":{"ok","reason","gasUsed"},"eventsAgree"}`.
        public var jsonLine: String {
            let obj: [String: Any] = [
                "step": step, "name": name, "eventsAgree": eventsAgree,
                "mirror": ["ok": mirror == nil, "reason": mirror as Any? ?? NSNull()],
                "evm": ["ok": evm.ok, "reason": evm.reason as Any? ?? NSNull(), "gasUsed": evm.gasUsed],
            ]
            let data = try! JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// The deployment.
    public var deployment: RollupDeployment
    /// The calls in order.
    public var steps: [Step]
    /// Wei each sender starts with.
    public static let funding = UInt256(decimal: "1000000000000000000000000")!

    /// Parses a scenario; `loadVK` reads the key named by `deploy.vk` (a path relative to the file).
    /// - Throws: `SettlementScenarioError` naming the step and field that is malformed.
    public init(json: [UInt8], loadVK: (String) throws -> VerificationKey) throws {
        guard let root = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any] else {
            throw SettlementScenarioError("not a JSON object")
        }
        let d = try ScenarioFields(root["deploy"], "deploy")
        let vkPath = try d.string("vk")
        let vk: VerificationKey
        do { vk = try loadVK(vkPath) } catch { throw SettlementScenarioError("deploy.vk \(vkPath): \(error)") }
        do {
            deployment = try RollupDeployment(owner: try d.address("owner"), sequencer: try d.address("sequencer"),
                                              l2ChainId: try d.word("l2ChainId"), genesisStateRoot: try d.word("genesisStateRoot"), vk: vk)
        } catch let e as RollupDeploymentError { throw SettlementScenarioError("deploy: \(e)") }
        guard let list = root["steps"] as? [Any] else { throw SettlementScenarioError("steps: not a list") }
        steps = try list.enumerated().map { i, item in try Self.step(item, "steps[\(i)]") }
    }

    private static func step(_ item: Any, _ at: String) throws -> Step {
        let f = try ScenarioFields(item, at)
        let call: RollupCall
        switch try f.string("function") {
        case "commitBatch":
            let h = try ScenarioFields(f.object["header"], "\(at).header")
            call = .commitBatch(header: BatchHeader(index: try h.word("index"), parentBatchHash: try h.word("parentBatchHash"),
                                                    prevStateRoot: try h.word("prevStateRoot"), postStateRoot: try h.word("postStateRoot"),
                                                    withdrawRoot: try h.word("withdrawRoot"), messageQueueHash: try h.word("messageQueueHash")),
                                batchData: try f.bytes("batchData"))
        case "finalizeBatch": call = .finalizeBatch(index: try f.word("index"), proof: try f.bytes("proof"))
        case "verifyProof": call = .verifyProof(proof: try f.bytes("proof"), publicInputs: try f.words("publicInputs", count: 3))
        case "revertBatch": call = .revertBatch(index: try f.word("index"))
        case "depositETH": call = .depositETH(to: try f.address("to"))
        case "claimWithdrawal":
            call = .claimWithdrawal(batchIndex: try f.word("batchIndex"), leafIndex: try f.word("leafIndex"),
                                    to: try f.address("to"), amount: try f.word("amount"), proof: try f.words("proof"))
        case let other: throw SettlementScenarioError("\(at).function: unknown function \"\(other)\"")
        }
        let expect = f.object["expect"]
        guard expect == nil || expect is NSNull || expect is String else { throw SettlementScenarioError("\(at).expect: not null or a string") }
        return Step(name: try f.string("name"), from: try f.address("from"),
                    value: f.object["value"] == nil ? .zero : try f.word("value"), call: call, expect: expect as? String)
    }

    /// Runs every step on a fresh mirror and a fresh EVM deployment, calling `report` after each.
    public func replay(report: (StepResult) -> Void) throws(RollupEVMError) {
        var mirror = RollupMirror(deployment)
        var chain = try RollupEVMChain(deployment, funded: steps.map(\.from), balance: Self.funding)
        for (i, s) in steps.enumerated() {
            let predicted: Result<[RollupEvent], RollupRevert>
            do { predicted = .success(try s.call.apply(to: &mirror, from: s.from, value: s.value)) } catch { predicted = .failure(error) }
            let outcome = try chain.send(s.call, from: s.from, value: s.value)
            var agree = true
            var reason: String?
            switch predicted {
            case .success(let events): agree = !outcome.ok || events == outcome.events
            case .failure(let e): reason = e.description
            }
            report(StepResult(step: i, name: s.name, mirror: reason, evm: outcome, eventsAgree: agree))
        }
    }
}

/// A malformed scenario file.
public struct SettlementScenarioError: Error, CustomStringConvertible {
    /// What is wrong, with the JSON path.
    public let description: String
    init(_ s: String) { description = s }
}

/// Typed reads of one JSON object of a scenario, errors naming the path.
struct ScenarioFields {
    let object: [String: Any]
    let at: String

    init(_ value: Any?, _ at: String) throws {
        guard let o = value as? [String: Any] else { throw SettlementScenarioError("\(at): not an object") }
        object = o; self.at = at
    }

    func string(_ k: String) throws -> String {
        guard let s = object[k] as? String else { throw SettlementScenarioError("\(at).\(k): missing or not a string") }
        return s
    }

    func bytes(_ k: String) throws -> [UInt8] {
        guard let b = Hex.decode(try string(k)) else { throw SettlementScenarioError("\(at).\(k): not 0x-hex") }
        return b
    }

    func address(_ k: String) throws -> Address {
        guard let a = Address(hex: try string(k)) else { throw SettlementScenarioError("\(at).\(k): not an address") }
        return a
    }

    func word(_ k: String) throws -> UInt256 { try Self.word(object[k], "\(at).\(k)") }

    /// A list of words (of exactly `count` when given).
    func words(_ k: String, count: Int? = nil) throws -> [UInt256] {
        guard let list = object[k] as? [Any] else { throw SettlementScenarioError("\(at).\(k): not a list") }
        if let count, list.count != count { throw SettlementScenarioError("\(at).\(k): expected \(count) words, got \(list.count)") }
        return try list.enumerated().map { j, x in try Self.word(x, "\(at).\(k)[\(j)]") }
    }

    /// A JSON integer or a 0x-hex string of at most 32 bytes.
    static func word(_ v: Any?, _ at: String) throws -> UInt256 {
        if let s = v as? String, s.hasPrefix("0x"), s.count > 2, let w = UInt256(hex: s) { return w }
        if let n = v as? NSNumber, n.int64Value >= 0, n.doubleValue == Double(n.int64Value) {
            return UInt256(UInt64(n.int64Value))
        }
        throw SettlementScenarioError("\(at): not a non-negative integer or 0x-hex word")
    }
}
