import FlotillaTesting
import Foundation
import Testing

/// The `flotilla` binary as users run it: exit codes, output formats, help and version.
@Suite("flotilla validate and schema")
struct ValidateCommandTests {
    static let flotilla = ChildProcess.builtProduct("flotilla")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func write(_ yaml: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("flotilla-\(UUID().uuidString).yaml")
            .path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func flotilla(_ arguments: String...) async throws -> ChildProcess.Result {
        try await ChildProcess.run(Self.flotilla, arguments)
    }

    @Test func theShopSpecIsValidWithoutWarnings() async throws {
        let result = try await flotilla(
            "validate", Self.repository.appendingPathComponent("flotilla.yaml").path, "--strict")
        #expect(result.status == 0)
        #expect(result.standardOutput.hasSuffix("flotilla.yaml is valid.\n"))
    }

    @Test func exitCodesSeparateWarningsFromErrors() async throws {
        let warning = try write("name: demo\nimage: { tag: latest }\nservices:\n  api:\n    ports: { http: 8080 }\n")
        #expect(try await flotilla("validate", warning).status == 0)
        #expect(try await flotilla("validate", warning, "--strict").status == 1)
        let invalid = try write("name: demo\nservices:\n  api:\n    prots: { http: 8080 }\n")
        let result = try await flotilla("validate", invalid)
        #expect(result.status == 2)
        #expect(
            result.standardOutput.contains(":4:5: error: unknown key 'prots' in service 'api' (did you mean 'ports'?)"))
        #expect(result.standardError.isEmpty)
    }

    @Test func missingFileIsADiagnosticNotACrash() async throws {
        let result = try await flotilla("validate", "/nonexistent/flotilla.yaml")
        #expect(result.status == 2)
        #expect(result.standardOutput.contains("/nonexistent/flotilla.yaml:1:1: error: no spec file at"))
    }

    @Test func jsonFormatCarriesEveryDiagnostic() async throws {
        let invalid = try write(
            "name: demo\nservices:\n  api:\n    ports: { http: 8080, admin: 8080 }\n    replicas: x\n")
        let result = try await flotilla("validate", invalid, "--format", "json")
        #expect(result.status == 2)
        let document = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let diagnostics = document?["diagnostics"] as? [[String: Any]] ?? []
        #expect(document?["valid"] as? Bool == false)
        #expect(diagnostics.count == 2)
        #expect(diagnostics.map { $0["line"] as? Int } == [4, 5])
        #expect(diagnostics.allSatisfy { $0["severity"] as? String == "error" && $0["file"] as? String == invalid })
    }

    @Test func schemaIsJSONSchemaOfEveryTopLevelKey() async throws {
        let result = try await flotilla("schema")
        #expect(result.status == 0)
        let schema = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let properties = (schema?["properties"] as? [String: Any])?.keys.sorted()
        #expect(
            properties == ["environments", "image", "name", "namespace", "services", "swift", "tracing", "version"])
        #expect(schema?["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    }

    @Test func versionHelpAndCompletionScripts() async throws {
        #expect(try await flotilla("--version").standardOutput == "0.1.0\n")
        #expect(
            try await flotilla("validate", "--help").standardOutput.contains("Exit status: 0 when the spec is valid"))
        for shell in ["bash", "zsh", "fish"] {
            let script = try await flotilla("--generate-completion-script", shell)
            #expect(script.status == 0)
            #expect(script.standardOutput.contains("validate"))
        }
    }
}
