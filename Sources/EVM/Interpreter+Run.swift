extension Interpreter {
    /// The account `zkrollup evm run` deploys the code at: 0x…c0de.
    public static let runContractAddress = Address(0xc0de)
    /// The caller `zkrollup evm run` and `evm call` use: 0x…ca11 (funded with the call value).
    public static let runCallerAddress = Address(0xca11)

    /// Runs `code` as the contract at `runContractAddress`, called by `runCallerAddress` with
    /// `value` and `input`, in an otherwise empty state and default block. No intrinsic gas is
    /// charged: `gas` is what the frame gets.
    public static func runCode(_ code: [UInt8], input: [UInt8] = [], gas: UInt64, value: UInt256 = .zero,
                               tracer: (any Tracer)? = nil) -> CallOutcome {
        let state = WorldState(accounts: [runContractAddress: Account(code: Code(code)),
                                          runCallerAddress: Account(balance: value)])
        return runMessage(state: state, to: runContractAddress, input: input, gas: gas, value: value, tracer: tracer)
    }

    /// Calls `to` (a precompile or an account of `state`) from `runCallerAddress`.
    public static func runMessage(state: WorldState, to: Address, input: [UInt8], gas: UInt64, value: UInt256,
                                  tracer: (any Tracer)? = nil) -> CallOutcome {
        let vm = Interpreter(state: state, block: BlockEnvironment())
        vm.tracer = tracer
        vm.origin = runCallerAddress
        vm.state.warmAddress(runCallerAddress)
        vm.state.warmAddress(to)
        let g = Int(min(gas, UInt64(Int.max)))
        return vm.call(kind: .call, caller: runCallerAddress, address: to, codeAddress: to, value: value,
                       input: input, gas: g, isStatic: false, depth: 0)
    }
}
