/// One interpreter step as a tracer sees it, before the instruction runs.
public struct TraceStep {
    /// Program counter.
    public var pc: Int
    /// The opcode byte.
    public var opcode: UInt8
    /// Gas left before the instruction.
    public var gas: Int
    /// Call depth, 1 for the transaction's frame (EIP-3155).
    public var depth: Int
    /// The stack, bottom first.
    public var stack: UnsafeBufferPointer<UInt256>
    /// Memory size in bytes.
    public var memorySize: Int
    /// The transaction's refund counter.
    public var refund: Int
    /// The executing account.
    public var address: Address
}

/// Receives every step of execution; set `Interpreter.tracer` to use one.
///
/// The interpreter checks `tracer` once per step and does nothing more when it is nil, so
/// untraced execution pays one predictable branch per instruction.
public protocol Tracer: AnyObject {
    /// Called before each instruction.
    func step(_ step: TraceStep)
    /// Called on SLOAD (isWrite false, the value read) and SSTORE (isWrite true, the value written).
    func storage(address: Address, slot: UInt256, value: UInt256, isWrite: Bool)
    /// Called when a frame ends, with the gas it returns.
    func frameEnd(depth: Int, status: ExecutionStatus, gasLeft: Int, output: [UInt8])
}

extension Tracer {
    /// Default: ignore storage accesses.
    public func storage(address: Address, slot: UInt256, value: UInt256, isWrite: Bool) {}
    /// Default: ignore frame ends.
    public func frameEnd(depth: Int, status: ExecutionStatus, gasLeft: Int, output: [UInt8]) {}
}
