import EVM
import Foundation
import Testing
import TestSupport

/// ethereum/tests GeneralStateTests (../shared/conformance/state), Cancun post sections:
/// state root and logs hash after every indexed transaction must match geth's.
@Suite struct StateTestConformanceTests {
    /// Cases known to fail, by "name:index" (none at present).
    static let skipList: Set<String> = []

    @Test func cancunGeneralStateTests() throws {
        let files = StateTest.collectFiles([Fixtures.url("../shared/conformance/state").path])
        #expect(files.count == 1630)
        let results = Interpreter.withLargeStack { () -> Result<[StateTest.CaseResult], any Error> in
            Result { try files.flatMap { try StateTest.run(file: $0) } }
        }
        let all = try results.get()
        let failed = all.filter { !$0.pass && !Self.skipList.contains("\($0.name):\($0.index)") }
        let passed = all.filter(\.pass).count
        print("GeneralStateTests Cancun: \(passed)/\(all.count) passed")
        #expect(all.count == 13373)
        #expect(passed == all.count - Self.skipList.count)
        for f in failed.prefix(20) { Issue.record("failed \(f.name) #\(f.index): \(f.error ?? "state root \(f.stateRoot)")") }
    }
}
