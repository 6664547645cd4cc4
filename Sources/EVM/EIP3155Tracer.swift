/// Writes EIP-3155 JSON lines: one object per step, then a summary line.
///
/// `gasCost` is the gas the step consumed, known when the next event arrives: exact for every
/// instruction that does not start a frame; for CALL/CREATE-family steps that enter a new frame
/// it is the instruction's constant gas (geth reports the forwarded gas as well).
public final class EIP3155Tracer: Tracer {
    private let write: (String) -> Void
    private var pending: (line: String, gas: Int, depth: Int, opcode: UInt8)?

    /// A tracer that passes each line (without newline) to `write`.
    public init(write: @escaping (String) -> Void) { self.write = write }

    public func step(_ s: TraceStep) {
        flush(nextGas: s.depth == pending?.depth ? s.gas : nil)
        var line = "{\"pc\":\(s.pc),\"op\":\(s.opcode),\"gas\":\"0x\(String(s.gas, radix: 16))\","
        line += "\"gasCost\":\"%COST%\",\"memSize\":\(s.memorySize),\"stack\":["
        line += s.stack.map { "\"\($0.hexString)\"" }.joined(separator: ",")
        line += "],\"depth\":\(s.depth),\"refund\":\(s.refund),\"opName\":\"\(Opcode.name(s.opcode))\"}"
        pending = (line, s.gas, s.depth, s.opcode)
    }

    public func frameEnd(depth: Int, status: ExecutionStatus, gasLeft: Int, output: [UInt8]) {
        if pending?.depth == depth { flush(nextGas: status.isSuccess || status == .reverted ? gasLeft : pending!.gas) }
    }

    private func flush(nextGas: Int?) {
        guard let p = pending else { return }
        let cost = nextGas.map { p.gas - $0 } ?? Int(Opcode.table[Int(p.opcode)].constantGas)
        write(p.line.replacingOccurrences(of: "%COST%", with: "0x" + String(max(cost, 0), radix: 16)))
        pending = nil
    }

    /// Writes the final summary line `{"output","gasUsed","error"?}`.
    public func finish(output: [UInt8], gasUsed: Int, status: ExecutionStatus) {
        flush(nextGas: nil)
        var line = "{\"output\":\"\(output.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined())\","
        line += "\"gasUsed\":\"0x\(String(gasUsed, radix: 16))\""
        if !status.isSuccess { line += ",\"error\":\"\(status)\"" }
        write(line + "}")
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard let r = range(of: target) else { return self }
        return replacingCharacters(in: r, with: replacement)
    }
}
