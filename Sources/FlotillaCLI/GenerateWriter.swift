import FlotillaGenerator
import Foundation
import Synchronization

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
        let targets = try (files + (complete ? [listing(files)] : [])).map { try (paths.url(of: $0), $0.contents) }
        // Comparing and writing are independent per file and mostly system calls: spread them
        // over every core. Only files whose bytes differ are written.
        let changed = try Self.concurrently(targets.count) { index in
            let (url, contents) = targets[index]
            if Self.hasContents(url.path, contents) { return false }
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url, options: .atomic)
            return true
        }.filter { $0 }.count
        var removed = 0
        for url in stale {
            try FileManager.default.removeItem(at: url)
            removed += 1
        }
        return "\(files.count) files generated in \(paths.outURL.path): \(changed) written, \(removed) removed."
    }

    /// Whether the file at `path` holds exactly the UTF-8 bytes of `contents` (compared in place,
    /// without copying the text into `Data`).
    private static func hasContents(_ path: String, _ contents: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path), data.count == contents.utf8.count else {
            return false
        }
        var contents = contents
        return data.withUnsafeBytes { bytes in
            contents.withUTF8 { text in
                guard let left = bytes.baseAddress, let right = text.baseAddress else { return text.isEmpty }
                return memcmp(left, right, text.count) == 0
            }
        }
    }

    /// `body(0..<count)` on every core; the results in index order, or the first error by index.
    private static func concurrently<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        let results = Mutex<[Result<T, any Error>?]>(Array(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let result = Result { try body(index) }
            results.withLock { $0[index] = result }
        }
        return try results.withLock { stored in
            try stored.map { result in
                guard let result else { throw CocoaError(.fileWriteUnknown) }
                return try result.get()
            }
        }
    }

    /// A unified diff of every file that differs on disk; empty when all are current.
    func drift(_ files: [GeneratedFile], complete: Bool) throws -> String {
        var output = ""
        for file in files + (complete ? [listing(files)] : []) {
            let url = try paths.url(of: file)
            if Self.hasContents(url.path, file.contents) { continue }
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
