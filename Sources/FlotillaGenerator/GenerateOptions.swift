/// A family of artifacts, as chosen with `--only`.
public enum ArtifactKind: String, Sendable, Hashable, CaseIterable {
    /// Dockerfiles and their ignore files.
    case docker
    /// `compose.yaml` and its development secret files.
    case compose
    /// The kustomize base and overlays.
    case k8s
    /// GitHub Actions workflows.
    case ci
}

/// What to generate and where the files sit relative to each other.
public struct GenerateOptions: Sendable, Hashable {
    /// Families to generate; empty means all (and the manifests README).
    public var only: Set<ArtifactKind>
    /// The manifests folder relative to the repository root, `/`-separated (`manifests`).
    public var manifestsPath: String
    /// The spec file relative to the repository root (`flotilla.yaml`).
    public var specPath: String
    /// The environment compose runs; nil for the first one the spec lists.
    public var composeEnvironment: String?
    /// The repository root relative to the manifests folder (compose's build context); nil
    /// derives it from `manifestsPath` (`..` for `manifests`).
    public var contextPath: String?

    /// Creates options.
    public init(
        only: Set<ArtifactKind> = [], manifestsPath: String = "manifests", specPath: String = "flotilla.yaml",
        composeEnvironment: String? = nil, contextPath: String? = nil
    ) {
        self.only = only
        self.manifestsPath = manifestsPath
        self.specPath = specPath
        self.composeEnvironment = composeEnvironment
        self.contextPath = contextPath
    }

    /// Whether `kind` is generated.
    public func includes(_ kind: ArtifactKind) -> Bool { only.isEmpty || only.contains(kind) }

    /// The repository root relative to the manifests folder: `..` for `manifests`.
    var repositoryFromManifests: String {
        if let contextPath { return contextPath }
        let depth = manifestsPath.split(separator: "/").filter { $0 != "." }.count
        return depth == 0 ? "." : Array(repeating: "..", count: depth).joined(separator: "/")
    }
}
