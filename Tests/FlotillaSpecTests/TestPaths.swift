import Foundation

/// Paths of test fixtures and of the repository, found from this file's location so goldens can
/// be recorded back into the source tree.
enum TestPaths {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let rules = testsFolder.appendingPathComponent("Fixtures/Rules")
    static let repository = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

    static func read(_ url: URL) -> String {
        (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    /// The names of the rule fixture folders, sorted.
    static var ruleNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: rules.path)) ?? []).sorted()
    }
}
