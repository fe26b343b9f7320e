/// The schema of `flotilla.yaml`: every key the loader accepts, its type, default and meaning.
/// docs/spec.md explains the same keys at length; a test keeps the two in step.
public enum SpecSchema {
    /// The root of a spec file.
    public static let root = Schema(
        .object([
            Property("version", Schema(.scalar(.integer(1...1)), "Spec format version; always 1."), default: "1"),
            Property(
                "name", Schema(.scalar(.name), "Name of the system; labels every generated object."), required: true),
            Property("namespace", Schema(.scalar(.name), "Kubernetes namespace."), default: "the system name"),
            Property("image", image),
            Property(
                "swift", Schema(.scalar(.string), "Swift toolchain version of the build image."), default: "\"6.1\""),
            Property("tracing", tracing),
            Property("environments", environments),
            Property(
                "services",
                Schema(.dictionary(key: .name, value: service, entryNoun: "service"), "The services, by name."),
                required: true),
        ]),
        "A Flotilla system: services, how they call each other, and how they ship.")

    static let image = Schema(
        .object([
            Property(
                "registry",
                Schema(.scalar(.string), "Registry and path prefix of the service images, e.g. ghcr.io/acme."),
                default: "none (local image names)"),
            Property(
                "tag",
                Schema(
                    .scalar(.oneOf(ImageTagPolicy.allCases.map(\.rawValue))),
                    "How images are tagged: by commit SHA, by version tag, or latest."),
                default: "git-sha"),
        ]),
        "Where images are pushed and how they are tagged.")

    static let tracing = Schema(
        .object([
            Property(
                "enabled", Schema(.scalar(.boolean), "Export OTLP traces and run a collector in compose."),
                default: "false"),
            Property(
                "endpoint", Schema(.scalar(.string), "OTLP/HTTP endpoint the services export to."),
                default: "the compose collector"),
        ]),
        "Distributed tracing.")

    static let environments = Schema(
        .dictionary(
            key: .name,
            value: Schema(
                .object([
                    Property(
                        "database",
                        Schema(
                            .scalar(.oneOf(DatabaseEngine.allCases.map(\.rawValue))),
                            "Engine of every owned database here."),
                        default: "postgres"),
                    Property(
                        "replicas",
                        Schema(.scalar(.integer(0...1000)), "Replica count for services without their own override.")),
                    Property(
                        "services",
                        Schema(
                            .dictionary(key: .name, value: serviceOverride, entryNoun: "override"),
                            "Per-service overrides.")),
                ]),
                "One deployment environment; becomes a kustomize overlay."),
            entryNoun: "environment"),
        "Deployment environments (kustomize overlays).")

    static let serviceOverride = Schema(
        .object([
            Property("replicas", Schema(.scalar(.integer(0...1000)), "Replica count in this environment.")),
            Property("autoscale", autoscale),
            Property("resources", resources),
            Property("env", environmentVariables),
        ]),
        "What changes for one service in this environment.")
}
