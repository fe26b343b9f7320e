import FlotillaSpec

/// The runtime contract: the environment variables each service process reads (docs/generate.md,
/// "Runtime contract"). Compose and Kubernetes both build their environment from here.
struct RuntimeEnvironment {
    /// How a service finds its upstreams.
    enum Discovery {
        /// Compose: `http://<service>:<port>` through Docker's DNS.
        case compose
        /// Kubernetes: the headless Service's DNS name and port, re-resolved by the client.
        case kubernetes(namespace: String)
    }

    /// A variable whose value comes from a secret.
    struct SecretVariable: Hashable {
        /// Variable name.
        var name: String
        /// Secret name (Kubernetes) — compose uses ``composeSecret``.
        var secret: String
        /// Key in the secret.
        var key: String

        /// Compose secret (and file) name: `<secret>-<key>`.
        var composeSecret: String { "\(secret)-\(key)" }
    }

    let spec: SystemSpec
    let topology: Topology
    let discovery: Discovery

    /// Settings every service of one environment shares.
    func shared(environment: String?) -> [String: String] {
        var values: [String: String] = [
            "FLOTILLA_SPEC": Naming.specPath,
            "FLOTILLA_DISCOVERY": { if case .compose = discovery { "static" } else { "kubernetes" } }(),
        ]
        if let environment { values["FLOTILLA_ENVIRONMENT"] = environment }
        if spec.tracing.enabled { values["OTEL_EXPORTER_OTLP_ENDPOINT"] = tracingEndpoint }
        return values
    }

    /// The OTLP/HTTP endpoint: the spec's, or the collector compose runs (in Kubernetes, a
    /// Service named `otel-collector` in the namespace, which the user provides).
    var tracingEndpoint: String {
        spec.tracing.endpoint ?? "http://otel-collector:\(Naming.collectorPort)"
    }

    /// One service's own plain settings: identity, ports, upstreams, data folder, spec `env`.
    func own(_ deployed: DeployedService) -> [String: String] {
        let service = deployed.service
        var values: [String: String] = [
            "SERVICE_NAME": deployed.name, "ADMIN_PORT": String(service.ports.admin.value),
        ]
        if let http = service.ports.http { values["HTTP_PORT"] = String(http.value) }
        for upstream in topology.upstreams(of: deployed.name) {
            guard let port = topology.httpPorts[upstream] else { continue }
            values[Naming.upstreamVariable(upstream)] = address(of: upstream, port: port)
        }
        if deployed.engine == .sqlite {
            if case .compose = discovery {
                values["FLOTILLA_DATA_DIR"] = Naming.composeDataDirectory
            } else {
                values["FLOTILLA_DATA_DIR"] = Naming.kubernetesDataDirectory
            }
        }
        for variable in deployed.env { values[variable.name.value] = variable.value }
        return values
    }

    /// Variables read from secrets: `DATABASE_URL` (PostgreSQL only), the admin token, spec `secrets`.
    func secrets(_ deployed: DeployedService) -> [SecretVariable] {
        var result: [SecretVariable] = []
        if deployed.engine == .postgres {
            result.append(
                SecretVariable(name: "DATABASE_URL", secret: Naming.databaseSecret(deployed.name), key: "url"))
        }
        result.append(
            SecretVariable(
                name: "FLOTILLA_ADMIN_TOKEN", secret: Naming.adminSecret(system: spec.name.value), key: "token"))
        for secret in deployed.service.secrets {
            result.append(SecretVariable(name: secret.name.value, secret: secret.secret, key: secret.key))
        }
        return result
    }

    private func address(of service: String, port: Int) -> String {
        switch discovery {
        case .compose: "http://\(service):\(port)"
        case .kubernetes(let namespace): "\(Naming.headless(service)).\(namespace).svc.cluster.local:\(port)"
        }
    }
}
