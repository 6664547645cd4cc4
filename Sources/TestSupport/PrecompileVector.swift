import Foundation

/// One entry of go-ethereum's precompile test files (`../shared/conformance/precompiles/`):
/// `{Input, Expected, Name, Gas}` in hex, or `ExpectedError` for inputs the call must reject.
/// Field names are the files' own.
public struct PrecompileVector: Decodable, Sendable {
    public let Input: String
    public let Expected: String?
    public let ExpectedError: String?
    public let Name: String
    public let Gas: UInt64?
    public let Precompile: String?

    /// The vectors of `file` in the shared precompile conformance folder.
    public static func load(_ file: String) throws -> [PrecompileVector] {
        try JSONDecoder().decode([PrecompileVector].self, from: Fixtures.data("../shared/conformance/precompiles/\(file)"))
    }
}
