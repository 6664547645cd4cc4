import Keccak

extension Frame {
    /// The interpreter loop: one `switch` over the opcode byte of padded code, with stack bounds
    /// and constant gas from `Opcode._packed` checked before each instruction (evmone baseline).
    mutating func run() -> ExecutionStatus {
        vm.tracer == nil ? loop(Untraced.self) : loop(Traced.self)
    }

    /// The loop, specialised per trace mode so untraced execution has no per-step tracer check.
    mutating func loop<Mode: TraceMode>(_: Mode.Type) -> ExecutionStatus {
        let codePtr = code._bytes
        let table = Opcode._packed
        let tracer = vm.tracer
        let s = stack
        // pc, sp and gas live in locals (registers); `self` is synced around slow paths only.
        // The stack is addressed through `top`, one past the top item (revm's stack pointer).
        var pc = self.pc, top = s + self.sp, gas = self.gas
        defer { self.pc = pc; self.sp = top - s; self.gas = gas }
        while true {
            let op = codePtr[pc]
            if Mode.isOn, let tracer { self.pc = pc; self.sp = top - s; self.gas = gas; traceStep(tracer, opcode: op) }
            let info = table[Int(op)]
            // One unsigned compare covers both bounds: sp − min must lie in 0...(max − min).
            let sp = top - s
            if UInt(bitPattern: sp &- Int((info >> 32) & 0xffff)) > UInt(info >> 48) {
                return sp < Int((info >> 32) & 0xffff) ? .stackUnderflow : .stackOverflow
            }
            gas -= Int(info & 0xffff_ffff)
            if gas < 0 { gas = 0; return .outOfGas }
            switch op {
            case 0x00: return .stop
            case 0x01: top[-2] = top[-1] &+ top[-2]; top -= 1
            case 0x02: top[-2] = top[-1] &* top[-2]; top -= 1
            case 0x03: top[-2] = top[-1] &- top[-2]; top -= 1
            case 0x04: top[-2] = top[-1] / top[-2]; top -= 1
            case 0x05: top[-2] = top[-1].signedDivided(by: top[-2]); top -= 1
            case 0x06: top[-2] = top[-1] % top[-2]; top -= 1
            case 0x07: top[-2] = top[-1].signedRemainder(dividingBy: top[-2]); top -= 1
            case 0x08: top[-3] = top[-1].addMod(top[-2], top[-3]); top -= 2
            case 0x09: top[-3] = top[-1].mulMod(top[-2], top[-3]); top -= 2
            case 0x0a:
                let e = top[-2]
                if !Frame.charge(&gas, 50 * e.byteWidth) { return .outOfGas }
                top[-2] = top[-1].power(e); top -= 1
            case 0x0b: top[-2] = top[-2].signExtended(fromByte: top[-1]); top -= 1
            case 0x10: top[-2] = top[-1] < top[-2] ? .one : .zero; top -= 1
            case 0x11: top[-2] = top[-2] < top[-1] ? .one : .zero; top -= 1
            case 0x12: top[-2] = UInt256.signedLess(top[-1], top[-2]) ? .one : .zero; top -= 1
            case 0x13: top[-2] = UInt256.signedLess(top[-2], top[-1]) ? .one : .zero; top -= 1
            case 0x14: top[-2] = top[-1] == top[-2] ? .one : .zero; top -= 1
            case 0x15: top[-1] = top[-1].isZero ? .one : .zero
            case 0x16: top[-2] = top[-1] & top[-2]; top -= 1
            case 0x17: top[-2] = top[-1] | top[-2]; top -= 1
            case 0x18: top[-2] = top[-1] ^ top[-2]; top -= 1
            case 0x19: top[-1] = ~top[-1]
            case 0x1a: top[-2] = top[-2].byte(at: top[-1]); top -= 1
            case 0x1b: top[-2] = top[-2].shiftedLeft(by: top[-1]); top -= 1
            case 0x1c: top[-2] = top[-2].shiftedRight(by: top[-1]); top -= 1
            case 0x1d: top[-2] = top[-2].arithmeticShiftedRight(by: top[-1]); top -= 1
            case 0x20:
                let off = top[-1], size = top[-2]
                if !expandMemory(off, size, &gas) || !Frame.charge(&gas, 6 * Frame.words(size)) { return .outOfGas }
                let region = UnsafeRawBufferPointer(start: memory._base + Frame.offset(off, size), count: Int(size._l0))
                top[-2] = withUnsafeTemporaryAllocation(byteCount: 32, alignment: 8) { d in
                    Keccak256.hash(region, into: d.baseAddress!)
                    return UInt256(bigEndianAt: UnsafeRawPointer(d.baseAddress!))
                }
                top -= 1
            case 0x30: top[0] = address.word; top += 1
            case 0x31:
                let a = Address(truncating: top[-1])
                if !accountAccess(&gas, a) { return .outOfGas }
                top[-1] = vm._state.pointee.balance(a)
            case 0x32: top[0] = vm.origin.word; top += 1
            case 0x33: top[0] = caller.word; top += 1
            case 0x34: top[0] = value; top += 1
            case 0x35:
                let off = top[-1]
                var w = UInt256.zero
                if let o = off.exactUInt64, o < UInt64(input.count) {
                    let o = Int(o)
                    if o + 32 <= input.count {
                        w = input.withUnsafeBytes { UInt256(bigEndianAt: $0.baseAddress! + o) }
                    } else {
                        var tmp = [UInt8](repeating: 0, count: 32)
                        for i in o..<input.count { tmp[i - o] = input[i] }
                        w = UInt256(bigEndianAt: tmp)
                    }
                }
                top[-1] = w
            case 0x36: top[0] = UInt256(UInt64(input.count)); top += 1
            case 0x37, 0x39, 0x3e:
                let mOff = top[-1], dOff = top[-2], size = top[-3]; top -= 3
                if !expandMemory(mOff, size, &gas) || !Frame.charge(&gas, 3 * Frame.words(size)) { return .outOfGas }
                if op == 0x3e {
                    guard let d = dOff.exactUInt64, d &+ size._l0 >= d, d + size._l0 <= UInt64(returnData.count) else {
                        return .returnDataOutOfBounds
                    }
                    returnData.withUnsafeBytes { memory.copy(to: Frame.offset(mOff, size), from: $0, srcOffset: dOff, count: Int(size._l0)) }
                } else if op == 0x37 {
                    input.withUnsafeBytes { memory.copy(to: Frame.offset(mOff, size), from: $0, srcOffset: dOff, count: Int(size._l0)) }
                } else {
                    memory.copy(to: Frame.offset(mOff, size), from: UnsafeRawBufferPointer(start: code._bytes, count: code.count),
                                srcOffset: dOff, count: Int(size._l0))
                }
            case 0x38: top[0] = UInt256(UInt64(code.count)); top += 1
            case 0x3a: top[0] = vm.gasPrice; top += 1
            case 0x3b:
                let a = Address(truncating: top[-1])
                if !accountAccess(&gas, a) { return .outOfGas }
                top[-1] = UInt256(UInt64(vm._state.pointee.code(a).count))
            case 0x3c:
                let a = Address(truncating: top[-1]), mOff = top[-2], cOff = top[-3], size = top[-4]; top -= 4
                if !expandMemory(mOff, size, &gas) || !Frame.charge(&gas, 3 * Frame.words(size)) || !accountAccess(&gas, a) { return .outOfGas }
                let c = vm._state.pointee.code(a)
                memory.copy(to: Frame.offset(mOff, size), from: UnsafeRawBufferPointer(start: c._bytes, count: c.count),
                            srcOffset: cOff, count: Int(size._l0))
            case 0x3d: top[0] = UInt256(UInt64(returnData.count)); top += 1
            case 0x3f:
                let a = Address(truncating: top[-1])
                if !accountAccess(&gas, a) { return .outOfGas }
                if let acct = vm._state.pointee.accounts[a], !acct.isEmpty { top[-1] = acct.code.hash } else { top[-1] = .zero }
            case 0x40:
                let n = top[-1]
                var h = UInt256.zero
                let cur = vm.block.number
                if let k = n.exactUInt64, k < cur, cur - k <= 256 { h = vm.block.blockHash(k) }
                top[-1] = h
            case 0x41: top[0] = vm.block.coinbase.word; top += 1
            case 0x42: top[0] = UInt256(vm.block.timestamp); top += 1
            case 0x43: top[0] = UInt256(vm.block.number); top += 1
            case 0x44: top[0] = vm.block.prevRandao; top += 1
            case 0x45: top[0] = UInt256(vm.block.gasLimit); top += 1
            case 0x46: top[0] = UInt256(vm.block.chainId); top += 1
            case 0x47: top[0] = vm._state.pointee.balance(address); top += 1
            case 0x48: top[0] = vm.block.baseFee; top += 1
            case 0x49:
                let i = top[-1]
                if let k = i.exactUInt64, k < UInt64(vm.blobHashes.count) { top[-1] = vm.blobHashes[Int(k)] } else { top[-1] = .zero }
            case 0x4a: top[0] = vm.block.blobBaseFee; top += 1
            case 0x50: top -= 1
            case 0x51:
                let off = top[-1]
                if !expandMemory(off, 32, &gas) { return .outOfGas }
                top[-1] = UInt256(bigEndianAt: memory._base + Int(off._l0))
            case 0x52:
                let off = top[-1]
                if !expandMemory(off, 32, &gas) { return .outOfGas }
                top[-2].storeBigEndian(to: memory._base + Int(off._l0)); top -= 2
            case 0x53:
                let off = top[-1]
                if !expandMemory(off, 1, &gas) { return .outOfGas }
                memory._base.storeBytes(of: UInt8(truncatingIfNeeded: top[-2]._l0), toByteOffset: Int(off._l0), as: UInt8.self)
                top -= 2
            case 0x54:
                let k = top[-1]
                if !Frame.charge(&gas, vm._state.pointee.warmSlot(address, k) ? 2100 : 100) { return .outOfGas }
                let v = vm._state.pointee.storage(address, k)
                if Mode.isOn, let tracer { tracer.storage(address: address, slot: k, value: v, isWrite: false) }
                top[-1] = v
            case 0x55:
                if isStatic { return .staticStateChange }
                let k = top[-1], v = top[-2]; top -= 2
                self.gas = gas
                let ok = sstore(k, v)
                gas = self.gas
                if !ok { return .outOfGas }
            case 0x56:
                let dest = top[-1]; top -= 1
                guard let d = dest.exactUInt64, code.isJumpdest(d) else { return .invalidJump }
                pc = Int(d)
                continue
            case 0x57:
                let dest = top[-1], cond = top[-2]; top -= 2
                if !cond.isZero {
                    guard let d = dest.exactUInt64, code.isJumpdest(d) else { return .invalidJump }
                    pc = Int(d)
                    continue
                }
            case 0x58: top[0] = UInt256(UInt64(pc)); top += 1
            case 0x59: top[0] = UInt256(UInt64(memory._size)); top += 1
            case 0x5a: top[0] = UInt256(UInt64(gas)); top += 1
            case 0x5b: break
            case 0x5c: top[-1] = vm._state.pointee.transient(address, top[-1])
            case 0x5d:
                if isStatic { return .staticStateChange }
                vm._state.pointee.setTransient(address, top[-1], top[-2]); top -= 2
            case 0x5e:
                let dst = top[-1], src = top[-2], size = top[-3]; top -= 3
                if !size.isZero { // EIP-5656: the expansion covers both ends
                    if !expandMemory(dst, size, &gas) || !expandMemory(src, size, &gas) || !Frame.charge(&gas, 3 * Frame.words(size)) { return .outOfGas }
                    (memory._base + Int(dst._l0)).copyMemory(from: memory._base + Int(src._l0), byteCount: Int(size._l0))
                }
            case 0x5f: top[0] = .zero; top += 1
            case 0x60:
                top[0] = UInt256(UInt64(codePtr[pc + 1])); top += 1
                pc += 2
                continue
            case 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f, 0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f:
                let n = Int(op) - 0x5f
                let p = codePtr + pc + 1
                if n <= 8 {
                    var v: UInt64 = 0
                    for i in 0..<n { v = (v << 8) | UInt64(p[i]) }
                    top[0] = UInt256(v); top += 1
                } else {
                    var w = UInt256.zero
                    for i in 0..<n { w[limb: i >> 3] |= UInt64(p[n - 1 - i]) << UInt64((i & 7) * 8) }
                    top[0] = w; top += 1
                }
                pc += n
            case 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f:
                let n = Int(op) - 0x7f
                top[0] = top[-n]; top += 1
            case 0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9d, 0x9e, 0x9f:
                let n = Int(op) - 0x8f
                let t = top[-1]; top[-1] = top[-1 - n]; top[-1 - n] = t
            case 0xa0, 0xa1, 0xa2, 0xa3, 0xa4:
                if isStatic { return .staticStateChange }
                let n = Int(op) - 0xa0
                let off = top[-1], size = top[-2]
                if !expandMemory(off, size, &gas) || !Frame.charge(&gas, 375 * n + 8 * Int(size._l0)) { return .outOfGas }
                var topics = [UInt256]()
                topics.reserveCapacity(n)
                for i in 0..<n { topics.append(top[-3 - i]) }
                top -= 2 + n
                vm._state.pointee.addLog(Log(address: address, topics: topics, data: memory.bytes(Frame.offset(off, size), Int(size._l0))))
            case 0xf0, 0xf5:
                self.sp = top - s; self.gas = gas
                let st = createOp(op == 0xf5)
                top = s + self.sp; gas = self.gas
                if st != .stop { return st }
            case 0xf1, 0xf2, 0xf4, 0xfa:
                self.sp = top - s; self.gas = gas
                let st = callOp(op)
                top = s + self.sp; gas = self.gas
                if st != .stop { return st }
            case 0xf3, 0xfd:
                let off = top[-1], size = top[-2]; top -= 2
                if !expandMemory(off, size, &gas) { return .outOfGas }
                output = memory.bytes(Frame.offset(off, size), Int(size._l0))
                return op == 0xf3 ? .returned : .reverted
            case 0xff:
                if isStatic { return .staticStateChange }
                self.sp = top - s; self.gas = gas
                let st = selfDestruct()
                top = s + self.sp; gas = self.gas
                return st
            default:
                return .invalidOpcode
            }
            pc += 1
        }
    }
}

/// Compile-time trace switch for `Frame.loop`.
protocol TraceMode { static var isOn: Bool { get } }
/// No tracer: the step hook compiles away.
enum Untraced: TraceMode { static var isOn: Bool { false } }
/// A tracer is set.
enum Traced: TraceMode { static var isOn: Bool { true } }
