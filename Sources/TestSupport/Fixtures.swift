import Foundation

/// Locates test inputs by path from the repository root, found through
/// `#filePath` so tests run from any working directory.
public enum Fixtures {
    /// The repository root (the folder holding Package.swift).
    public static let repositoryRoot: URL = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }()

    /// A file under the repository root, e.g. `fixtures/x.json` or `../shared/conformance/...`.
    public static func url(_ relativePath: String) -> URL {
        repositoryRoot.appendingPathComponent(relativePath).standardizedFileURL
    }

    /// The bytes of a file under the repository root.
    public static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: url(relativePath))
    }

    /// Decodes "0x…" or bare hex into bytes; nil on odd length or a non-hex digit.
    public static func hexBytes(_ text: String) -> [UInt8]? {
        var s = Substring(text)
        if s.hasPrefix("0x") { s = s.dropFirst(2) }
        guard s.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(s.count / 2)
        var i = s.startIndex
        while i < s.endIndex {
            let j = s.index(i, offsetBy: 2)
            guard let b = UInt8(s[i..<j], radix: 16) else { return nil }
            out.append(b)
            i = j
        }
        return out
    }

    /// Lowercase hex without prefix.
    public static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
