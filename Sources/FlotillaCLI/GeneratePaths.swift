import FlotillaGenerator
import Foundation

/// Where `flotilla generate` reads and writes: the spec, the repository root (the spec's
/// folder, the build context and home of `.github/workflows`) and the manifests folder.
struct GeneratePaths {
    let specURL: URL
    let repositoryURL: URL
    let outURL: URL

    init(specFile: String, out: String?) throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        specURL = URL(fileURLWithPath: specFile, relativeTo: cwd).standardizedFileURL
        repositoryURL = specURL.deletingLastPathComponent()
        outURL =
            out.map { URL(fileURLWithPath: $0, isDirectory: true, relativeTo: cwd).standardizedFileURL }
            ?? repositoryURL.appendingPathComponent("manifests", isDirectory: true)
    }

    /// The spec's file name, as headers name it.
    var specName: String { specURL.lastPathComponent }
    /// The manifests folder relative to the repository root.
    var manifestsPath: String { Self.relative(from: repositoryURL, to: outURL) }
    /// The repository root relative to the manifests folder.
    var contextPath: String { Self.relative(from: outURL, to: repositoryURL) }

    func readSpec() throws -> String {
        String(decoding: try Data(contentsOf: specURL), as: UTF8.self)
    }

    /// The absolute location of a generated file.
    func url(of file: GeneratedFile) throws -> URL {
        let parts = file.path.split(separator: "/")
        guard !file.path.hasPrefix("/"), !parts.contains(".."), !parts.isEmpty else {
            throw GeneratorError("refusing to write outside the output folder: \(file.path)")
        }
        let base = file.root == .manifests ? outURL : repositoryURL
        return base.appendingPathComponent(file.path)
    }

    /// `a/b` → `a/c/d` is `../c/d`.
    static func relative(from base: URL, to target: URL) -> String {
        let from = base.standardizedFileURL.pathComponents
        let to = target.standardizedFileURL.pathComponents
        var common = 0
        while common < min(from.count, to.count), from[common] == to[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
