extension Frame {
    /// SSTORE with EIP-2200 net metering, EIP-2929 cold-slot surcharge and EIP-3529 refunds.
    /// - Returns: false when out of gas (including the 2300 sentry of EIP-2200).
    mutating func sstore(_ key: UInt256, _ newValue: UInt256) -> Bool {
        if gas <= 2300 { return false }
        let current = vm._state.pointee.storage(address, key)
        let (cold, original) = vm._state.pointee._prepareStore(SlotKey(address, key), current: current)
        var cost = cold ? 2100 : 0
        if let tracer = vm.tracer { tracer.storage(address: address, slot: key, value: newValue, isWrite: true) }
        if current == newValue { return charge(cost + 100) }
        var refund = 0
        if original == current {
            if original.isZero {
                cost += 20000
            } else {
                cost += 2900
                if newValue.isZero { refund += 4800 }
            }
        } else {
            cost += 100
            if !original.isZero {
                if current.isZero { refund -= 4800 }
                if newValue.isZero { refund += 4800 }
            }
            if original == newValue { refund += original.isZero ? 19900 : 2800 }
        }
        if !charge(cost) { return false }
        if refund != 0 { vm._state.pointee.addRefund(refund) }
        vm._state.pointee._writeStorage(address, key, newValue, current: current)
        return true
    }

    /// CREATE / CREATE2: charges init-code and hashing costs, applies the 63/64 rule and runs
    /// the creation. Pushes the new address or zero.
    /// - Returns: `.stop` to continue, or the halting status.
    mutating func createOp(_ isCreate2: Bool) -> ExecutionStatus {
        if isStatic { return .staticStateChange }
        let value = stack[sp - 1], off = stack[sp - 2], size = stack[sp - 3]
        let salt = isCreate2 ? stack[sp - 4] : UInt256.zero
        sp -= isCreate2 ? 4 : 3
        if !expand(off, size) { return .outOfGas }
        if !size.isZero && size._l0 > UInt64(Interpreter.maxInitcodeSize) { return .outOfGas } // EIP-3860
        let words = Frame.words(size)
        if !charge(2 * words + (isCreate2 ? 6 * words : 0)) { return .outOfGas }
        let initcode = memory.bytes(Frame.offset(off, size), Int(size._l0))
        let callGas = gas - gas / 64
        gas -= callGas
        returnData = []
        let outcome = vm.create(caller: address, value: value, initcode: initcode,
                                salt: isCreate2 ? salt : nil, gas: callGas, depth: depth + 1)
        gas += outcome.gasLeft
        if outcome.status == .reverted { returnData = outcome.output }
        push(outcome.createdAddress?.word ?? .zero)
        return .stop
    }

    /// CALL, CALLCODE, DELEGATECALL, STATICCALL: EIP-2929 access cost, value and new-account
    /// costs, memory expansion, the EIP-150 63/64 rule and the 2300 stipend.
    /// - Returns: `.stop` to continue, or the halting status.
    mutating func callOp(_ op: UInt8) -> ExecutionStatus {
        let hasValue = op == 0xf1 || op == 0xf2
        let gasRequest = stack[sp - 1]
        let target = Address(truncating: stack[sp - 2])
        let value = hasValue ? stack[sp - 3] : .zero
        let base = hasValue ? sp - 4 : sp - 3
        let inOff = stack[base], inSize = stack[base - 1], outOff = stack[base - 2], outSize = stack[base - 3]
        sp = base - 3
        if op == 0xf1 && isStatic && !value.isZero { return .staticStateChange }
        if !expand(inOff, inSize) || !expand(outOff, outSize) { return .outOfGas }
        if !chargeAccountAccess(target) { return .outOfGas }
        var extra = 0
        if !value.isZero {
            extra += 9000
            if op == 0xf1 && vm._state.pointee.isDead(target) { extra += 25000 }
        }
        if !charge(extra) { return .outOfGas }
        let available = gas - gas / 64
        var callGas = available
        if let r = gasRequest.exactUInt64, r < UInt64(available) { callGas = Int(r) }
        gas -= callGas
        if !value.isZero { callGas += 2300 }
        let input = memory.bytes(inSize.isZero ? 0 : Int(inOff._l0), inSize.isZero ? 0 : Int(inSize._l0))
        let outcome: CallOutcome
        switch op {
        case 0xf1:
            outcome = vm.call(kind: .call, caller: address, address: target, codeAddress: target, value: value,
                              input: input, gas: callGas, isStatic: isStatic, depth: depth + 1)
        case 0xf2:
            outcome = vm.call(kind: .callCode, caller: address, address: address, codeAddress: target, value: value,
                              input: input, gas: callGas, isStatic: isStatic, depth: depth + 1)
        case 0xf4:
            outcome = vm.call(kind: .delegateCall, caller: caller, address: address, codeAddress: target,
                              value: self.value, input: input, gas: callGas, isStatic: isStatic, depth: depth + 1)
        default:
            outcome = vm.call(kind: .staticCall, caller: address, address: target, codeAddress: target, value: .zero,
                              input: input, gas: callGas, isStatic: true, depth: depth + 1)
        }
        gas += outcome.gasLeft
        returnData = outcome.output
        if !outSize.isZero {
            let n = min(Int(outSize._l0), outcome.output.count)
            if n > 0 {
                outcome.output.withUnsafeBytes { (memory._base + Int(outOff._l0)).copyMemory(from: $0.baseAddress!, byteCount: n) }
            }
        }
        push(outcome.status.isSuccess ? .one : .zero)
        return .stop
    }

    /// SELFDESTRUCT under EIP-6780: moves the balance to the beneficiary; deletes the account only
    /// when it was created in this transaction. Gas: cold access 2600, 25000 for a new beneficiary.
    mutating func selfDestruct() -> ExecutionStatus {
        let beneficiary = Address(truncating: stack[sp - 1]); sp -= 1
        var cost = 0
        if vm._state.pointee.warmAddress(beneficiary) { cost += 2600 }
        let balance = vm._state.pointee.balance(address)
        if !balance.isZero && vm._state.pointee.isDead(beneficiary) { cost += 25000 }
        if !charge(cost) { return .outOfGas }
        vm._state.pointee.subtractBalance(address, balance)
        vm._state.pointee.addBalance(beneficiary, balance)
        if vm._state.pointee.isCreatedInTransaction(address) { vm._state.pointee.markSelfDestructed(address) }
        return .selfDestructed
    }
}
