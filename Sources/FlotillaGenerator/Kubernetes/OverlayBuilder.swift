import FlotillaSpec

/// One `k8s/overlays/<environment>/`: the base plus only what differs in that environment —
/// replica counts, autoscalers and budgets added, changed or deleted, resources, variables, the
/// database engine, image tags, (development) in-cluster PostgreSQL with generated Secrets, and
/// (production-like) the gateway's Ingress or HTTPRoute.
struct OverlayBuilder {
    let builder: KubernetesBuilder
    let environment: EnvironmentSpec
    let source: String

    private var spec: SystemSpec { builder.spec }
    private var system: String { spec.name.value }
    private var name: String { environment.name.value }
    private var inCluster: Bool { DeployedService.runsDatabasesInCluster(name) }

    /// The tag the overlay deploys: `local` (images built by compose and loaded into a local
    /// cluster) for development; otherwise `latest` under that policy, else `set-by-ci`, which the
    /// deploy workflow replaces with the commit SHA or release tag before applying.
    var imageTag: String {
        if inCluster { return "local" }
        return spec.image.tag.value == .latest ? "latest" : "set-by-ci"
    }

    private struct Accumulator: Sendable {
        var files: [GeneratedFile] = []
        var resources: [String] = []
        var patches: [K8s.Patch] = []
        var replicas: [K8s.Replicas] = []
        var configMaps: [K8s.Generator] = []
    }

    func files() throws -> [GeneratedFile] {
        let directory = "k8s/overlays/\(name)/"
        var out = Accumulator(resources: ["../../base"])
        out.configMaps.append(
            K8s.Generator(
                name: Naming.runtimeConfigMap(system: system), behavior: "merge",
                literals: ["FLOTILLA_ENVIRONMENT=\(name)"]))
        // Each service's differences are independent: computed on every core, merged in order.
        let parts = try Parallel.map(spec.services) { service in
            var part = Accumulator()
            try differences(of: service, into: &part, directory: directory)
            return part
        }
        for part in parts {
            out.files += part.files
            out.resources += part.resources
            out.patches += part.patches
            out.replicas += part.replicas
            out.configMaps += part.configMaps
        }
        if !inCluster, let exposure = ExposureBuilder(spec: spec).object() {
            let path = "expose/\(exposure.service.name.value).yaml"
            out.files.append(try yaml(directory + path, [exposure.object]))
            out.resources.append(path)
        }
        var secrets: [K8s.Generator]?
        if inCluster {
            let deployed = spec.services.map { DeployedService($0, in: environment) }
            secrets = DevelopmentSecrets(spec: spec, deployed: deployed).all.map { secret in
                K8s.Generator(
                    name: secret.name, literals: KubernetesBuilder.literals(secret.values),
                    options: K8s.GeneratorOptions(disableNameSuffixHash: true))
            }
        }
        let kustomization = K8s.Kustomization(
            resources: out.resources, configMapGenerator: out.configMaps, secretGenerator: secrets,
            replicas: out.replicas.isEmpty ? nil : out.replicas,
            images: spec.services.map { K8s.Image(name: Naming.image(spec, $0), newTag: imageTag) },
            patches: out.patches.isEmpty ? nil : out.patches)
        out.files.append(try yaml(directory + "kustomization.yaml", [kustomization]))
        return out.files
    }

    private func differences(of service: ServiceSpec, into out: inout Accumulator, directory: String) throws {
        let base = DeployedService(base: service)
        let here = DeployedService(service, in: environment)
        let serviceName = here.name
        let baseConfig = builder.runtime.own(base)
        let changed = builder.runtime.own(here).filter { baseConfig[$0.key] != $0.value }
        if !changed.isEmpty {
            out.configMaps.append(
                K8s.Generator(
                    name: Naming.configMap(serviceName), behavior: "merge",
                    literals: KubernetesBuilder.literals(changed)))
        }
        if here.autoscale == nil, base.autoscale != nil || base.replicas != here.replicas {
            out.replicas.append(K8s.Replicas(name: serviceName, count: here.replicas))
        }
        var added: [any KubernetesObject] = []
        let baseHPA = try ScalingBuilder.autoscaler(base, system: system)
        let hereHPA = try ScalingBuilder.autoscaler(here, system: system)
        switch (baseHPA, hereHPA) {
        case (.some(let old), .none):
            try patch(delete: old, "\(serviceName)-delete-hpa.yaml", into: &out, directory: directory)
        case (.none, .some(let new)):
            added.append(new)
            let path = "patches/\(serviceName)-autoscaled.yaml"
            let operations = [K8s.JSONPatchOperation(op: "remove", path: "/spec/replicas")]
            out.files.append(try yaml(directory + path, [operations]))
            out.patches.append(K8s.Patch(path: path, target: K8s.PatchTarget(kind: "Deployment", name: serviceName)))
        case (.some(let old), .some(let new)) where old != new:
            let path = "patches/\(serviceName)-hpa.yaml"
            out.files.append(try yaml(directory + path, [new]))
            out.patches.append(K8s.Patch(path: path))
        default: break
        }
        switch (
            ScalingBuilder.disruptionBudget(base, system: system), ScalingBuilder.disruptionBudget(here, system: system)
        ) {
        case (.some(let old), .none):
            try patch(delete: old, "\(serviceName)-delete-pdb.yaml", into: &out, directory: directory)
        case (.none, .some(let new)): added.append(new)
        default: break
        }
        if !added.isEmpty {
            let path = "scaling/\(serviceName).yaml"
            out.files.append(try yaml(directory + path, added))
            out.resources.append(path)
        }
        try deploymentPatch(base, here, into: &out, directory: directory)
        if inCluster, here.engine == .postgres {
            let path = "databases/\(Naming.database(serviceName)).yaml"
            out.files.append(try yaml(directory + path, DatabaseBuilder(spec: spec).objects(service)))
            out.resources.append(path)
        }
    }

    /// Resources that differ, and `DATABASE_URL` removed where the engine is SQLite here.
    private func deploymentPatch(
        _ base: DeployedService, _ here: DeployedService, into out: inout Accumulator, directory: String
    ) throws {
        let resources = base.resources == here.resources ? nil : DeploymentBuilder.resources(here.resources)
        let dropsURL = base.engine == .postgres && here.engine != .postgres
        guard resources != nil || dropsURL else { return }
        let container = K8s.ContainerPatch(
            name: here.name, resources: resources, env: dropsURL ? [K8s.EnvVarDeletion(name: "DATABASE_URL")] : nil)
        let path = "patches/\(here.name)-deployment.yaml"
        out.files.append(try yaml(directory + path, [K8s.DeploymentPatch(name: here.name, container: container)]))
        out.patches.append(K8s.Patch(path: path))
    }

    private func patch(
        delete object: some KubernetesObject, _ file: String, into out: inout Accumulator, directory: String
    ) throws {
        let path = "patches/" + file
        let deletion = K8s.DeletePatch(
            apiVersion: object.apiVersion, kind: object.kind, metadata: K8s.ObjectMeta(name: object.metadata.name))
        out.files.append(try yaml(directory + path, [deletion]))
        out.patches.append(K8s.Patch(path: path))
    }

    private func yaml(_ path: String, _ documents: [any Encodable & Sendable]) throws -> GeneratedFile {
        GeneratedFile(path: path, contents: try YAMLText.file(source: source, documents: documents))
    }
}
