import FlotillaGenerator
import Foundation

/// Writes generated files atomically, only where they changed, and removes files an earlier run
/// generated that are no longer produced (listed in `<out>/.flotilla-generated`, so files the
/// user added — an overlay of their own — are never touched). Also computes `--check` drift.
struct GenerateWriter {
    let paths: GeneratePaths

    static let listingName = ".flotilla-generated"

    /// Writes `files`; returns a one-line summary.
    /// `complete` is false under `--only`: then the listing is left alone and nothing is removed.
    func write(_ files: [GeneratedFile], complete: Bool) throws -> String {
        // Read the previous listing before it is replaced.
        let stale = complete ? try staleFiles(files) : []
        var changed = 0
        for file in files + (complete ? [listing(files)] : []) {
            let url = try paths.url(of: file)
            let data = Data(file.contents.utf8)
            guard FileManager.default.contents(atPath: url.path) != data else { continue }
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
            changed += 1
        }
        var removed = 0
        for url in stale {
            try FileManager.default.removeItem(at: url)
            removed += 1
        }
        return "\(files.count) files generated in \(paths.outURL.path): \(changed) written, \(removed) removed."
    }

    /// A unified diff of every file that differs on disk; empty when all are current.
    func drift(_ files: [GeneratedFile], complete: Bool) throws -> String {
        var output = ""
        for file in files + (complete ? [listing(files)] : []) {
            let url = try paths.url(of: file)
            let current = FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
            guard current != file.contents else { continue }
            output += UnifiedDiff.make(
                old: current ?? "", new: file.contents, oldName: current == nil ? "/dev/null" : url.path,
                newName: url.path + " (generated)")
        }
        for url in complete ? try staleFiles(files) : [] {
            output += "--- \(url.path)\n+++ /dev/null\n(generated earlier, no longer produced)\n"
        }
        return output
    }

    /// The listing of every generated file, one `root/path` per line.
    private func listing(_ files: [GeneratedFile]) -> GeneratedFile {
        GeneratedFile(
            path: Self.listingName,
            contents: files.map { "\($0.root.rawValue)/\($0.path)\n" }.joined())
    }

    private func staleFiles(_ files: [GeneratedFile]) throws -> [URL] {
        let listingURL = paths.outURL.appendingPathComponent(Self.listingName)
        guard let data = FileManager.default.contents(atPath: listingURL.path) else { return [] }
        let current = Set(files.map { "\($0.root.rawValue)/\($0.path)" })
        var stale: [URL] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !current.contains(String(line)) {
            let parts = line.split(separator: "/", maxSplits: 1)
            guard parts.count == 2, let root = GeneratedFile.Root(rawValue: String(parts[0])) else { continue }
            let url = try paths.url(of: GeneratedFile(root: root, path: String(parts[1]), contents: ""))
            if FileManager.default.fileExists(atPath: url.path) { stale.append(url) }
        }
        return stale
    }
}
