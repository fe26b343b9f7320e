/// One file `flotilla generate` produces, in memory: where it goes and what it holds.
public struct GeneratedFile: Sendable, Hashable {
    /// Which folder `path` is relative to.
    public enum Root: String, Sendable, Hashable, CaseIterable {
        /// The manifests folder (`--out`, `manifests/` by default).
        case manifests
        /// The repository root (the folder of flotilla.yaml); only CI workflows go here.
        case repository
    }

    /// Which folder `path` is relative to.
    public var root: Root
    /// Path relative to `root`, `/`-separated, never absolute and never containing `..`.
    public var path: String
    /// The file's bytes as UTF-8 text.
    public var contents: String

    /// Creates a file.
    public init(root: Root = .manifests, path: String, contents: String) {
        self.root = root
        self.path = path
        self.contents = contents
    }
}
