import EVM
import Testing
import TestSupport

/// Hand-checked gas and results for single opcodes and EIP rules (the full rule set is covered
/// by `StateTestConformanceTests`). Gas figures are worked out in the comments.
@Suite struct InterpreterTests {
    static func run(_ hex: String, gas: UInt64 = 1_000_000) -> (CallOutcome, Int) {
        let out = Interpreter.runCode(Fixtures.hexBytes(hex)!, gas: gas)
        return (out, Int(gas) - out.gasLeft)
    }

    /// EIP-3855: PUSH0 PUSH0 MSTORE PUSH1 32 PUSH0 RETURN = 2+2+(3+3)+3+2+0.
    @Test func push0() {
        let (o, used) = Self.run("5f5f5260205ff3")
        #expect(o.status == .returned && o.output == [UInt8](repeating: 0, count: 32) && used == 15)
    }

    /// EIP-5656: MCOPY of word 1 onto word 0; 3 + 3·1 with no expansion.
    @Test func mcopy() {
        let x = "0102030405060708091011121314151617181920212223242526272829303132"
        let (o, used) = Self.run("7f" + x + "602052" + "6020602060005e" + "60406000f3")
        #expect(o.status == .returned)
        #expect(Fixtures.hex(Array(o.output[0..<32])) == x && Fixtures.hex(Array(o.output[32..<64])) == x)
        #expect(used == 3 + 3 + 9 + 9 + 6 + 6) // pushes, MSTORE with 2-word expansion, MCOPY, return pushes
    }

    /// EIP-1153: TSTORE then TLOAD (100 each) in the same frame.
    @Test func transientStorage() {
        let (o, used) = Self.run("602a60015d60015c5f5260205ff3")
        #expect(o.status == .returned && o.output.last == 42 && used == 222)
    }

    /// EIP-2200/2929/3529: a cold 0→1 store costs 22100; restoring 0 in the same transaction costs
    /// 100 and refunds 19900.
    @Test func sstoreGasAndRefund() {
        let a = Interpreter.runContractAddress
        let vm = Interpreter(state: WorldState(accounts: [a: Account(code: Code(Fixtures.hexBytes("60015f555f5f5500")!))]),
                             block: BlockEnvironment())
        let o = vm.call(kind: .call, caller: Interpreter.runCallerAddress, address: a, codeAddress: a, value: .zero,
                        input: [], gas: 100_000, isStatic: false, depth: 0)
        #expect(o.status == .stop && 100_000 - o.gasLeft == 3 + 2 + 22100 + 2 + 2 + 100)
        #expect(vm.state.refund == 19900 && vm.state.storage(a, .zero).isZero)
    }

    /// The 2300 sentry of EIP-2200: SSTORE with 2300 gas left fails.
    @Test func sstoreSentry() {
        let (o, used) = Self.run("60015f5500", gas: 2305)
        #expect(o.status == .outOfGas && used == 2305)
    }

    @Test func stackAndJumpErrors() {
        #expect(Self.run("56").0.status == .stackUnderflow)
        #expect(Self.run("600456605b00").0.status == .invalidJump) // 0x5b inside PUSH1 data
        #expect(Self.run("6003565b00").0.status == .stop)
        #expect(Self.run(String(repeating: "5f", count: 1025)).0.status == .stackOverflow)
        #expect(Self.run(String(repeating: "5f", count: 1024)).0.status == .stop)
        #expect(Self.run("fe").0.status == .invalidOpcode && Self.run("fe").1 == 1_000_000)
        #expect(Self.run("0c").0.status == .invalidOpcode)
    }

    /// Memory cost 3·w + w²/512 for w = 32768 words (offset 0xfffe0 + 32 bytes).
    @Test func memoryExpansionCost() {
        let (o, used) = Self.run("620fffe05100", gas: 3_000_000)
        #expect(o.status == .stop && used == 3 + 3 + 3 * 32768 + 32768 * 32768 / 512)
        #expect(Self.run("7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff5100").0.status == .outOfGas)
    }

    /// Yellow Paper eq. 86 and EIP-1014 examples.
    @Test func createAddresses() {
        let s = Address(hex: "0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0")!
        #expect(Interpreter.createAddress(caller: s, nonce: 0) == Address(hex: "0xcd234a471b72ba2f1ccf0a70fcaba648a5eecd8d"))
        #expect(Interpreter.createAddress(caller: s, nonce: 1) == Address(hex: "0x343c43a37d37dff08ae8c4a11544c718abb4fcf8"))
        let h = Keccak256Helper.hash([0x00])
        #expect(Interpreter.create2Address(caller: .zero, salt: .zero, initcodeHash: h)
                == Address(hex: "0x4d1a2e2bb4f88f0250f26ffff098b0b30b26bf38"))
        #expect(Interpreter.create2Address(caller: Address(hex: "0xdeadbeef00000000000000000000000000000000")!, salt: .zero,
                                           initcodeHash: h) == Address(hex: "0xb928f69bb1d91cd65274e3c79d8986362984fda3"))
    }

    /// EIP-3541 and EIP-170: deployed code may not start with 0xEF; init code returning one 0xEF byte fails.
    @Test func createRejectsEFPrefix() {
        // init code: MSTORE8(0, 0xef) RETURN(0, 1); outer: CREATE(0, 0, len) via memory copy
        let initcode = "60ef60005360016000f3"
        let outer = "69" + initcode + "600052" + "600a6016" + "6000f0" + "5f52" + "60205ff3"
        let (o, _) = Self.run(outer)
        #expect(o.status == .returned && o.output.allSatisfy { $0 == 0 })
        let good = "60fe60005360016000f3"
        let (o2, _) = Self.run("69" + good + "600052" + "600a6016" + "6000f0" + "5f52" + "60205ff3")
        #expect(o2.status == .returned && o2.output.contains { $0 != 0 })
    }

    /// EIP-4844 blob base fee: fake_exponential(1, excess, 3338477).
    @Test func blobBaseFee() {
        #expect(BlockEnvironment(excessBlobGas: 0).blobBaseFee == 1)
        #expect(BlockEnvironment(excessBlobGas: 3_338_477).blobBaseFee == 2) // e^1 = 2.71…
        #expect(BlockEnvironment(excessBlobGas: 10 * 3_338_477).blobBaseFee == 22026) // e^10 = 22026.47
    }
}

import Keccak
enum Keccak256Helper {
    static func hash(_ b: [UInt8]) -> [UInt8] { Keccak256.hash(b) }
}
