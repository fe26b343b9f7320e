import FlotillaSpec
import Foundation

/// Reads a spec file from disk for a command; the only place the CLI touches the spec's file.
enum SpecFile {
    /// Loads the spec at `path`, turning a missing or unreadable file into a diagnostic.
    static func load(_ path: String) -> SpecLoadResult {
        let location = SourceLocation(file: path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            let message = exists ? "cannot read '\(path)'" : "no spec file at '\(path)'"
            let hint =
                exists ? "check the file's permissions" : "pass the path of your flotilla.yaml, or run from its folder"
            return SpecLoadResult(spec: nil, diagnostics: [Diagnostic(.error, message, at: location, hint: hint)])
        }
        return SpecLoader.load(bytes: [UInt8](data), file: path)
    }
}
