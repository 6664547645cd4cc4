/// How a call frame ended: one byte, as revm's `InstructionResult`.
///
/// `stop`, `returned` and `selfDestructed` succeed; `reverted` fails but returns the unused gas;
/// every other case is an exceptional halt that consumes all gas given to the frame, or (for
/// the call-level checks: depth, balance, nonce) a failure before any code runs.
public enum ExecutionStatus: UInt8, Sendable, CustomStringConvertible {
    /// STOP (or running off the end of the code), RETURN, SELFDESTRUCT; REVERT.
    case stop, returned, selfDestructed, reverted
    /// Exceptional halts inside the frame (all gas consumed).
    case outOfGas, invalidOpcode, stackUnderflow, stackOverflow, invalidJump
    /// A state change under STATICCALL; RETURNDATACOPY past the data; CREATE onto a used address
    /// (EIP-684/7610); deployed code over 24576 bytes (EIP-170) or starting with 0xEF (EIP-3541).
    case staticStateChange, returnDataOutOfBounds, createCollision, codeSizeLimit, invalidCodePrefix
    /// Init code over 49152 bytes (EIP-3860); call-level failures before any code runs (gas
    /// returned): depth 1024, value above the balance, nonce at 2^64 − 1; a precompile rejecting its input.
    case initcodeSizeLimit, callDepthExceeded, insufficientBalance, nonceOverflow, precompileFailure

    /// True for STOP, RETURN and SELFDESTRUCT.
    @inlinable public var isSuccess: Bool { rawValue <= 2 }

    /// A short name, used in traces and the CLI.
    public var description: String {
        switch self {
        case .stop: "stop"
        case .returned: "return"
        case .selfDestructed: "selfdestruct"
        case .reverted: "execution reverted"
        case .outOfGas: "out of gas"
        case .invalidOpcode: "invalid opcode"
        case .stackUnderflow: "stack underflow"
        case .stackOverflow: "stack limit reached 1024"
        case .invalidJump: "invalid jump destination"
        case .staticStateChange: "write protection"
        case .returnDataOutOfBounds: "return data out of bounds"
        case .createCollision: "contract address collision"
        case .codeSizeLimit: "max code size exceeded"
        case .invalidCodePrefix: "invalid code: must not begin with 0xef"
        case .initcodeSizeLimit: "max initcode size exceeded"
        case .callDepthExceeded: "max call depth exceeded"
        case .insufficientBalance: "insufficient balance for transfer"
        case .nonceOverflow: "nonce uint64 overflow"
        case .precompileFailure: "precompile failed"
        }
    }
}

/// The end of a message call or contract creation.
public struct CallOutcome: Sendable {
    /// How it ended.
    public var status: ExecutionStatus
    /// Gas left to return to the caller (zero after an exceptional halt).
    public var gasLeft: Int
    /// RETURN or REVERT data (empty otherwise; empty for a successful creation).
    public var output: [UInt8]
    /// The new contract's address for a successful creation.
    public var createdAddress: Address?

    /// An outcome.
    public init(status: ExecutionStatus, gasLeft: Int, output: [UInt8] = [], createdAddress: Address? = nil) {
        self.status = status; self.gasLeft = gasLeft; self.output = output; self.createdAddress = createdAddress
    }
}

/// The four message-call instructions.
public enum CallKind: UInt8, Sendable {
    case call, callCode, delegateCall, staticCall
}
