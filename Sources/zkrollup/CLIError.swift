import ArgumentParser
import Foundation

/// A command-line failure with the message printed as `error: …` (exit 1).
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }

    /// Prints the message on stderr and returns exit code 1 to throw.
    static func exit(_ message: String, code: Int32 = 1) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        return ExitCode(code)
    }
}

/// Writes a line on stderr (progress, warnings): stdout stays machine-readable.
func printError(_ text: String, terminator: String = "\n") {
    FileHandle.standardError.write(Data((text + terminator).utf8))
}
