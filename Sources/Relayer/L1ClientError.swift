import Sequencer

/// Why a chain v1 request failed.
public enum L1ClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The contract refuses the call, with its revert string (SPEC.md), found by `eth_call` before
    /// anything was sent or read from a mined transaction that failed.
    case reverted(call: String, reason: String)
    /// The v1 node answered with an error or not at all.
    case rpc(String)
    /// The v1 node's answer does not have the expected shape.
    case malformed(String)
    /// A sent transaction was not mined in time (it may still be).
    case timeout(String)
    /// The v1 chain is not the one configured (chain id, contract).
    case wrongChain(String)

    /// A readable account.
    public var description: String {
        switch self {
        case let .reverted(call, reason): "\(call) reverted: \(reason.isEmpty ? "<no reason>" : reason)"
        case .rpc(let s): "v1 node: \(s)"
        case .malformed(let s): "v1 node sent a malformed answer: \(s)"
        case .timeout(let s): "timed out: \(s)"
        case .wrongChain(let s): "wrong v1 chain: \(s)"
        }
    }

    init(_ e: RPCClientError) {
        switch e {
        case let .rpc(code, message): self = .rpc("error \(code): \(message)")
        case .transport(let s): self = .rpc(s)
        }
    }
}
