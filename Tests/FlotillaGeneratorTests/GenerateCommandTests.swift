import FlotillaTesting
import Foundation
import Testing

/// The real `flotilla generate` process: writing, --check, stale files, invalid specs.
@Suite struct GenerateCommandTests {
    let flotilla = ChildProcess.builtProduct("flotilla")

    /// A fresh folder holding a copy of the shop spec.
    private func workspace() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flotilla-generate-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Fixtures.testsDirectory.appendingPathComponent("Specs/shop.yaml"),
            to: folder.appendingPathComponent("flotilla.yaml"))
        return folder
    }

    @Test func checkPassesOnAFreshTreeAndFailsWithADiffWhenTampered() async throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = folder.appendingPathComponent("flotilla.yaml").path
        #expect(try await ChildProcess.run(flotilla, ["generate", spec]).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".github/workflows/ci.yml").path))
        #expect(try await ChildProcess.run(flotilla, ["generate", "--check", spec]).status == 0)

        let compose = folder.appendingPathComponent("manifests/compose.yaml")
        let original = try String(contentsOf: compose, encoding: .utf8)
        try Data((original + "# edited by hand\n").utf8).write(to: compose)
        let check = try await ChildProcess.run(flotilla, ["generate", "--check", spec])
        #expect(check.status == 1)
        #expect(check.standardOutput.contains("-# edited by hand"))
        #expect(try String(contentsOf: compose, encoding: .utf8).hasSuffix("# edited by hand\n"))  // nothing written

        #expect(try await ChildProcess.run(flotilla, ["generate", spec]).status == 0)
        #expect(try String(contentsOf: compose, encoding: .utf8) == original)
    }

    @Test func filesOfARemovedServiceAreRemovedAndOwnFilesKept() async throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let specURL = folder.appendingPathComponent("flotilla.yaml")
        #expect(try await ChildProcess.run(flotilla, ["generate", specURL.path]).status == 0)
        let own = folder.appendingPathComponent("manifests/k8s/overlays/mine/kustomization.yaml")
        try FileManager.default.createDirectory(at: own.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("resources: [../prod]\n".utf8).write(to: own)
        // Drop the notifications service (and the gateway route and subscriptions that name it).
        var text = try String(contentsOf: specURL, encoding: .utf8)
        let notifications = try #require(text.range(of: "\n  notifications:\n", options: .backwards))
        text = String(text[..<notifications.lowerBound]) + "\n"
        text = text.replacingOccurrences(of: "      notifications: { timeout: 2s }\n", with: "")
        text = text.replacingOccurrences(
            of: "      - { prefix: /api/notifications, service: notifications, rewrite: /notifications }\n", with: "")
        text = text.replacingOccurrences(of: "    publishes: [user.created]\n", with: "")
        text = text.replacingOccurrences(of: "    publishes: [order.confirmed, order.cancelled]\n", with: "")
        try Data(text.utf8).write(to: specURL)
        let stale = try await ChildProcess.run(flotilla, ["generate", "--check", specURL.path])
        #expect(stale.status == 1, "\(stale.standardError)")
        #expect(stale.standardOutput.contains("no longer produced"))
        #expect(try await ChildProcess.run(flotilla, ["generate", specURL.path]).status == 0)
        let removed = folder.appendingPathComponent("manifests/k8s/base/services/notifications.yaml")
        #expect(!FileManager.default.fileExists(atPath: removed.path))
        #expect(FileManager.default.fileExists(atPath: own.path))
    }

    @Test func invalidSpecStopsWithDiagnosticsAndWritesNothing() async throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let specURL = folder.appendingPathComponent("flotilla.yaml")
        try Data("version: 1\nname: Bad_Name\nservices: {}\n".utf8).write(to: specURL)
        let result = try await ChildProcess.run(flotilla, ["generate", specURL.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("flotilla.yaml:"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("manifests").path))
    }

    @Test func stdoutPrintsOneNamespacedStream() async throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await ChildProcess.run(
            flotilla,
            ["generate", "--stdout", "--environment", "prod", folder.appendingPathComponent("flotilla.yaml").path])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("kind: HorizontalPodAutoscaler"))
        #expect(result.standardOutput.contains("namespace: shop"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("manifests").path))
    }
}
