import Foundation

/// Runs the built `zkrollup` executable (release build preferred, as the test
/// command builds it) and captures its output.
public enum CLI {
    /// What one run printed and how it exited.
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// The binary under `.build/release` or `.build/debug`.
    public static func executable() throws -> URL {
        for config in ["release", "debug"] {
            let url = Fixtures.repositoryRoot.appendingPathComponent(".build/\(config)/zkrollup")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "zkrollup binary not built"])
    }

    /// Runs `zkrollup arguments…` to completion.
    public static func run(_ arguments: [String]) throws -> Result {
        let p = Process()
        p.executableURL = try executable()
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: e, as: UTF8.self))
    }
}
