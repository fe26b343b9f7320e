import FlotillaGenerator
import FlotillaSpec
import Foundation
import Testing

/// Templates, diffs and the Kubernetes stream.
@Suite struct RenderingTests {
    @Test func builtinTemplatesEqualTheTemplatesFolder() throws {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("templates")
        if Fixtures.recording { try BuiltinTemplatesSource.record(from: folder) }
        let builtin = try TemplateSet.builtin()
        for name in TemplateSet.Name.allCases {
            let text = try String(contentsOf: folder.appendingPathComponent(name.rawValue), encoding: .utf8)
            let fromFolder = try TemplateSet.builtin(overriddenBy: [name: (text, "templates/\(name.rawValue)")])
            let (spec, specText) = try Fixtures.spec(named: "shop")
            let options = GenerateOptions()
            #expect(
                try Generator(templates: builtin).generate(spec, specText: specText, options: options)
                    == Generator(templates: fromFolder).generate(spec, specText: specText, options: options),
                "templates/\(name.rawValue) differs from BuiltinTemplates.swift; re-record with FLOTILLA_RECORD_GOLDEN=1"
            )
        }
    }

    @Test func templateErrorsNameFileAndLine() throws {
        let broken = "FROM x\n{{#section}}\nRUN y\n"
        #expect {
            try TemplateSet.builtin(overriddenBy: [.dockerfile: (broken, "mine/Dockerfile.mustache")])
        } throws: { error in
            "\(error)".contains("mine/Dockerfile.mustache:")
        }
    }

    @Test func overriddenTemplateIsUsed() throws {
        let templates = try TemplateSet.builtin(overriddenBy: [.dockerfile: ("FROM scratch # {{service}}\n", "x")])
        let spec = try Fixtures.spec(yaml: TranslationRuleTests.twoServices)
        let files = try Generator(templates: templates).generate(spec, specText: "", options: .init(only: [.docker]))
        #expect(try Fixtures.file("docker/front/Dockerfile", of: files) == "FROM scratch # front\n")
    }

    @Test func unifiedDiffShowsChangedLinesWithContext() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        let diff = UnifiedDiff.make(old: old, new: new, oldName: "a", newName: "b")
        #expect(
            diff == """
                --- a
                +++ b
                @@ -2,7 +2,7 @@
                 line 2
                 line 3
                 line 4
                -line 5
                +line five
                 line 6
                 line 7
                 line 8

                """)
        #expect(UnifiedDiff.make(old: old, new: old, oldName: "a", newName: "b").isEmpty)
        #expect(
            UnifiedDiff.make(old: "", new: "x\n", oldName: "a", newName: "b") == "--- a\n+++ b\n@@ -0,0 +1,1 @@\n+x\n")
    }

    @Test func kubernetesStreamIsNamespacedAndSelfContained() throws {
        let (spec, text) = try Fixtures.spec(named: "shop")
        let stream = try Generator(templates: TemplateSet.builtin())
            .kubernetesStream(spec, specText: text, environment: "dev", source: "flotilla.yaml")
        #expect(stream.hasPrefix("# Generated from flotilla.yaml"))
        #expect(stream.contains("kind: StatefulSet"))
        #expect(stream.contains("kind: Secret"))
        #expect(stream.contains("image: ghcr.io/flotilla-dev/shop-users:local"))
        #expect(!stream.contains("HorizontalPodAutoscaler"))  // dev runs one replica of everything
        let documents = stream.components(separatedBy: "\n---\n").dropFirst()
        #expect(documents.allSatisfy { $0.contains("namespace: shop") || $0.contains("kind: Namespace") })
    }

    @Test func explainNamesEveryService() throws {
        let (spec, _) = try Fixtures.spec(named: "shop")
        let text = try Generator(templates: TemplateSet.builtin()).explain(spec)
        for service in spec.services { #expect(text.contains("service \(service.name.value) (flotilla.yaml:")) }
        #expect(text.contains("terminationGracePeriodSeconds 20"))
    }
}

/// Rewrites `BuiltinTemplates.swift` from `templates/` (only under FLOTILLA_RECORD_GOLDEN=1).
enum BuiltinTemplatesSource {
    static let cases: [(String, TemplateSet.Name)] = [
        ("dockerfile", .dockerfile), ("dockerignore", .dockerignore), ("readme", .readme),
    ]

    static func record(from folder: URL) throws {
        var lines = [
            "// Generated from templates/ by FLOTILLA_RECORD_GOLDEN=1 swift test (BuiltinTemplatesTests); do not edit.",
            "// The canonical templates are the files in templates/ at the repository root; a test fails when",
            "// these copies differ, so the binary carries them and works from any folder.", "",
            "/// The built-in templates, embedded so the `flotilla` binary needs no resource files.",
            "enum BuiltinTemplates {", "    /// Template text by name.",
            "    static let all: [TemplateSet.Name: String] = [",
        ]
        for (label, name) in cases {
            let text = try String(contentsOf: folder.appendingPathComponent(name.rawValue), encoding: .utf8)
            // Indented as swift-format leaves it; Swift strips the closing delimiter's indentation.
            let body = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "        " + $0 }.joined(separator: "\n")
            lines.append("        .\(label): #\"\"\"\n" + body + "\n        \"\"\"#,")
        }
        lines += ["    ]", "}"]
        let target = Fixtures.repositoryRoot.appendingPathComponent(
            "Sources/FlotillaGenerator/Render/BuiltinTemplates.swift")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: target, options: .atomic)
    }
}
