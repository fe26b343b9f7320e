import FlotillaSpec

/// The kustomize tree: `k8s/base/` (environment-neutral) and `k8s/overlays/<environment>/`.
struct KubernetesLayout {
    let builder: KubernetesBuilder
    /// The spec file's text, copied into the base for the `<system>-spec` ConfigMap.
    let specText: String
    /// Name of the spec file, for headers.
    let source: String

    private var spec: SystemSpec { builder.spec }

    func files() throws -> [GeneratedFile] {
        var files = try base()
        for environment in spec.environments {
            files += try OverlayBuilder(builder: builder, environment: environment, source: source).files()
        }
        return files
    }

    private func base() throws -> [GeneratedFile] {
        let system = spec.name.value
        var files = [
            GeneratedFile(path: "k8s/base/flotilla.yaml", contents: specText),
            try yaml("k8s/base/namespace.yaml", [builder.namespace()]),
            try yaml("k8s/base/network-policy.yaml", [builder.network.defaultDeny()]),
        ]
        var generators = [
            K8s.Generator(name: Naming.specConfigMap(system: system), files: ["flotilla.yaml"]),
            K8s.Generator(
                name: Naming.runtimeConfigMap(system: system),
                literals: KubernetesBuilder.literals(builder.runtime.shared(environment: nil))),
        ]
        var resources = ["namespace.yaml", "network-policy.yaml"]
        let builder = self.builder
        let source = self.source
        files += try Parallel.map(spec.services) { service in
            let objects = try builder.serviceObjects(DeployedService(base: service))
            return GeneratedFile(
                path: "k8s/base/services/\(service.name.value).yaml",
                contents: try YAMLText.file(source: source, documents: objects))
        }
        for service in spec.services {
            let deployed = DeployedService(base: service)
            resources.append("services/\(deployed.name).yaml")
            generators.append(
                K8s.Generator(
                    name: Naming.configMap(deployed.name),
                    literals: KubernetesBuilder.literals(builder.runtime.own(deployed))))
        }
        let kustomization = K8s.Kustomization(
            namespace: spec.namespace.value, resources: resources, configMapGenerator: generators)
        files.append(try yaml("k8s/base/kustomization.yaml", [kustomization]))
        return files
    }

    private func yaml(_ path: String, _ documents: [any Encodable & Sendable]) throws -> GeneratedFile {
        GeneratedFile(path: path, contents: try YAMLText.file(source: source, documents: documents))
    }
}
