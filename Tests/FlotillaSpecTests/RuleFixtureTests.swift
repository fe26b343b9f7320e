import FlotillaSpec
import FlotillaTesting
import Foundation
import Testing

/// One folder per validation rule under Fixtures/Rules: `valid.yaml` must load without a single
/// diagnostic, and `invalid.yaml` must produce exactly the diagnostics in `expected.txt`.
@Suite("Validation rules")
struct RuleFixtureTests {
    @Test("valid fixture has no diagnostics", arguments: TestPaths.ruleNames)
    func validFixture(rule: String) {
        let yaml = TestPaths.read(TestPaths.rules.appendingPathComponent("\(rule)/valid.yaml"))
        let result = SpecLoader.load(yaml: yaml, file: "valid.yaml")
        #expect(result.isValid)
        #expect(result.diagnostics.map(\.description) == [])
    }

    @Test("invalid fixture gives exactly the expected diagnostics", arguments: TestPaths.ruleNames)
    func invalidFixture(rule: String) {
        let folder = TestPaths.rules.appendingPathComponent(rule)
        let yaml = TestPaths.read(folder.appendingPathComponent("invalid.yaml"))
        let result = SpecLoader.load(yaml: yaml, file: "invalid.yaml")
        #expect(!result.isValid)
        let text = result.diagnostics.map(\.description).joined(separator: "\n") + "\n"
        let outcome = GoldenFile.compare(text, with: folder.appendingPathComponent("expected.txt").path)
        if case .mismatch(let difference) = outcome { Issue.record(Comment(rawValue: difference)) }
    }
}

@Suite("Diagnostics")
struct DiagnosticOrderTests {
    @Test func diagnosticsAreSortedByPositionWithErrorsFirst() {
        let yaml = "name: demo\nimage: { tag: latest }\nservices:\n  api:\n    replcas: 1\n    ports: { http: 8080 }\n"
        let result = SpecLoader.load(yaml: yaml, file: "f.yaml")
        let positions = result.diagnostics.map(\.location)
        #expect(positions == positions.sorted())
        #expect(result.diagnostics.map(\.severity) == [.warning, .error])
    }

    @Test func messageMatchesTheDocumentedFormat() {
        let yaml = "name: demo\nservices:\n  users:\n    replcas: 2\n    ports: { http: 8081 }\n"
        let first = SpecLoader.load(yaml: yaml, file: "flotilla.yaml").diagnostics.first
        #expect(
            first?.description.hasPrefix(
                "flotilla.yaml:4:5: error: unknown key 'replcas' in service 'users' (did you mean 'replicas'?)") == true
        )
    }

    @Test func invalidUTF8IsReportedWithItsPosition() {
        let bytes = Array("name: demo\nservices:\n  a\u{e9}".utf8) + [0xFF, 0xFE]
        let result = SpecLoader.load(bytes: bytes, file: "f.yaml")
        #expect(result.spec == nil)
        #expect(result.diagnostics.map(\.description.first) == ["f"])
        #expect(result.diagnostics.first?.location == SourceLocation(file: "f.yaml", line: 3, column: 6))
    }

    @Test func emptyFileIsAnError() {
        #expect(SpecLoader.load(yaml: "", file: "f.yaml").diagnostics.first?.message == "the spec is empty")
        #expect(SpecLoader.load(yaml: "# only a comment\n", file: "f.yaml").isValid == false)
    }
}
