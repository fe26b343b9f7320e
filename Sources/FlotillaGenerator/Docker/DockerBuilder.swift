import FlotillaSpec

/// Spec → a Dockerfile and its `Dockerfile.dockerignore` per service, from the templates.
struct DockerBuilder {
    let spec: SystemSpec
    let templates: TemplateSet
    /// The manifests folder relative to the repository root (the build context).
    let manifestsPath: String

    func files(source: String) throws -> [GeneratedFile] {
        try Parallel.map(spec.services) { service -> [GeneratedFile] in
            let directory = "docker/\(service.name.value)/"
            let context = self.context(service, source: source)
            return [
                GeneratedFile(path: directory + "Dockerfile", contents: templates.render(.dockerfile, context)),
                GeneratedFile(
                    path: directory + "Dockerfile.dockerignore", contents: templates.render(.dockerignore, context)),
            ]
        }.flatMap { $0 }
    }

    /// The values a Dockerfile template sees (documented in docs/generate.md).
    func context(_ service: ServiceSpec, source: String) -> [String: Any] {
        let health = service.health
        var context: [String: Any] = [
            "source": source, "system": spec.name.value, "service": service.name.value, "product": service.product,
            "role": service.role.rawValue, "swiftVersion": spec.swiftVersion, "uid": String(Naming.uid),
            "image": Naming.image(spec, service), "adminPort": String(service.ports.admin.value),
            "dockerfile": "\(manifestsPath)/docker/\(service.name.value)/Dockerfile",
            "dataDirectory": Naming.composeDataDirectory, "healthInterval": health.period.dockerText,
            "healthTimeout": health.timeout.dockerText, "healthStartPeriod": health.startupTimeout.dockerText,
            "healthRetries": String(health.failureThreshold),
        ]
        if let http = service.ports.http { context["httpPort"] = String(http.value) }
        return context
    }
}
