import EVM
import Keccak

/// `evm.loop`, `evm.keccak`, `evm.sstore`, `evm.erc20`: interpreter throughput.
///
/// Each run executes hand-assembled bytecode; `opsPerRun` is the gas the run consumes, so the
/// reported figure is **nanoseconds per gas** (Mgas/s = 1000 / figure). `size` is the gas of one run.
/// - loop: JUMPDEST DUP1 PUSH1 3 MUL PUSH1 7 ADD POP PUSH1 1 SWAP1 SUB DUP1 PUSH1 5 JUMPI (45 gas/iteration);
/// - keccak: hashes a 32-byte word in memory and stores the digest back (KECCAK256 loop);
/// - sstore: writes slot i = i for fresh slots (cold, 0 → non-zero: 22100 gas each);
/// - erc20: full transactions (intrinsic gas, fees, refunds, finalisation) calling a minimal ERC-20
///   `transfer(address,uint256)` (two balance slots, a Transfer log) over 1000 recipients.
enum EVMBenchmarks {
    static var all: [Benchmark] {
        [
            code("evm.loop", iterations: 200_000, gasPerIteration: 45, extraGas: 0,
                 body: "80600302600701506001900380600557"),
            code("evm.keccak", iterations: 50_000, gasPerIteration: 72, extraGas: 3, // + first memory word
                 body: "60205f205f526001900380600557"),
            code("evm.sstore", iterations: 5_000, gasPerIteration: 22132, extraGas: 0,
                 body: "8080556001900380600557"),
            erc20(),
        ]
    }

    /// PUSH4 n JUMPDEST <body> POP STOP; `body` must end in the loop's DUP1 PUSH1 5 JUMPI.
    static func loopCode(_ iterations: Int, _ body: String) -> [UInt8] {
        var c: [UInt8] = [0x63]
        c += withUnsafeBytes(of: UInt32(iterations).bigEndian, Array.init)
        c.append(0x5b)
        c += hexBytes(body)
        c += [0x50, 0x00]
        return c
    }

    /// Bytecode written in this file as hex; a typo is a programming error.
    static func hexBytes(_ s: String) -> [UInt8] {
        guard let bytes = Hex.decode(s) else { preconditionFailure("bad hex in a benchmark: \(s)") }
        return bytes
    }

    /// A loop benchmark; its gas is PUSH4 (3) + iterations × gasPerIteration + extraGas + POP (2),
    /// checked against the interpreter when the benchmark is prepared.
    static func code(_ name: String, iterations: Int, gasPerIteration: Int, extraGas: Int, body: String) -> Benchmark {
        let used = 3 + iterations * gasPerIteration + extraGas + 2
        return Benchmark(name: name, size: used, unit: "ns", opsPerRun: used, runs: 10) {
            let bytecode = loopCode(iterations, body)
            let gasLimit: UInt64 = 2_000_000_000
            let probe = Interpreter.runCode(bytecode, gas: gasLimit)
            precondition(probe.status == .stop && Int(gasLimit) - probe.gasLeft == used, "\(name): gas mismatch")
            return { @Sendable in
                UInt64(Interpreter.runCode(bytecode, gas: gasLimit).gasLeft)
            }
        }
    }

    /// The minimal ERC-20 `transfer` (see scripts/… in the doc above): selector check, balance
    /// slots keccak(address ‖ 0), underflow check, two SSTOREs, LOG3 Transfer, return true.
    static let erc20Code = hexBytes(
        "5f3560e01c63a9059cbb14610012575f5ffd5b335f525f60205260405f2080546024358082106100715780820383"
        + "556004355f5260405f208054820190555f52600435337fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a1"
        + "1628f55a4df523b3ef60205fa360015f5260205ff35b5f5ffd")

    static func erc20() -> Benchmark {
        let transfers = 1000
        let token = Address(0x70_6b_65_6e), sender = Address(0x5e_4d_e2)
        let balanceSlot = UInt256(bigEndianAt: Keccak256.hash(sender.word.bigEndianBytes + [UInt8](repeating: 0, count: 32)))
        // Recipient bytes (1, 1 + i/250, 1 + i%250): no zero bytes, so every calldata costs the same.
        let recipients = (0..<transfers).map { Address(0x01_01_01 + UInt64($0 / 250) << 8 + UInt64($0 % 250)) }
        let calldata = recipients.map { r in [0xa9, 0x05, 0x9c, 0xbb] + r.word.bigEndianBytes + UInt256(1).bigEndianBytes }
        // Steady-state gas of one transfer (recipient balance already non-zero), from a scratch run.
        let scratch = Interpreter(state: WorldState(accounts: [
            token: Account(code: Code(erc20Code), storage: [balanceSlot: UInt256(1) << 200]),
            sender: Account(balance: UInt256(1) << 100)]), block: BlockEnvironment(gasLimit: 30_000_000))
        var gasPerTransfer: UInt64 = 0
        for n in 0..<2 {
            let tx = TransactionEnvironment(caller: sender, to: token, data: calldata[0], gasLimit: 100_000, nonce: UInt64(n))
            gasPerTransfer = (try? scratch.execute(tx))?.gasUsed ?? 0
        }
        let gasPerRun = Int(gasPerTransfer) * transfers
        return Benchmark(name: "evm.erc20", size: gasPerRun, unit: "ns", opsPerRun: max(gasPerRun, 1), runs: 10) {
            let state = WorldState(accounts: [
                token: Account(code: Code(erc20Code), storage: [balanceSlot: UInt256(1) << 200]),
                sender: Account(balance: UInt256(1) << 100),
            ])
            let vm = Interpreter(state: state, block: BlockEnvironment(gasLimit: 30_000_000))
            let box = ERC20Box(vm)
            return { @Sendable in
                var gas: UInt64 = 0
                for data in calldata {
                    let tx = TransactionEnvironment(caller: sender, to: token, data: data, gasLimit: 100_000,
                                                    nonce: box.vm.state.nonce(sender))
                    if let r = try? box.vm.execute(tx) { gas &+= r.gasUsed }
                }
                precondition(gas == UInt64(gasPerRun) || box.warm == false, "evm.erc20: gas mismatch")
                box.warm = true
                return gas
            }
        }
    }
}

/// Holds the benchmark's interpreter across runs (the harness runs closures one at a time).
final class ERC20Box: @unchecked Sendable {
    let vm: Interpreter
    var warm = false
    init(_ vm: Interpreter) { self.vm = vm }
}

extension UInt256 {
    fileprivate static func << (a: UInt256, s: Int) -> UInt256 { a.shiftedLeft(s) }
}
