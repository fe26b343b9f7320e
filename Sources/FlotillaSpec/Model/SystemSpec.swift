/// A whole system as described by one `flotilla.yaml`, with every default filled in.
public struct SystemSpec: Sendable, Hashable {
    /// Spec format version (always 1).
    public var version: Int
    /// System name; a DNS-1123 label.
    public var name: Located<String>
    /// Kubernetes namespace.
    public var namespace: Located<String>
    /// Image registry and tag policy.
    public var image: ImageSpec
    /// Swift toolchain version of the build image, e.g. `6.1`.
    public var swiftVersion: String
    /// Distributed tracing settings.
    public var tracing: TracingSpec
    /// Deployment environments in the order written (`dev` and `prod` when none are written).
    public var environments: [EnvironmentSpec]
    /// Services in the order written.
    public var services: [ServiceSpec]

    /// The service with this name, if any.
    public func service(named name: String) -> ServiceSpec? {
        services.first { $0.name.value == name }
    }

    /// The environment with this name, if any.
    public func environment(named name: String) -> EnvironmentSpec? {
        environments.first { $0.name.value == name }
    }
}

/// Where images go and how they are tagged.
public struct ImageSpec: Sendable, Hashable {
    /// Registry and path prefix, e.g. `ghcr.io/acme`; nil for local image names.
    public var registry: String?
    /// The tagging policy.
    public var tag: Located<ImageTagPolicy>

    /// The image reference of a service without its tag, e.g. `ghcr.io/acme/shop-users`.
    public func repository(system: String, service: String) -> String {
        let name = "\(system)-\(service)"
        guard let registry, !registry.isEmpty else { return name }
        return registry.hasSuffix("/") ? registry + name : registry + "/" + name
    }
}

/// How images are tagged by CI.
public enum ImageTagPolicy: String, Sendable, Hashable, CaseIterable {
    /// The commit SHA: every build is traceable and immutable (recommended).
    case gitSHA = "git-sha"
    /// The git tag of a release, e.g. `v1.4.2`.
    case semver
    /// `latest`: mutable, so deployments are not reproducible (warned about).
    case latest
}

/// Distributed tracing.
public struct TracingSpec: Sendable, Hashable {
    /// Whether services export OTLP traces.
    public var enabled: Bool
    /// The OTLP/HTTP endpoint; nil means the collector that compose runs.
    public var endpoint: String?
}
