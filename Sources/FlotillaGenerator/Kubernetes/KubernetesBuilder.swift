import FlotillaSpec

/// Spec → Kubernetes objects: the environment-neutral objects of one service, the objects an
/// environment adds, and the whole system of one environment as a single stream.
struct KubernetesBuilder {
    let spec: SystemSpec
    let topology: Topology
    let runtime: RuntimeEnvironment

    init(spec: SystemSpec, topology: Topology) {
        self.spec = spec
        self.topology = topology
        self.runtime = RuntimeEnvironment(
            spec: spec, topology: topology, discovery: .kubernetes(namespace: spec.namespace.value))
    }

    var network: NetworkBuilder { NetworkBuilder(spec: spec, topology: topology) }

    /// The Namespace, labelled to enforce the `restricted` Pod Security Standard.
    func namespace() -> K8s.Namespace {
        K8s.Namespace(
            metadata: K8s.ObjectMeta(
                name: spec.namespace.value,
                labels: [
                    "app.kubernetes.io/part-of": spec.name.value, "pod-security.kubernetes.io/enforce": "restricted",
                    "pod-security.kubernetes.io/warn": "restricted", "pod-security.kubernetes.io/audit": "restricted",
                ]))
    }

    /// ServiceAccount, Deployment, Services, HPA, PDB and NetworkPolicy of one service.
    func serviceObjects(_ deployed: DeployedService) throws -> [any KubernetesObject] {
        let system = spec.name.value
        var objects: [any KubernetesObject] = [
            network.serviceAccount(deployed.service),
            DeploymentBuilder(spec: spec, runtime: runtime).deployment(deployed),
        ]
        objects += network.services(deployed.service)
        if let autoscaler = try ScalingBuilder.autoscaler(deployed, system: system) { objects.append(autoscaler) }
        if let budget = ScalingBuilder.disruptionBudget(deployed, system: system) { objects.append(budget) }
        objects.append(network.policy(deployed))
        return objects
    }

    /// `KEY=value` literals of a ConfigMap generator, sorted by key.
    static func literals(_ values: [String: String]) -> [String] {
        SortedMap(values).sortedKeys.compactMap { key in values[key].map { "\(key)=\($0)" } }
    }

    /// Every object of one environment, for `--stdout`: generated ConfigMaps and development
    /// Secrets become plain objects (no hash suffix), and every object names the namespace.
    func stream(environment: EnvironmentSpec, specText: String, imageTag: String) throws -> [any KubernetesObject] {
        let system = spec.name.value
        let namespaceName = spec.namespace.value
        let deployed = spec.services.map { DeployedService($0, in: environment) }
        var objects: [any KubernetesObject] = [namespace(), network.defaultDeny()]
        objects.append(
            K8s.ConfigMap(
                metadata: K8s.ObjectMeta(name: Naming.specConfigMap(system: system)),
                data: ["flotilla.yaml": specText]))
        objects.append(
            K8s.ConfigMap(
                metadata: K8s.ObjectMeta(name: Naming.runtimeConfigMap(system: system)),
                data: SortedMap(runtime.shared(environment: environment.name.value))))
        for service in deployed {
            objects.append(
                K8s.ConfigMap(
                    metadata: K8s.ObjectMeta(name: Naming.configMap(service.name)),
                    data: SortedMap(runtime.own(service))))
            var serviceObjects = try serviceObjects(service)
            for index in serviceObjects.indices {
                if var deployment = serviceObjects[index] as? K8s.Deployment {
                    deployment.spec.template.spec.containers[0].image += ":" + imageTag
                    serviceObjects[index] = deployment
                }
            }
            objects += serviceObjects
        }
        if !DeployedService.runsDatabasesInCluster(environment.name.value),
            let exposure = ExposureBuilder(spec: spec).object()
        {
            objects.append(exposure.object)
        }
        if DeployedService.runsDatabasesInCluster(environment.name.value) {
            for secret in DevelopmentSecrets(spec: spec, deployed: deployed).all {
                objects.append(
                    K8s.Secret(metadata: K8s.ObjectMeta(name: secret.name), stringData: SortedMap(secret.values)))
            }
            for service in deployed where service.engine == .postgres {
                objects += DatabaseBuilder(spec: spec).objects(service.service)
            }
        }
        return objects.map { object in
            var object = object
            if !(object is K8s.Namespace) { object.metadata.namespace = namespaceName }
            return object
        }
    }
}

/// The Secrets a development environment generates so an empty cluster runs: the admin token,
/// each database's password and URL, and a placeholder for every secret the spec references.
struct DevelopmentSecrets {
    struct Secret {
        var name: String
        var values: [String: String]
    }

    let all: [Secret]

    init(spec: SystemSpec, deployed: [DeployedService]) {
        var secrets: [String: [String: String]] = [
            Naming.adminSecret(system: spec.name.value): ["token": "dev-only-admin-token"]
        ]
        for service in deployed {
            for secret in service.service.secrets {
                secrets[secret.secret, default: [:]][secret.key] = "dev-only-\(secret.secret)-\(secret.key)"
            }
            guard service.engine == .postgres else { continue }
            secrets[Naming.database(service.name)] = ["password": DatabaseBuilder.developmentPassword(service.name)]
            secrets[Naming.databaseSecret(service.name)] = [
                "url": DatabaseBuilder.developmentURL(service.service, host: Naming.database(service.name))
            ]
        }
        self.all = SortedMap(secrets).sortedKeys.map { Secret(name: $0, values: secrets[$0] ?? [:]) }
    }
}
