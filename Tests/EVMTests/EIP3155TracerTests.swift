import EVM
import Testing
import TestSupport

/// EIP-3155 trace lines for a small program: PUSH1 1 PUSH1 2 ADD PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN.
@Suite struct EIP3155TracerTests {
    @Test func linesAndCosts() throws {
        var lines: [String] = []
        let tracer = EIP3155Tracer { lines.append($0) }
        let out = Interpreter.runCode(Fixtures.hexBytes("600160020160005260206000f3")!, gas: 100, tracer: tracer)
        tracer.finish(output: out.output, gasUsed: 100 - out.gasLeft, status: out.status)
        #expect(lines.count == 9)
        #expect(lines[0] == #"{"pc":0,"op":96,"gas":"0x64","gasCost":"0x3","memSize":0,"stack":[],"depth":1,"refund":0,"opName":"PUSH1"}"#)
        #expect(lines[2] == #"{"pc":4,"op":1,"gas":"0x5e","gasCost":"0x3","memSize":0,"stack":["0x1","0x2"],"depth":1,"refund":0,"opName":"ADD"}"#)
        #expect(lines[4].contains(#""gasCost":"0x6""#) && lines[4].contains("MSTORE"))
        #expect(lines[5].contains(#""memSize":32"#))
        #expect(lines[7].contains(#""opName":"RETURN""#) && lines[7].contains(#""gasCost":"0x0""#))
        #expect(lines[8] == #"{"output":"0000000000000000000000000000000000000000000000000000000000000003","gasUsed":"0x18"}"#)
    }

    /// Storage reads and writes reach the tracer.
    @Test func storageHook() {
        final class Recorder: Tracer {
            var steps = 0
            var accesses: [(UInt256, UInt256, Bool)] = []
            func step(_ step: TraceStep) { steps += 1 }
            func storage(address: Address, slot: UInt256, value: UInt256, isWrite: Bool) { accesses.append((slot, value, isWrite)) }
        }
        let r = Recorder()
        _ = Interpreter.runCode(Fixtures.hexBytes("6007600355600354")!, gas: 100_000, tracer: r) // SSTORE(3,7) SLOAD(3)
        #expect(r.steps == 6)
        #expect(r.accesses.count == 2 && r.accesses[0] == (3, 7, true) && r.accesses[1] == (3, 7, false))
    }
}
