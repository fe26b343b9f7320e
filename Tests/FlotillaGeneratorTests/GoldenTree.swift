import FlotillaGenerator
import Foundation

/// A folder of expected files compared byte for byte with a generation: manifests-rooted files
/// under `<folder>/<manifests>/`, repository-rooted ones (workflows) under `<folder>/`.
struct GoldenTree {
    let folder: URL
    let manifests: String
    /// Paths (relative to `folder`) not produced by the generator and left alone.
    var untracked: Set<String> = []
    /// Folders searched for unexpected files.
    var scanned = ["manifests", ".github"]

    private func relativePath(_ file: GeneratedFile) -> String {
        file.root == .manifests ? "\(manifests)/\(file.path)" : file.path
    }

    /// Every difference: missing, changed and unexpected files; empty when the tree matches.
    func differences(from files: [GeneratedFile]) -> [String] {
        var problems: [String] = []
        let expected = Dictionary(uniqueKeysWithValues: files.map { (relativePath($0), $0.contents) })
        for (path, contents) in expected.sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                problems.append("missing \(path)")
                continue
            }
            let current = String(decoding: data, as: UTF8.self)
            if current != contents {
                problems.append(
                    "differs \(path):\n"
                        + UnifiedDiff.make(old: current, new: contents, oldName: "golden", newName: "generated"))
            }
        }
        for path in existingFiles() where expected[path] == nil && !untracked.contains(path) {
            problems.append("unexpected \(path)")
        }
        return problems
    }

    /// Replaces the tree's generated files with `files`.
    func record(_ files: [GeneratedFile]) throws {
        let expected = Set(files.map(relativePath))
        for path in existingFiles() where !expected.contains(path) && !untracked.contains(path) {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(path))
        }
        for file in files {
            let url = folder.appendingPathComponent(relativePath(file))
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: url, options: .atomic)
        }
    }

    private func existingFiles() -> [String] {
        let roots = scanned
        var paths: [String] = []
        for root in roots {
            let base = folder.appendingPathComponent(root)
            guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
                continue
            }
            for case let url as URL in enumerator {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    let relative = url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1)
                    paths.append(String(relative))
                }
            }
        }
        return paths.sorted()
    }
}
