/// The state of one executing call frame: program counter, gas, stack, memory.
///
/// A struct run in place (`run()` is `mutating`) so pc, gas and the stack height stay in
/// registers; the stack is a 1024-item buffer from the interpreter's per-depth pool.
struct Frame {
    unowned(unsafe) let vm: Interpreter
    let code: Code
    let address: Address
    let caller: Address
    let value: UInt256
    let input: [UInt8]
    var gas: Int
    let isStatic: Bool
    /// 0 for the transaction's frame.
    let depth: Int
    let stack: UnsafeMutablePointer<UInt256>
    var sp: Int = 0
    var pc: Int = 0
    let memory: Memory
    /// RETURNDATA of the last call this frame made.
    var returnData: [UInt8] = []
    /// RETURN/REVERT data of this frame.
    var output: [UInt8] = []

    init(vm: Interpreter, code: Code, address: Address, caller: Address, value: UInt256, input: [UInt8],
         gas: Int, isStatic: Bool, depth: Int, stack: UnsafeMutablePointer<UInt256>, memory: Memory) {
        self.vm = vm; self.code = code; self.address = address; self.caller = caller; self.value = value
        self.input = input; self.gas = gas; self.isStatic = isStatic; self.depth = depth
        self.stack = stack; self.memory = memory
    }

    // MARK: Gas helpers

    /// Memory cost of `words` words: 3·w + w²/512 (Yellow Paper eq. 326).
    @inline(__always)
    static func memoryCost(_ words: Int) -> Int { 3 * words + words * words / 512 }

    /// Charges for and performs the expansion needed to touch `[offset, offset+size)`.
    /// - Returns: false when out of gas (offsets past 2^32 always are).
    @inline(__always)
    mutating func expand(_ offset: UInt256, _ size: UInt256) -> Bool {
        if size.isZero { return true }
        guard offset._l1 | offset._l2 | offset._l3 | size._l1 | size._l2 | size._l3 == 0,
              offset._l0 <= 0xffff_ffff, size._l0 <= 0xffff_ffff else { return false }
        let end = Int(offset._l0 + size._l0)
        if end <= memory._size { return true }
        return grow(end)
    }

    /// Expansion to cover `end` bytes (`end` ≤ 2^33).
    @inline(__always)
    mutating func expand(to end: Int) -> Bool {
        if end <= memory._size { return true }
        return grow(end)
    }

    @inline(never)
    mutating func grow(_ end: Int) -> Bool {
        let newWords = (end + 31) / 32
        let cost = Frame.memoryCost(newWords) - Frame.memoryCost(memory._size / 32)
        if gas < cost { return false }
        gas -= cost
        memory._grow(to: newWords * 32)
        return true
    }

    /// The memory offset of a region: 0 for an empty region (whose offset may be any word),
    /// otherwise the offset `expand` has already checked to be below 2^32.
    @inline(__always)
    static func offset(_ off: UInt256, _ size: UInt256) -> Int { size.isZero ? 0 : Int(truncatingIfNeeded: off._l0) }

    /// Words of `size` bytes, for copy and hashing costs (size < 2^32 after `expand`).
    @inline(__always)
    static func words(_ size: UInt256) -> Int { Int((size._l0 + 31) / 32) }

    /// Charges `cost` from the loop's local gas. - Returns: false when out of gas.
    @inline(__always)
    static func charge(_ gas: inout Int, _ cost: Int) -> Bool {
        if gas < cost { return false }
        gas -= cost
        return true
    }

    /// `expand(_:_:)` for the loop's local gas: the common no-growth case inline, growth out of line.
    @inline(__always)
    func expandMemory(_ offset: UInt256, _ size: UInt256, _ gas: inout Int) -> Bool {
        if size.isZero { return true }
        guard offset._l1 | offset._l2 | offset._l3 | size._l1 | size._l2 | size._l3 == 0,
              offset._l0 <= 0xffff_ffff, size._l0 <= 0xffff_ffff else { return false }
        let end = Int(offset._l0 + size._l0)
        if end <= memory._size { return true }
        let left = Frame.growMemory(memory, end: end, gas: gas)
        if left < 0 { return false }
        gas = left
        return true
    }

    /// Grows `memory` to cover `end` bytes. - Returns: the gas left, or −1 when out of gas.
    @inline(never)
    static func growMemory(_ memory: Memory, end: Int, gas: Int) -> Int {
        let newWords = (end + 31) / 32
        let cost = memoryCost(newWords) - memoryCost(memory._size / 32)
        if gas < cost { return -1 }
        memory._grow(to: newWords * 32)
        return gas - cost
    }

    /// EIP-2929 account access for the loop's local gas.
    @inline(__always)
    func accountAccess(_ gas: inout Int, _ a: Address) -> Bool {
        if vm._state.pointee.warmAddress(a) { return Frame.charge(&gas, 2500) }
        return true
    }

    /// Charges `cost`. - Returns: false when out of gas.
    @inline(__always)
    mutating func charge(_ cost: Int) -> Bool {
        if gas < cost { return false }
        gas -= cost
        return true
    }

    /// EIP-2929 account access: 2500 more when cold (the warm 100 is the constant gas).
    @inline(__always)
    mutating func chargeAccountAccess(_ a: Address) -> Bool {
        if vm._state.pointee.warmAddress(a) { return charge(2500) }
        return true
    }

    @inline(__always)
    mutating func push(_ v: UInt256) {
        stack[sp] = v
        sp += 1
    }

    @inline(__always)
    mutating func pop() -> UInt256 {
        sp -= 1
        return stack[sp]
    }

    /// Calls the tracer before an instruction.
    @inline(never)
    func traceStep(_ tracer: any Tracer, opcode: UInt8) {
        tracer.step(TraceStep(pc: pc, opcode: opcode, gas: gas, depth: depth + 1,
                              stack: UnsafeBufferPointer(start: stack, count: sp), memorySize: memory._size,
                              refund: vm._state.pointee.refund, address: address))
    }
}
