import FlotillaGenerator
import Foundation
import Testing

/// Every artifact of several specs, compared byte for byte with the trees under `Golden/`.
/// Re-record with `FLOTILLA_RECORD_GOLDEN=1 swift test --filter GoldenTreeTests` (never in CI),
/// then review the diff and run `scripts/validate-artifacts.sh`.
@Suite struct GoldenTreeTests {
    static let cases = [
        "minimal", "shop", "worker", "no-database", "autoscale-off", "many-dependencies", "environment-overrides",
    ]

    @Test(arguments: cases)
    func generationMatchesGoldenTree(_ name: String) throws {
        let (spec, text) = try Fixtures.spec(named: name)
        let files = try Fixtures.generate(spec, text: text)
        let folder = Fixtures.testsDirectory.appendingPathComponent("Golden/\(name)")
        let tree = GoldenTree(folder: folder, manifests: "manifests")
        if Fixtures.recording {
            try tree.record(files)
            // The spec beside the tree, so compose's ../flotilla.yaml resolves for the validators.
            try Data(text.utf8).write(to: folder.appendingPathComponent("flotilla.yaml"), options: .atomic)
        }
        let problems = tree.differences(from: files)
        #expect(problems.isEmpty, "\(name): \(problems.joined(separator: "\n"))")
    }

    /// The committed `manifests/` and `.github/workflows/` are a fresh generation of the
    /// repository's own flotilla.yaml, so the suite fails when they are stale.
    @Test func repositoryManifestsAreUpToDate() throws {
        let (spec, text) = try Fixtures.spec(
            at: Fixtures.repositoryRoot.appendingPathComponent("flotilla.yaml"), file: "flotilla.yaml")
        let files = try Fixtures.generate(spec, text: text)
        // Other workflows of the repository may sit beside the generated ones: only manifests/
        // is searched for unexpected files.
        let tree = GoldenTree(
            folder: Fixtures.repositoryRoot, manifests: "manifests", untracked: ["manifests/.flotilla-generated"],
            scanned: ["manifests"])
        let problems = tree.differences(from: files)
        #expect(problems.isEmpty, "run `swift run flotilla generate`: \(problems.joined(separator: "\n"))")
    }

    @Test func twoRunsGiveIdenticalBytes() throws {
        for name in Self.cases {
            let (spec, text) = try Fixtures.spec(named: name)
            #expect(try Fixtures.generate(spec, text: text) == Fixtures.generate(spec, text: text))
        }
    }
}
