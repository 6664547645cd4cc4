import Keccak

/// Runs message calls and contract creations against a `WorldState` (Cancun rules).
///
/// Frames nest through Swift recursion (one `Frame.run()` per call depth; the depth limit of
/// 1024 bounds it; run deep calls on a thread with a large stack, see `Interpreter.withLargeStack`).
/// Stacks and memories are pooled per depth so calls do not allocate once warm.
public final class Interpreter {
    /// The world state being changed. Stored out of line so the interpreter reads it in place
    /// (a class's struct property read through `get` would copy the whole state).
    @usableFromInline internal let _state: UnsafeMutablePointer<WorldState>

    /// The world state being changed.
    public var state: WorldState {
        get { _state.pointee }
        _modify { yield &_state.pointee }
        set { _state.pointee = newValue }
    }
    /// The block being built.
    public let block: BlockEnvironment
    /// ORIGIN.
    public var origin: Address = .zero
    /// GASPRICE (the effective gas price).
    public var gasPrice: UInt256 = .zero
    /// BLOBHASH's list.
    public var blobHashes: [UInt256] = []
    /// A tracer that sees every step, or nil (the untraced fast path).
    public var tracer: (any Tracer)?

    @usableFromInline internal var _stacks: [UnsafeMutablePointer<UInt256>] = []
    @usableFromInline internal var _memories: [Memory] = []

    /// Maximum call depth (Yellow Paper: frames at depth 0…1024).
    public static let maxDepth = 1024
    /// EIP-170 maximum deployed code size.
    public static let maxCodeSize = 24_576
    /// EIP-3860 maximum init code size.
    public static let maxInitcodeSize = 49_152

    /// An interpreter over `state` in `block`.
    public init(state: WorldState, block: BlockEnvironment) {
        _state = .allocate(capacity: 1)
        _state.initialize(to: state)
        self.block = block
    }

    deinit {
        for s in _stacks { s.deallocate() }
        _state.deinitialize(count: 1)
        _state.deallocate()
    }

    @inline(__always)
    func resources(depth: Int) -> (UnsafeMutablePointer<UInt256>, Memory) {
        while _stacks.count <= depth {
            _stacks.append(.allocate(capacity: 1024))
            _memories.append(Memory())
        }
        let m = _memories[depth]
        m.reset()
        return (_stacks[depth], m)
    }

    /// Runs `code` in a new frame and returns its status, gas left and output.
    func runFrame(code: Code, address: Address, caller: Address, value: UInt256, input: [UInt8],
                  gas: Int, isStatic: Bool, depth: Int) -> CallOutcome {
        if code.isEmpty { return CallOutcome(status: .stop, gasLeft: gas) }
        let (stack, memory) = resources(depth: depth)
        var frame = Frame(vm: self, code: code, address: address, caller: caller, value: value, input: input,
                          gas: gas, isStatic: isStatic, depth: depth, stack: stack, memory: memory)
        let status = frame.run()
        let gasLeft = status.isSuccess || status == .reverted ? frame.gas : 0
        let output = status == .returned || status == .reverted ? frame.output : []
        if let tracer { tracer.frameEnd(depth: depth + 1, status: status, gasLeft: gasLeft, output: output) }
        return CallOutcome(status: status, gasLeft: gasLeft, output: output)
    }

    /// A message call (CALL, CALLCODE, DELEGATECALL, STATICCALL, or a transaction's call).
    /// - Parameters:
    ///   - caller: CALLER inside the callee.
    ///   - address: the account whose storage and balance the code runs against.
    ///   - codeAddress: whose code runs (differs from `address` for CALLCODE and DELEGATECALL).
    ///   - value: CALLVALUE; moved from caller to `address` only for `.call` and `.callCode`.
    ///   - depth: the new frame's depth (0 for the transaction).
    public func call(kind: CallKind, caller: Address, address: Address, codeAddress: Address, value: UInt256,
                     input: [UInt8], gas: Int, isStatic: Bool, depth: Int) -> CallOutcome {
        if depth > Self.maxDepth { return CallOutcome(status: .callDepthExceeded, gasLeft: gas) }
        let transfers = kind == .call || kind == .callCode
        if transfers && !value.isZero && _state.pointee.balance(caller) < value {
            return CallOutcome(status: .insufficientBalance, gasLeft: gas)
        }
        let checkpoint = _state.pointee.checkpoint
        let isPrecompile = Precompiles.contains(codeAddress)
        switch kind {
        case .call:
            if value.isZero && !isPrecompile && !_state.pointee.exists(address) {
                return CallOutcome(status: .stop, gasLeft: gas)
            }
            _state.pointee.subtractBalance(caller, value)
            _state.pointee.addBalance(address, value)
        case .callCode:
            _state.pointee.subtractBalance(caller, value)
            _state.pointee.addBalance(caller, value)
        case .staticCall:
            _state.pointee.touchAccount(address) // geth touches the target with a zero transfer
        case .delegateCall:
            break
        }
        var outcome: CallOutcome
        if isPrecompile {
            switch Precompiles.run(address: codeAddress, input: input, gas: UInt64(gas)) {
            case .success(let output, let used):
                outcome = CallOutcome(status: .returned, gasLeft: gas - Int(used), output: output)
            case .failure, .unsupported:
                outcome = CallOutcome(status: .precompileFailure, gasLeft: 0)
            }
        } else {
            outcome = runFrame(code: _state.pointee.code(codeAddress), address: address, caller: caller, value: value,
                               input: input, gas: gas, isStatic: isStatic, depth: depth)
        }
        if !outcome.status.isSuccess {
            _state.pointee.revert(to: checkpoint)
        }
        return outcome
    }

    /// CREATE (salt nil) or CREATE2: derives the address, runs the init code and deploys its output.
    /// - Parameter depth: the new frame's depth.
    public func create(caller: Address, value: UInt256, initcode: [UInt8], salt: UInt256?, gas: Int, depth: Int) -> CallOutcome {
        if depth > Self.maxDepth { return CallOutcome(status: .callDepthExceeded, gasLeft: gas) }
        if _state.pointee.balance(caller) < value { return CallOutcome(status: .insufficientBalance, gasLeft: gas) }
        let nonce = _state.pointee.nonce(caller)
        if nonce == UInt64.max { return CallOutcome(status: .nonceOverflow, gasLeft: gas) }
        _state.pointee.setNonce(caller, nonce + 1)
        let address: Address
        if let salt {
            address = Self.create2Address(caller: caller, salt: salt, initcodeHash: Keccak256.hash(initcode))
        } else {
            address = Self.createAddress(caller: caller, nonce: nonce)
        }
        _state.pointee.warmAddress(address)
        if let existing = _state.pointee.accounts[address],
           existing.nonce != 0 || !existing.code.isEmpty || !existing.storage.isEmpty {
            return CallOutcome(status: .createCollision, gasLeft: 0) // EIP-684, EIP-7610
        }
        let checkpoint = _state.pointee.checkpoint
        _state.pointee.createContractAccount(address)
        _state.pointee.subtractBalance(caller, value)
        _state.pointee.addBalance(address, value)
        var outcome = runFrame(code: Code(initcode), address: address, caller: caller, value: value, input: [],
                               gas: gas, isStatic: false, depth: depth)
        if outcome.status.isSuccess {
            let deployed = outcome.output
            let depositCost = 200 * deployed.count
            if deployed.count > Self.maxCodeSize {
                outcome = CallOutcome(status: .codeSizeLimit, gasLeft: 0)
            } else if deployed.first == 0xef {
                outcome = CallOutcome(status: .invalidCodePrefix, gasLeft: 0) // EIP-3541
            } else if outcome.gasLeft < depositCost {
                outcome = CallOutcome(status: .outOfGas, gasLeft: 0)
            } else {
                _state.pointee.setCode(address, Code(deployed))
                return CallOutcome(status: .returned, gasLeft: outcome.gasLeft - depositCost, output: [],
                                   createdAddress: address)
            }
        }
        _state.pointee.revert(to: checkpoint)
        return outcome
    }

    /// keccak256(rlp([sender, nonce]))[12:] (Yellow Paper eq. 86).
    public static func createAddress(caller: Address, nonce: UInt64) -> Address {
        let rlp = RLPEncoding.list([RLPEncoding.bytes(caller.bytes), RLPEncoding.uint(UInt256(nonce))])
        return Address(bytes: Keccak256.hash(rlp)[12...])!
    }

    /// keccak256(0xff ‖ sender ‖ salt ‖ keccak256(initcode))[12:] (EIP-1014).
    public static func create2Address(caller: Address, salt: UInt256, initcodeHash: [UInt8]) -> Address {
        let preimage: [UInt8] = [0xff] + caller.bytes + salt.bigEndianBytes + initcodeHash
        return Address(bytes: Keccak256.hash(preimage)[12...])!
    }
}
