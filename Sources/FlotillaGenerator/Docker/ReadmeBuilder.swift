import FlotillaSpec

/// The README of the manifests folder, from its template.
struct ReadmeBuilder {
    let spec: SystemSpec
    let templates: TemplateSet
    let manifestsPath: String
    let composeEnvironment: String

    func file(source: String) -> GeneratedFile {
        let environments: [[String: Any]] = spec.environments.map { environment in
            let name = environment.name.value
            let description =
                DeployedService.runsDatabasesInCluster(name)
                ? "`\(name)`: in-cluster PostgreSQL and generated development Secrets; runs on an empty cluster"
                : "`\(name)`: databases and Secrets you provide (see the Secrets list in docs/generate.md)"
            return ["name": name, "description": description]
        }
        let services: [[String: Any]] = spec.services.map { service in
            [
                "name": service.name.value, "role": service.role.rawValue, "image": Naming.image(spec, service),
                "http": service.ports.http.map { String($0.value) } ?? "—", "admin": String(service.ports.admin.value),
            ]
        }
        let gateway = spec.services.first { $0.role == .gateway }?.ports.http?.value
        let context: [String: Any] = [
            "source": source, "system": spec.name.value, "manifests": manifestsPath,
            "composeEnvironment": composeEnvironment, "environments": environments, "services": services,
            "gatewayPort": gateway.map(String.init) ?? "—",
        ]
        return GeneratedFile(path: "README.md", contents: templates.render(.readme, context))
    }
}
