/// Static per-opcode data for the Cancun instruction set, as evmone's `instructions_traits.hpp`
/// and revm's opcode table keep it: name, constant gas, stack inputs and outputs.
///
/// Dynamic gas (memory, EIP-2929 cold access, copies, EXP bytes, SSTORE, calls) is charged by
/// the instruction itself. Undefined opcodes have `isDefined == false` and halt as INVALID.
public enum Opcode {
    /// Per-opcode table entry.
    public struct Info: Sendable {
        /// Mnemonic, e.g. "PUSH1".
        public let name: String
        /// Gas charged before the instruction runs.
        public let constantGas: Int32
        /// Stack items consumed.
        public let inputs: UInt8
        /// Stack items produced.
        public let outputs: UInt8
        /// False for opcodes that do not exist in Cancun.
        public let isDefined: Bool
    }

    /// The table, indexed by opcode byte.
    public static let table: [Info] = {
        var t = [Info](repeating: Info(name: "INVALID", constantGas: 0, inputs: 0, outputs: 0, isDefined: false), count: 256)
        func d(_ op: Int, _ name: String, _ gas: Int32, _ i: UInt8, _ o: UInt8) {
            t[op] = Info(name: name, constantGas: gas, inputs: i, outputs: o, isDefined: true)
        }
        d(0x00, "STOP", 0, 0, 0); d(0x01, "ADD", 3, 2, 1); d(0x02, "MUL", 5, 2, 1); d(0x03, "SUB", 3, 2, 1)
        d(0x04, "DIV", 5, 2, 1); d(0x05, "SDIV", 5, 2, 1); d(0x06, "MOD", 5, 2, 1); d(0x07, "SMOD", 5, 2, 1)
        d(0x08, "ADDMOD", 8, 3, 1); d(0x09, "MULMOD", 8, 3, 1); d(0x0a, "EXP", 10, 2, 1); d(0x0b, "SIGNEXTEND", 5, 2, 1)
        d(0x10, "LT", 3, 2, 1); d(0x11, "GT", 3, 2, 1); d(0x12, "SLT", 3, 2, 1); d(0x13, "SGT", 3, 2, 1)
        d(0x14, "EQ", 3, 2, 1); d(0x15, "ISZERO", 3, 1, 1); d(0x16, "AND", 3, 2, 1); d(0x17, "OR", 3, 2, 1)
        d(0x18, "XOR", 3, 2, 1); d(0x19, "NOT", 3, 1, 1); d(0x1a, "BYTE", 3, 2, 1); d(0x1b, "SHL", 3, 2, 1)
        d(0x1c, "SHR", 3, 2, 1); d(0x1d, "SAR", 3, 2, 1)
        d(0x20, "KECCAK256", 30, 2, 1)
        d(0x30, "ADDRESS", 2, 0, 1); d(0x31, "BALANCE", 100, 1, 1); d(0x32, "ORIGIN", 2, 0, 1); d(0x33, "CALLER", 2, 0, 1)
        d(0x34, "CALLVALUE", 2, 0, 1); d(0x35, "CALLDATALOAD", 3, 1, 1); d(0x36, "CALLDATASIZE", 2, 0, 1)
        d(0x37, "CALLDATACOPY", 3, 3, 0); d(0x38, "CODESIZE", 2, 0, 1); d(0x39, "CODECOPY", 3, 3, 0)
        d(0x3a, "GASPRICE", 2, 0, 1); d(0x3b, "EXTCODESIZE", 100, 1, 1); d(0x3c, "EXTCODECOPY", 100, 4, 0)
        d(0x3d, "RETURNDATASIZE", 2, 0, 1); d(0x3e, "RETURNDATACOPY", 3, 3, 0); d(0x3f, "EXTCODEHASH", 100, 1, 1)
        d(0x40, "BLOCKHASH", 20, 1, 1); d(0x41, "COINBASE", 2, 0, 1); d(0x42, "TIMESTAMP", 2, 0, 1)
        d(0x43, "NUMBER", 2, 0, 1); d(0x44, "PREVRANDAO", 2, 0, 1); d(0x45, "GASLIMIT", 2, 0, 1)
        d(0x46, "CHAINID", 2, 0, 1); d(0x47, "SELFBALANCE", 5, 0, 1); d(0x48, "BASEFEE", 2, 0, 1)
        d(0x49, "BLOBHASH", 3, 1, 1); d(0x4a, "BLOBBASEFEE", 2, 0, 1)
        d(0x50, "POP", 2, 1, 0); d(0x51, "MLOAD", 3, 1, 1); d(0x52, "MSTORE", 3, 2, 0); d(0x53, "MSTORE8", 3, 2, 0)
        d(0x54, "SLOAD", 0, 1, 1); d(0x55, "SSTORE", 0, 2, 0); d(0x56, "JUMP", 8, 1, 0); d(0x57, "JUMPI", 10, 2, 0)
        d(0x58, "PC", 2, 0, 1); d(0x59, "MSIZE", 2, 0, 1); d(0x5a, "GAS", 2, 0, 1); d(0x5b, "JUMPDEST", 1, 0, 0)
        d(0x5c, "TLOAD", 100, 1, 1); d(0x5d, "TSTORE", 100, 2, 0); d(0x5e, "MCOPY", 3, 3, 0); d(0x5f, "PUSH0", 2, 0, 1)
        for n in 1...32 { d(0x5f + n, "PUSH\(n)", 3, 0, 1) }
        for n in 1...16 { d(0x7f + n, "DUP\(n)", 3, UInt8(n), UInt8(n + 1)) }
        for n in 1...16 { d(0x8f + n, "SWAP\(n)", 3, UInt8(n + 1), UInt8(n + 1)) }
        for n in 0...4 { d(0xa0 + n, "LOG\(n)", 375, UInt8(n + 2), 0) }
        d(0xf0, "CREATE", 32000, 3, 1); d(0xf1, "CALL", 100, 7, 1); d(0xf2, "CALLCODE", 100, 7, 1)
        d(0xf3, "RETURN", 0, 2, 0); d(0xf4, "DELEGATECALL", 100, 6, 1); d(0xf5, "CREATE2", 32000, 4, 1)
        d(0xfa, "STATICCALL", 100, 6, 1); d(0xfd, "REVERT", 0, 2, 0); d(0xfe, "INVALID", 0, 0, 0)
        d(0xff, "SELFDESTRUCT", 5000, 1, 0)
        t[0xfe] = Info(name: "INVALID", constantGas: 0, inputs: 0, outputs: 0, isDefined: false)
        return t
    }()

    /// Packed table for the interpreter loop: per opcode, constant gas (low 32 bits), minimum
    /// stack height (bits 32..<48) and the allowed range above it, max − min, where max is the
    /// highest stack height before the instruction that stays within 1024 (bits 48..<64).
    @usableFromInline
    nonisolated(unsafe) internal static let _packed: UnsafeMutablePointer<UInt64> = {
        let p = UnsafeMutablePointer<UInt64>.allocate(capacity: 256)
        for op in 0..<256 {
            let i = table[op]
            let gas = UInt64(UInt32(bitPattern: i.constantGas))
            let minStack = UInt64(i.inputs)
            let maxStack = UInt64(1024 + Int(i.inputs) - Int(i.outputs))
            p[op] = gas | (minStack << 32) | ((maxStack - minStack) << 48)
        }
        return p
    }()
}

extension Opcode {
    /// Mnemonic of an opcode byte ("INVALID" for undefined ones).
    public static func name(_ op: UInt8) -> String {
        let i = table[Int(op)]
        return i.isDefined ? i.name : (op == 0xfe ? "INVALID" : "opcode 0x" + String(op, radix: 16) + " not defined")
    }
}
