import FlotillaGenerator
import FlotillaSpec
import Foundation
import Testing

/// Paths of the test sources and helpers to load specs and generate from them.
enum Fixtures {
    /// `Tests/FlotillaGeneratorTests/`.
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// The repository root.
    static let repositoryRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    /// Whether golden files are being re-recorded (`FLOTILLA_RECORD_GOLDEN=1`; never in CI).
    static let recording = ProcessInfo.processInfo.environment["FLOTILLA_RECORD_GOLDEN"] == "1"

    /// A spec from `Specs/<name>.yaml`, with its text.
    static func spec(named name: String) throws -> (SystemSpec, String) {
        try spec(at: testsDirectory.appendingPathComponent("Specs/\(name).yaml"), file: "flotilla.yaml")
    }

    /// A spec file, which must be valid.
    static func spec(at url: URL, file: String) throws -> (SystemSpec, String) {
        let text = try String(contentsOf: url, encoding: .utf8)
        let result = SpecLoader.load(yaml: text, file: file)
        let spec = try #require(result.spec, "\(url.path) did not load")
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        return (spec, text)
    }

    /// A spec from inline YAML, which must be valid.
    static func spec(yaml: String) throws -> SystemSpec {
        let result = SpecLoader.load(yaml: yaml, file: "flotilla.yaml")
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        return try #require(result.spec)
    }

    /// Every file of `spec` with the built-in templates.
    static func generate(_ spec: SystemSpec, text: String = "", options: GenerateOptions = .init()) throws
        -> [GeneratedFile]
    {
        try Generator(templates: TemplateSet.builtin()).generate(spec, specText: text, options: options)
    }

    /// The file at `path` (manifests root) of a generation.
    static func file(_ path: String, of files: [GeneratedFile]) throws -> String {
        try #require(files.first { $0.path == path }?.contents, "no generated file \(path)")
    }
}
